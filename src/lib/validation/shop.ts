import { z } from 'zod';
import { normalizeWhatsapp } from '../utils/phone';
import { rupiahField } from './money';

export const whatsappField = z
	.string()
	.max(40, 'msg:error.whatsapp')
	.transform((v, ctx) => {
		const n = normalizeWhatsapp(v);
		if (!n) {
			ctx.addIssue({ code: 'custom', message: 'msg:error.whatsapp' });
			return z.NEVER;
		}
		return n;
	});

export const newShopSchema = z.object({
	slug: z.string().trim().min(2).max(60).regex(/^[a-z0-9-]+$/).optional(),
	name: z.string().trim().min(3).max(60),
	businessType: z.string().trim().max(80).optional().default(''),
	whatsapp: whatsappField,
	area: z.string().trim().max(80).optional(),
	story: z.string().trim().max(1000).optional().default(''),
	nib: z.string().trim().regex(/^\d{13}$/).optional()
});
export type NewShopInput = z.input<typeof newShopSchema>;

export const ONBOARDING_STEPS = ['nama', 'whatsapp', 'logo', 'cerita', 'lokasi', 'pengiriman', 'pembayaran', 'produk'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());
const rupiah = (max: number) => rupiahField(0, max, 'msg:field.money.range', 0);

export const deliverySchema = z
	.object({
		pickup: checkbox,
		local: checkbox,
		localFee: rupiah(100_000),
		localArea: z.string().trim().max(120).optional().default(''),
		courier: checkbox,
		minOrder: rupiah(10_000_000)
	})
	.refine((d) => d.pickup || d.local || d.courier, { message: 'msg:shop.deliveryNone', path: ['pickup'] });
export type DeliveryOptions = z.output<typeof deliverySchema>;

export const paymentSchema = z
	.object({
		cod: checkbox,
		transfer: checkbox,
		bank: z.string().trim().max(40).optional().default(''),
		accountNumber: z.string().trim().max(30).optional().default(''),
		accountName: z.string().trim().max(60).optional().default(''),
		qris: z.string().trim().max(512).optional().default('')
	})
	.refine((p) => p.cod || p.transfer || p.qris.length > 0, { message: 'msg:shop.paymentNone', path: ['cod'] })
	.refine((p) => !p.transfer || (p.bank.length >= 2 && /^\d{5,20}$/.test(p.accountNumber.replace(/[\s-]/g, '')) && p.accountName.length >= 2), {
		message: 'msg:shop.transferIncomplete',
		path: ['accountNumber']
	})
	.transform((p) => ({ ...p, accountNumber: p.accountNumber.replace(/[\s-]/g, '') }));
export type PaymentInput = z.output<typeof paymentSchema>;

/** What each onboarding step may change; one screen, one schema. */
export const onboardingSchemas = {
	nama: z.object({ name: z.string().trim().min(3, 'msg:shop.nameShort').max(60, 'msg:shop.nameLong') }),
	whatsapp: z.object({ whatsapp: whatsappField }),
	cerita: z.object({ story: z.string().trim().max(1000, 'msg:shop.storyLong'), businessType: z.string().trim().max(80).optional() }),
	lokasi: z.object({
		area: z.string().trim().max(80).optional().default(''),
		pickupPoint: z.string().trim().max(200).optional().default(''),
		openingHours: z.string().trim().max(200).optional().default('')
	}),
	pengiriman: deliverySchema,
	pembayaran: paymentSchema
} as const;

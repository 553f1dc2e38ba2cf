import { z } from 'zod';
import { lineField, textField } from './text';
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
	slug: lineField().min(2).max(60).regex(/^[a-z0-9-]+$/).optional(),
	name: lineField().min(3).max(60),
	businessType: lineField().max(80).optional().default(''),
	whatsapp: whatsappField,
	area: lineField().max(80).optional(),
	story: textField().max(1000).optional().default(''),
	nib: lineField().regex(/^\d{13}$/).optional()
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
		localArea: lineField().max(120).optional().default(''),
		courier: checkbox,
		minOrder: rupiah(10_000_000)
	})
	.refine((d) => d.pickup || d.local || d.courier, { message: 'msg:shop.deliveryNone', path: ['pickup'] });
export type DeliveryOptions = z.output<typeof deliverySchema>;

export const paymentSchema = z
	.object({
		cod: checkbox,
		transfer: checkbox,
		bank: lineField().max(40).optional().default(''),
		accountNumber: lineField().max(30).optional().default(''),
		accountName: lineField().max(60).optional().default(''),
		qris: lineField().max(512).optional().default('')
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
	nama: z.object({ name: lineField().min(3, 'msg:shop.nameShort').max(60, 'msg:shop.nameLong') }),
	whatsapp: z.object({ whatsapp: whatsappField }),
	cerita: z.object({ story: textField().max(1000, 'msg:shop.storyLong'), businessType: lineField().max(80).optional() }),
	lokasi: z.object({
		area: lineField().max(80).optional().default(''),
		pickupPoint: lineField().max(200).optional().default(''),
		openingHours: lineField().max(200).optional().default('')
	}),
	pengiriman: deliverySchema,
	pembayaran: paymentSchema
} as const;

import { z } from 'zod';
import { normalizeWhatsapp } from '../utils/phone';

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

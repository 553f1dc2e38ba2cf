import { z } from 'zod';
import { CATEGORY_SLUGS } from '../categories';

/** P-IRT as printed on labels, validated loosely: 13 digits, optional dash, 2 digits. */
export const PIRT = /^\d{13}-?\d{2}$/;
/** BPOM registration for processed food made outside the home industry: `MD` + 12 digits. */
export const BPOM_MD = /^MD ?\d{12}$/i;

export const newProductSchema = z
	.object({
		slug: z.string().trim().min(2).max(80).regex(/^[a-z0-9-]+$/).optional(),
		name: z.string().trim().min(3).max(120),
		categorySlug: z.enum(CATEGORY_SLUGS, 'msg:error.category'),
		price: z.number().int().min(100).max(100_000_000),
		unit: z.string().trim().min(1).max(20),
		stock: z.number().int().min(0).max(1_000_000).nullable().optional(),
		madeToOrder: z.boolean().optional().default(false),
		leadTimeDays: z.number().int().min(0).max(60).optional().default(0),
		weightGrams: z.number().int().min(1).max(100_000).nullable().optional(),
		description: z.string().trim().max(3000).optional().default(''),
		shelfLife: z.string().trim().max(80).nullable().optional(),
		ingredients: z.string().trim().max(500).nullable().optional(),
		pirt: z.string().trim().regex(PIRT).nullable().optional(),
		halal: z.string().trim().max(40).nullable().optional(),
		bpom: z.string().trim().regex(BPOM_MD).nullable().optional(),
		published: z.boolean().optional().default(false)
	})
	.transform((p) => ({ ...p, stock: p.madeToOrder ? null : (p.stock ?? 0) }));
export type NewProductInput = z.input<typeof newProductSchema>;

import { z } from 'zod';
import { lineField, textField } from './text';
import { CATEGORY_SLUGS } from '../categories';
import { rupiahField } from './money';

/** P-IRT as printed on labels, validated loosely: 13 digits, optional dash, 2 digits. */
export const PIRT = /^\d{13}-?\d{2}$/;
/** BPOM registration for processed food made outside the home industry: `MD` + 12 digits. */
export const BPOM_MD = /^MD ?\d{12}$/i;

export const variantSchema = z.object({
	id: z.string().max(40).optional(),
	label: lineField().min(1, 'msg:product.variantLabel').max(20, 'msg:product.variantLabel'),
	price: rupiahField(100, 100_000_000, 'msg:product.priceRange'),
	stock: z.number('msg:error.number').int('msg:error.number').min(0).max(1_000_000).nullable().optional()
});

/** A variant after validation (its price read as whole rupiah). */
export type VariantValues = z.output<typeof variantSchema>;

const productFields = {
	name: lineField().min(3, 'msg:product.nameShort').max(120, 'msg:product.nameLong'),
	categorySlug: z.enum(CATEGORY_SLUGS, 'msg:error.category'),
	price: rupiahField(100, 100_000_000, 'msg:product.priceRange'),
	unit: lineField().min(1, 'msg:product.unitRequired').max(20),
	stock: z.number('msg:error.number').int('msg:error.number').min(0, 'msg:product.stockNegative').max(1_000_000).nullable().optional(),
	madeToOrder: z.boolean().optional(),
	leadTimeDays: z.number('msg:error.number').int('msg:error.number').min(0).max(60).optional(),
	weightGrams: z.number('msg:error.number').int('msg:error.number').min(1, 'msg:product.weightRange').max(100_000, 'msg:product.weightRange').nullable().optional(),
	description: textField().max(3000, 'msg:product.descriptionLong').optional(),
	shelfLife: lineField().max(80).nullable().optional(),
	ingredients: lineField().max(500).nullable().optional(),
	pirt: lineField().regex(PIRT, 'msg:product.pirtFormat').nullable().optional(),
	halal: lineField().max(40).nullable().optional(),
	bpom: lineField().regex(BPOM_MD, 'msg:product.bpomFormat').nullable().optional(),
	variantTitle: lineField().max(14, 'msg:product.variantTitle').nullable().optional(),
	variants: z.array(variantSchema).max(20, 'msg:product.variantCount').optional(),
	published: z.boolean().optional()
};

/** Changes to a product: any editable field (API PATCH and the editor form). */
export const productPatchSchema = z.object(productFields).partial().strict();
export type ProductPatchInput = z.input<typeof productPatchSchema>;

export const newProductSchema = z
	.object({
		...productFields,
		slug: lineField().min(2).max(80).regex(/^[a-z0-9-]+$/).optional(),
		madeToOrder: z.boolean().optional().default(false),
		leadTimeDays: productFields.leadTimeDays.default(0),
		description: productFields.description.default(''),
		published: z.boolean().optional().default(false)
	})
	.transform((p) => ({ ...p, stock: p.madeToOrder ? null : (p.stock ?? 0) }));
export type NewProductInput = z.input<typeof newProductSchema>;

/**
 * The product editor's form fields → the input the schemas expect. Empty means "not given"; numbers
 * money stays as typed for the schema's rupiah parser; counts typed with dots or spaces are read as whole numbers.
 */
export function productInputFromForm(form: FormData): Record<string, unknown> {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : undefined;
	};
	const num = (k: string) => {
		const v = text(k)?.replace(/[\s.]/g, '').replace(/^Rp/i, '');
		if (v === undefined || v === '') return undefined;
		return /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
	};
	/** Money stays text here: the schema reads it with the one rupiah parser. */
	const money = (k: string) => (text(k)?.trim() ? text(k) : undefined);
	const orNull = (k: string) => (text(k)?.trim() ? text(k)!.trim() : null);
	const madeToOrder = form.get('madeToOrder') === 'on';
	const variants: Record<string, unknown>[] = [];
	for (let i = 0; i < 20; i++) {
		const label = text(`variant.${i}.label`)?.trim();
		if (!label) continue;
		const stock = num(`variant.${i}.stock`);
		variants.push({ id: text(`variant.${i}.id`) || undefined, label, price: money(`variant.${i}.price`) ?? money('price'), stock: madeToOrder ? null : (stock ?? 0) });
	}
	return {
		name: text('name'),
		categorySlug: text('categorySlug'),
		price: money('price'),
		unit: text('unit'),
		madeToOrder,
		stock: madeToOrder ? null : (num('stock') ?? 0),
		leadTimeDays: num('leadTimeDays') ?? 0,
		weightGrams: num('weightGrams') ?? null,
		description: text('description') ?? '',
		shelfLife: orNull('shelfLife'),
		ingredients: orNull('ingredients'),
		pirt: orNull('pirt'),
		halal: orNull('halal'),
		bpom: orNull('bpom'),
		variantTitle: orNull('variantTitle'),
		variants
	};
}

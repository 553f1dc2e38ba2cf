import type { MessageKey, Params } from '../../i18n';
import { formatRupiah } from '../../utils/money';

/**
 * Shopee's limits for a bulk upload ("Upload Massal", Template Dasar). A product that breaks one is left out of the
 * file and named with what to fix: Shopee would refuse its row anyway, or worse, list it wrong.
 */
export const SHOPEE_LIMITS = {
	nameMin: 5,
	nameMax: 255,
	descriptionMin: 20,
	descriptionMax: 3000,
	priceMin: 99,
	priceMax: 150_000_000,
	/** The cover and up to 8 more. */
	photosMax: 9,
	variationNameMax: 14,
	optionMax: 20,
	variantsMax: 20
} as const;

/** The template's fields E-Crav fills, by the name before the first `|` of their row-1 key. */
export const SHOPEE_FIELDS = [
	'ps_category',
	'ps_product_name',
	'ps_product_description',
	'ps_sku_parent_short',
	'et_title_variation_integration_no',
	'et_title_variation_1',
	'et_title_option_for_variation_1',
	'ps_price',
	'ps_stock',
	'ps_sku_short',
	'ps_item_cover_image',
	'ps_item_image_1',
	'ps_item_image_2',
	'ps_item_image_3',
	'ps_item_image_4',
	'ps_item_image_5',
	'ps_item_image_6',
	'ps_item_image_7',
	'ps_item_image_8',
	'ps_weight'
] as const;
export type ShopeeField = (typeof SHOPEE_FIELDS)[number];

/** One line of the file. `ps_weight` is in grams here; the writer converts it to the template's unit. */
export type ShopeeRow = Partial<Record<ShopeeField, string | number>>;

/** What the rules need to know of a product: its own fields, photo URLs (public, absolute) and variants. */
export interface ShopeeProductSource {
	id: string;
	slug: string;
	name: string;
	description: string;
	price: number;
	/** null: made to order, no count kept. */
	stock: number | null;
	weightGrams: number | null;
	/** Absolute public URLs, cover first. */
	photoUrls: string[];
	variantTitle: string | null;
	variants: { label: string; price: number; stock: number | null }[];
}

export type ShopeeProblemCode =
	| 'name_short'
	| 'name_long'
	| 'description_html'
	| 'description_short'
	| 'description_long'
	| 'price_low'
	| 'price_high'
	| 'no_photo'
	| 'no_weight'
	| 'no_stock'
	| 'variation_name_missing'
	| 'variation_name_long'
	| 'option_long'
	| 'too_many_variants';

/** One thing to fix, said in the seller's words by its message key. */
export interface ShopeeProblem {
	code: ShopeeProblemCode;
	messageKey: MessageKey;
	params: Params;
}

const problem = (code: ShopeeProblemCode, params: Params = {}): ShopeeProblem => ({ code, messageKey: `shopee.problem.${code}` as MessageKey, params });

/** Characters as a person counts them (an emoji is one), which is what Shopee's form counts too. */
const length = (s: string) => [...s].length;

/**
 * Markup a seller pasted from a website or a chat app (`<b>`, `<br/>`, `&nbsp;`): Shopee shows descriptions as plain
 * text, so the tags would be printed as they are.
 */
const HTML = /<\s*\/?\s*[a-z][a-z0-9-]*(\s[^<>]*)?\/?\s*>|&(#\d+|#x[0-9a-f]+|[a-z]{2,8});/i;

export function looksLikeHtml(text: string): boolean {
	return HTML.test(text);
}

function priceProblems(price: number, option: string | null): ShopeeProblem[] {
	const params = { price: formatRupiah(price), option: option ?? '' };
	const suffix = option === null ? '' : 'Variant';
	if (price < SHOPEE_LIMITS.priceMin) return [{ ...problem('price_low', params), messageKey: `shopee.problem.price_low${suffix}` as MessageKey }];
	if (price > SHOPEE_LIMITS.priceMax) return [{ ...problem('price_high', params), messageKey: `shopee.problem.price_high${suffix}` as MessageKey }];
	return [];
}

/** Everything that keeps this product out of a Shopee file; empty when it can go in as it is. */
export function shopeeProblems(p: ShopeeProductSource): ShopeeProblem[] {
	const out: ShopeeProblem[] = [];
	const name = p.name.trim();
	if (length(name) < SHOPEE_LIMITS.nameMin) out.push(problem('name_short', { length: length(name) }));
	if (length(name) > SHOPEE_LIMITS.nameMax) out.push(problem('name_long', { length: length(name) }));
	const description = p.description.trim();
	if (looksLikeHtml(description)) out.push(problem('description_html'));
	else if (length(description) < SHOPEE_LIMITS.descriptionMin) out.push(problem('description_short', { length: length(description) }));
	else if (length(description) > SHOPEE_LIMITS.descriptionMax) out.push(problem('description_long', { length: length(description) }));
	if (p.photoUrls.length === 0) out.push(problem('no_photo'));
	if (!p.weightGrams || p.weightGrams <= 0) out.push(problem('no_weight'));
	if (p.variants.length === 0) {
		out.push(...priceProblems(p.price, null));
		if (p.stock === null) out.push(problem('no_stock'));
		return out;
	}
	const title = (p.variantTitle ?? '').trim();
	if (!title) out.push(problem('variation_name_missing'));
	else if (length(title) > SHOPEE_LIMITS.variationNameMax) out.push(problem('variation_name_long', { title, length: length(title) }));
	if (p.variants.length > SHOPEE_LIMITS.variantsMax) out.push(problem('too_many_variants', { count: p.variants.length }));
	let stockMissing = false;
	for (const v of p.variants) {
		const option = v.label.trim();
		if (length(option) > SHOPEE_LIMITS.optionMax) out.push(problem('option_long', { option, length: length(option) }));
		out.push(...priceProblems(v.price, option));
		if ((v.stock ?? p.stock) === null) stockMissing = true;
	}
	if (stockMissing) out.push(problem('no_stock'));
	return out;
}

/**
 * The file's lines for a product that passed `shopeeProblems`: one line, or one per variant sharing the parent SKU
 * and the variation's integration number (Shopee groups a product's variant lines by it). Every line repeats the
 * product's own fields, as Shopee's template asks.
 */
export function shopeeRows(p: ShopeeProductSource, integrationNo: number): ShopeeRow[] {
	const photos = p.photoUrls.slice(0, SHOPEE_LIMITS.photosMax);
	const base: ShopeeRow = {
		ps_product_name: p.name.trim(),
		ps_product_description: p.description.trim(),
		ps_sku_parent_short: p.slug,
		ps_item_cover_image: photos[0],
		ps_weight: p.weightGrams ?? undefined
	};
	photos.slice(1).forEach((url, i) => (base[`ps_item_image_${i + 1}` as ShopeeField] = url));
	if (p.variants.length === 0) return [{ ...base, ps_price: p.price, ps_stock: p.stock ?? 0, ps_sku_short: p.slug }];
	return p.variants.map((v, i) => ({
		...base,
		et_title_variation_integration_no: integrationNo,
		et_title_variation_1: (p.variantTitle ?? '').trim(),
		et_title_option_for_variation_1: v.label.trim(),
		ps_price: v.price,
		ps_stock: v.stock ?? p.stock ?? 0,
		ps_sku_short: `${p.slug}-${i + 1}`
	}));
}

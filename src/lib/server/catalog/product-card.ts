import type { Product } from '../db/schema';
import type { PhotoVariant } from '../media/types';
import { mediaUrl } from '../media/types';
import type { ProductCardRow } from './product.repository';

export interface ImageRef {
	src: string;
	srcset: string;
	width: number;
	height: number;
}

export interface ProductCard {
	id: string;
	slug: string;
	name: string;
	/** What the cheapest choice costs: the product's price, or its cheapest variant's. */
	price: number;
	/** The dearest choice; above `price` only when variant prices differ (the card then says "mulai"). */
	priceMax: number;
	unit: string;
	category: string;
	available: boolean;
	madeToOrder: boolean;
	leadTimeDays: number;
	url: string;
	image: ImageRef | null;
	shop: { slug: string; name: string };
}

export function parseVariants(json: string | null): PhotoVariant[] {
	if (!json) return [];
	try {
		const v = JSON.parse(json);
		return Array.isArray(v) ? (v as PhotoVariant[]) : [];
	} catch {
		return [];
	}
}

/** The square card image: 300 px, with the 600 px variant for sharper screens. */
export function squareImage(variants: PhotoVariant[]): ImageRef | null {
	const thumb = variants.find((v) => v.name === 'thumb');
	const medium = variants.find((v) => v.name === 'medium');
	if (!thumb) return null;
	return {
		src: mediaUrl(thumb.key),
		srcset: [thumb, medium].filter((v): v is PhotoVariant => !!v).map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', '),
		width: thumb.width,
		height: thumb.height
	};
}

/** The gallery image: 600 px square for phones, the 1200 px original-shape variant for larger screens. */
export function galleryImage(variants: PhotoVariant[]): ImageRef | null {
	const medium = variants.find((v) => v.name === 'medium');
	const large = variants.find((v) => v.name === 'large');
	const main = medium ?? large;
	if (!main) return null;
	return {
		src: mediaUrl(main.key),
		srcset: [medium, large].filter((v): v is PhotoVariant => !!v).map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', '),
		width: main.width,
		height: main.height
	};
}

export function productPath(communitySlug: string, shopSlug: string, productSlug: string): string {
	return `/c/${communitySlug}/toko/${shopSlug}/${productSlug}`;
}

/**
 * The most any variant can still sell (a variant without its own count sells from the product's, the rule the cart
 * and checkout use); null when the product has no variants.
 */
export function variantStockOf(p: { stock: number | null }, variants: readonly { stock: number | null }[]): number | null {
	return variants.length ? Math.max(...variants.map((v) => v.stock ?? p.stock ?? 0)) : null;
}

/**
 * The one availability rule for cards, pages and the API: made to order is always available; a product with variants
 * is available while any variant has stock (`variantStock`, see variantStockOf), whatever its own `stock` says;
 * otherwise its own stock counts.
 */
export function isAvailable(p: { made_to_order: number; stock: number | null }, variantStock: number | null): boolean {
	return p.made_to_order === 1 || (variantStock ?? p.stock ?? 0) > 0;
}

/**
 * What a buyer can pay for one unit: a product with variants is sold only at its variants' prices (the cart's
 * rule, `variant.price`), so its own price counts only without variants. `min < max` means the prices differ:
 * cards say "mulai {min}", the product page shows "{min} – {max}" until a variant is chosen.
 */
export function priceRangeOf(p: { price: number }, variants: readonly { price: number }[]): { min: number; max: number } {
	if (!variants.length) return { min: p.price, max: p.price };
	const prices = variants.map((v) => v.price);
	return { min: Math.min(...prices), max: Math.max(...prices) };
}

export function toProductCard(communitySlug: string, row: ProductCardRow): ProductCard {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		price: row.variant_min_price ?? row.price,
		priceMax: row.variant_max_price ?? row.price,
		unit: row.unit,
		category: row.category_slug,
		available: isAvailable(row, row.variant_stock),
		madeToOrder: row.made_to_order === 1,
		leadTimeDays: row.lead_time_days,
		url: productPath(communitySlug, row.shop_slug, row.slug),
		image: squareImage(parseVariants(row.cover)),
		shop: { slug: row.shop_slug, name: row.shop_name }
	};
}

/**
 * A product row as the pages and the API show it (camelCase, booleans, no search columns). The field
 * names match the product input schema, so the editor can show it and send it back unchanged.
 */
export function productDto(p: Product, variants: readonly { stock: number | null }[]) {
	return {
		id: p.id,
		slug: p.slug,
		shopId: p.shop_id,
		name: p.name,
		categorySlug: p.category_slug,
		price: p.price,
		unit: p.unit,
		stock: p.stock,
		madeToOrder: p.made_to_order === 1,
		leadTimeDays: p.lead_time_days,
		available: isAvailable(p, variantStockOf(p, variants)),
		weightGrams: p.weight_grams,
		description: p.description,
		shelfLife: p.shelf_life,
		ingredients: p.ingredients,
		pirt: p.pirt,
		halal: p.halal,
		bpom: p.bpom,
		variantTitle: p.variant_title,
		status: p.status,
		published: p.status === 'published'
	};
}

/**
 * The card a seller's product will show buyers, for the seller's own screens (the product editor, the last step
 * of "Produk pertama"): the same card the catalog draws, with "mulai" for variants, the shop's name and the cover.
 */
export function sellerPreviewCard(communitySlug: string, p: Product, shop: { slug: string; name: string }, variants: readonly { price: number; stock: number | null }[], cover: ImageRef | null): ProductCard & { image: ImageRef | null } {
	const range = variants.length ? priceRangeOf(p, variants) : null;
	return {
		...toProductCard(communitySlug, {
			id: p.id,
			slug: p.slug,
			name: p.name,
			price: p.price,
			unit: p.unit,
			category_slug: p.category_slug,
			stock: p.stock,
			made_to_order: p.made_to_order,
			lead_time_days: p.lead_time_days,
			created_at: p.created_at,
			shop_slug: shop.slug,
			shop_name: shop.name,
			cover: null,
			variant_stock: variantStockOf(p, variants),
			// The preview says "mulai" exactly as the buyer's card will.
			variant_min_price: range ? range.min : null,
			variant_max_price: range ? range.max : null
		}),
		image: cover
	};
}

import type { Selectable } from 'kysely';
import type { ProductTable } from '../db/schema';
import { listingQuality } from '../catalog/listing-quality';

/**
 * What the listing score needs of a published product, read the same way by the adoption funnel (`good_listing`)
 * and by the dashboard's listing quality, so the two cannot score one product differently.
 */
export const LISTING_COLUMNS = ['id', 'name', 'description', 'price', 'weight_grams', 'category_slug', 'pirt', 'halal', 'bpom'] as const;

export type ListingRow = Pick<Selectable<ProductTable>, (typeof LISTING_COLUMNS)[number]>;

/** A photo of a listing as stored: `hints` is the JSON list of photo problems (blurry, dark, …). */
export interface ListingPhotoRow {
	product_id: string;
	hints: string;
}

/** Each product's photos in the order given (callers sort by position), hints parsed; a broken hints text is no hint. */
export function photosByProduct(photos: readonly ListingPhotoRow[]): Map<string, { hints: string[] }[]> {
	const out = new Map<string, { hints: string[] }[]>();
	for (const ph of photos) {
		const list = out.get(ph.product_id) ?? [];
		list.push({ hints: parseHints(ph.hints) });
		out.set(ph.product_id, list);
	}
	return out;
}

/** The listing score (0–100) of one stored product with its photos. `price` is cast: PostgreSQL may give bigint text. */
export function listingScore(row: ListingRow, photos: Map<string, { hints: string[] }[]>): number {
	return listingQuality({
		name: row.name,
		description: row.description,
		price: Number(row.price),
		weightGrams: row.weight_grams,
		categorySlug: row.category_slug,
		pirt: row.pirt,
		halal: row.halal,
		bpom: row.bpom,
		photos: photos.get(row.id) ?? []
	}).score;
}

function parseHints(text: string): string[] {
	try {
		const v: unknown = JSON.parse(text);
		return Array.isArray(v) ? v.map(String) : [];
	} catch {
		return [];
	}
}

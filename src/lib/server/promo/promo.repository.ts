import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** A product as a printed catalog shows it: name, price (or its variants' range), unit and the cover's variants. */
export interface PrintableProduct {
	id: string;
	shopId: string;
	name: string;
	price: number;
	unit: string;
	/** The cheapest and dearest variant price; null when the product has no variants. */
	minPrice: number | null;
	maxPrice: number | null;
	/** JSON `PhotoVariant[]` of the first photo, or null. */
	cover: string | null;
	photoCount: number;
	descriptionLength: number;
}

/** Reads what posters and printed catalogs show: only what buyers can see (published products of active shops). */
export class PromoRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/** Published products of one shop, or of every active shop of a community, by shop name then product name. */
	async listPrintable(scope: { communityId: string; shopId?: string }): Promise<PrintableProduct[]> {
		let q = this.db
			.selectFrom('product as p')
			.innerJoin('shop as s', 's.id', 'p.shop_id')
			.where('p.community_id', '=', scope.communityId)
			.where('p.status', '=', 'published')
			.where('s.status', '=', 'active');
		if (scope.shopId) q = q.where('p.shop_id', '=', scope.shopId);
		const rows = await q
			.select(['p.id', 'p.shop_id', 'p.name', 'p.price', 'p.unit'])
			.select(sql<number>`length(p.description)`.as('description_length'))
			.select((eb) => eb.selectFrom('product_photo as ph').select('ph.variants').whereRef('ph.product_id', '=', 'p.id').orderBy('ph.position').limit(1).as('cover'))
			.select((eb) => eb.selectFrom('product_photo as ph').select(sql<number>`count(*)`.as('n')).whereRef('ph.product_id', '=', 'p.id').as('photo_count'))
			.select((eb) => eb.selectFrom('product_variant as pv').select(sql<number | null>`min(pv.price)`.as('m')).whereRef('pv.product_id', '=', 'p.id').as('min_price'))
			.select((eb) => eb.selectFrom('product_variant as pv').select(sql<number | null>`max(pv.price)`.as('m')).whereRef('pv.product_id', '=', 'p.id').as('max_price'))
			.orderBy('s.name')
			.orderBy('s.id')
			.orderBy('p.name')
			.orderBy('p.id')
			.execute();
		const num = (v: unknown) => (v == null ? null : Number(v));
		return rows.map((r) => ({
			id: r.id,
			shopId: r.shop_id,
			name: r.name,
			price: Number(r.price),
			unit: r.unit,
			minPrice: num(r.min_price),
			maxPrice: num(r.max_price),
			cover: r.cover ?? null,
			photoCount: Number(r.photo_count ?? 0),
			descriptionLength: Number(r.description_length ?? 0)
		}));
	}
}

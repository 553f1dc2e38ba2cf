import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** A page search engines may list, with the time anything on it last changed (ISO-8601 UTC). */
export interface SitemapCommunityRow {
	slug: string;
	lastmod: string;
}
export interface SitemapShopRow {
	community_slug: string;
	slug: string;
	lastmod: string;
}
export interface SitemapProductRow {
	community_slug: string;
	shop_slug: string;
	slug: string;
	lastmod: string;
}

const later = (a: string | null | undefined, b: string | null | undefined): string => ((a ?? '') > (b ?? '') ? (a ?? '') : (b ?? ''));

/**
 * SQL for search engines and feeds. Invariant (the catalog's rule): a product is public when it is published and its
 * shop is active, in the shop's own community; a shop is public when it shows at least one such product; a community
 * is listed when it shows at least one. Drafts, archived products and hidden shops never appear.
 */
export class SeoRepository {
	constructor(private readonly db: Kysely<DB>) {}

	private visibleProducts() {
		return this.db
			.selectFrom('product as p')
			.innerJoin('shop as s', (j) => j.onRef('s.id', '=', 'p.shop_id').onRef('s.community_id', '=', 'p.community_id'))
			.innerJoin('community as c', 'c.id', 'p.community_id')
			.where('p.status', '=', 'published')
			.where('s.status', '=', 'active');
	}

	/**
	 * Communities that show a product, by slug; lastmod is the latest change of the community, its public products and
	 * their shops (the community page lists the shops: a shop's new name or logo changes it).
	 */
	async listSitemapCommunities(): Promise<SitemapCommunityRow[]> {
		const rows = await this.visibleProducts()
			.select(['c.slug', 'c.updated_at'])
			.select((eb) => [eb.fn.max('p.updated_at').as('last'), eb.fn.max('s.updated_at').as('shop_last')])
			.groupBy(['c.id', 'c.slug', 'c.updated_at'])
			.orderBy('c.slug')
			.execute();
		return rows.map((r) => ({ slug: r.slug, lastmod: later(later(r.updated_at, r.last as string | null), r.shop_last as string | null) }));
	}

	/** Open shops (active, showing a product), by community then slug; lastmod as for communities. */
	async listSitemapShops(): Promise<SitemapShopRow[]> {
		const rows = await this.visibleProducts()
			.select(['c.slug as community_slug', 's.slug', 's.updated_at'])
			.select((eb) => eb.fn.max('p.updated_at').as('last'))
			.groupBy(['c.slug', 's.id', 's.slug', 's.updated_at'])
			.orderBy('c.slug')
			.orderBy('s.slug')
			.execute();
		return rows.map((r) => ({ community_slug: r.community_slug, slug: r.slug, lastmod: later(r.updated_at, r.last as string | null) }));
	}

	async countSitemapProducts(): Promise<number> {
		const row = await this.visibleProducts()
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	/**
	 * Public products in a stable order (by id), a slice at a time, so a sitemap of any size is read in bounded pieces;
	 * lastmod is the later of the product's and its shop's change (the product page shows the shop's name and details).
	 */
	async listSitemapProducts(offset: number, limit: number): Promise<SitemapProductRow[]> {
		const rows = await this.visibleProducts()
			.select(['c.slug as community_slug', 's.slug as shop_slug', 'p.slug', 'p.updated_at', 's.updated_at as shop_updated_at'])
			.orderBy('p.id')
			.limit(limit)
			.offset(offset)
			.execute();
		return rows.map((r) => ({ community_slug: r.community_slug, shop_slug: r.shop_slug, slug: r.slug, lastmod: later(r.updated_at, r.shop_updated_at) }));
	}
}

/** A public product with what feeds need; `cover` is the first photo's JSON variants, `variants` in position order. */
export interface FeedProductRow {
	id: string;
	slug: string;
	name: string;
	description: string;
	price: number;
	unit: string;
	category_slug: string;
	stock: number | null;
	made_to_order: number;
	updated_at: string;
	shop_slug: string;
	shop_name: string;
	cover: string | null;
	variants: { id: string; label: string; price: number; stock: number | null }[];
}

/** Feeds read products this many at a time (keyset by id), then their variants in one query per batch. */
const FEED_BATCH = 1000;

export class FeedRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/** Public products of one community (optionally one shop), ordered by id, variants attached. See SeoRepository's rule. */
	async listFeedProducts(communityId: string, shopId?: string): Promise<FeedProductRow[]> {
		const out: FeedProductRow[] = [];
		let after = '';
		for (;;) {
			let q = this.db
				.selectFrom('product as p')
				.innerJoin('shop as s', (j) => j.onRef('s.id', '=', 'p.shop_id').onRef('s.community_id', '=', 'p.community_id'))
				.where('p.community_id', '=', communityId)
				.where('p.status', '=', 'published')
				.where('s.status', '=', 'active')
				.where('p.id', '>', after)
				.select(['p.id', 'p.slug', 'p.name', 'p.description', 'p.price', 'p.unit', 'p.category_slug', 'p.stock', 'p.made_to_order', 'p.updated_at', 's.slug as shop_slug', 's.name as shop_name'])
				.select((eb) => eb.selectFrom('product_photo as ph').select('ph.variants').whereRef('ph.product_id', '=', 'p.id').orderBy('ph.position').limit(1).as('cover'))
				.orderBy('p.id')
				.limit(FEED_BATCH);
			if (shopId) q = q.where('p.shop_id', '=', shopId);
			const rows = await q.execute();
			if (rows.length === 0) break;
			const variants = await this.db
				.selectFrom('product_variant')
				.select(['id', 'product_id', 'label', 'price', 'stock', 'position'])
				.where(
					'product_id',
					'in',
					rows.map((r) => r.id)
				)
				.orderBy('product_id')
				.orderBy('position')
				.execute();
			const byProduct = new Map<string, FeedProductRow['variants']>();
			for (const v of variants) {
				const list = byProduct.get(v.product_id) ?? [];
				list.push({ id: v.id, label: v.label, price: Number(v.price), stock: v.stock == null ? null : Number(v.stock) });
				byProduct.set(v.product_id, list);
			}
			for (const r of rows)
				out.push({ ...r, price: Number(r.price), stock: r.stock == null ? null : Number(r.stock), made_to_order: Number(r.made_to_order), cover: r.cover ?? null, variants: byProduct.get(r.id) ?? [] });
			after = rows.at(-1)!.id;
			if (rows.length < FEED_BATCH) break;
		}
		return out;
	}
}

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

	/** Communities that show a product, by slug; lastmod is the later of the community's and its newest product's change. */
	async listSitemapCommunities(): Promise<SitemapCommunityRow[]> {
		const rows = await this.visibleProducts()
			.select(['c.slug', 'c.updated_at'])
			.select((eb) => eb.fn.max('p.updated_at').as('last'))
			.groupBy(['c.id', 'c.slug', 'c.updated_at'])
			.orderBy('c.slug')
			.execute();
		return rows.map((r) => ({ slug: r.slug, lastmod: later(r.updated_at, r.last as string | null) }));
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

	/** Public products in a stable order (by id), a slice at a time, so a sitemap of any size is read in bounded pieces. */
	async listSitemapProducts(offset: number, limit: number): Promise<SitemapProductRow[]> {
		return this.visibleProducts()
			.select(['c.slug as community_slug', 's.slug as shop_slug', 'p.slug', 'p.updated_at as lastmod'])
			.orderBy('p.id')
			.limit(limit)
			.offset(offset)
			.execute();
	}
}

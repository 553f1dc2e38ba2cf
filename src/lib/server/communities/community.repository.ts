import type { Kysely } from 'kysely';
import type { Community, DB, NewCommunity } from '../db/schema';

export interface CommunityWithCounts extends Community {
	shop_count: number;
	product_count: number;
}

/**
 * `catalog` changes with anything buyers see (kept by database triggers) except a stock count that stays on the
 * same side of zero; `stock` changes with every stock count (migration 0028).
 */
export interface CatalogVersion {
	catalog: number;
	stock: number;
}

export class CommunityRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async insert(values: NewCommunity): Promise<Community> {
		return this.db.insertInto('community').values(values).returningAll().executeTakeFirstOrThrow();
	}

	async findById(id: string): Promise<Community | undefined> {
		return this.db.selectFrom('community').selectAll().where('id', '=', id).executeTakeFirst();
	}

	async findBySlug(slug: string): Promise<Community | undefined> {
		return this.db.selectFrom('community').selectAll().where('slug', '=', slug).executeTakeFirst();
	}

	/** The community's catalog and stock versions, or undefined for an unknown slug. One primary-key-sized lookup. */
	async findCatalogVersion(slug: string): Promise<CatalogVersion | undefined> {
		const row = await this.db.selectFrom('community').select(['catalog_version', 'stock_version']).where('slug', '=', slug).executeTakeFirst();
		return row ? { catalog: Number(row.catalog_version), stock: Number(row.stock_version) } : undefined;
	}

	/** The same by the community's id (what services hold). */
	async findCatalogVersionById(id: string): Promise<number | undefined> {
		const row = await this.db.selectFrom('community').select('catalog_version').where('id', '=', id).executeTakeFirst();
		return row ? Number(row.catalog_version) : undefined;
	}

	async count(): Promise<number> {
		const row = await this.db.selectFrom('community').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
		return Number(row.n);
	}

	/**
	 * Every community with how many shops and published products it shows. Invariant: a shop counts when it
	 * is active and has at least one published product — the same rule as the catalog's shop list, so the home
	 * page's "30 toko" is the number of shops a buyer can find.
	 */
	async listWithCounts(): Promise<CommunityWithCounts[]> {
		const rows = await this.db
			.selectFrom('community as c')
			.selectAll('c')
			.select((eb) => [
				eb
					.selectFrom('shop as s')
					.select(eb.fn.countAll().as('n'))
					.whereRef('s.community_id', '=', 'c.id')
					.where('s.status', '=', 'active')
					.where((w) => w.exists(w.selectFrom('product as p').select('p.id').whereRef('p.shop_id', '=', 's.id').where('p.status', '=', 'published')))
					.as('shop_count'),
				eb
					.selectFrom('product as p')
					.innerJoin('shop as s', 's.id', 'p.shop_id')
					.select(eb.fn.countAll().as('n'))
					.whereRef('p.community_id', '=', 'c.id')
					.where('p.status', '=', 'published')
					.where('s.status', '=', 'active')
					.as('product_count')
			])
			.orderBy('c.name')
			.execute();
		return rows.map((r) => ({ ...r, shop_count: Number(r.shop_count), product_count: Number(r.product_count) }));
	}
}

/** A community as pages and the API show it. */
export function communitySummary(c: CommunityWithCounts) {
	return {
		slug: c.slug,
		name: c.name,
		regionCode: c.region_code,
		kind: c.kind,
		district: c.district,
		regency: c.regency,
		province: c.province,
		groupName: c.group_name,
		isDemo: c.is_demo === 1,
		shopCount: c.shop_count,
		productCount: c.product_count
	};
}

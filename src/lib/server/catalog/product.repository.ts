import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB, Dialect, NewProduct, Product, ProductPhoto } from '../db/schema';
import { toFts5, toTsquery, type QueryWord } from '../search/indonesian';

export type ProductSort = 'relevance' | 'newest' | 'cheapest';

export interface ProductListQuery {
	communityId: string;
	search: QueryWord[];
	categorySlug?: string;
	shopId?: string;
	sort: ProductSort;
	limit: number;
	offset: number;
}

export interface ProductCardRow {
	id: string;
	slug: string;
	name: string;
	price: number;
	unit: string;
	category_slug: string;
	stock: number | null;
	made_to_order: number;
	lead_time_days: number;
	created_at: string;
	shop_slug: string;
	shop_name: string;
	cover: string | null;
}

type Visible = SelectQueryBuilder<DB & { p: DB['product']; s: DB['shop'] }, 'p' | 's', object>;

/** The columns of a product card, with the cover photo's variants. */
function selectCards(qb: Visible) {
	return qb
		.select([
			'p.id',
			'p.slug',
			'p.name',
			'p.price',
			'p.unit',
			'p.category_slug',
			'p.stock',
			'p.made_to_order',
			'p.lead_time_days',
			'p.created_at',
			's.slug as shop_slug',
			's.name as shop_name'
		])
		.select((eb) =>
			eb.selectFrom('product_photo as ph').select('ph.variants').whereRef('ph.product_id', '=', 'p.id').orderBy('ph.position').limit(1).as('cover')
		);
}

/** Products as buyers see them: only published products of active shops, searched the same way on both dialects. */
export class ProductRepository {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly dialect: Dialect
	) {}

	async insert(values: NewProduct): Promise<Product> {
		return this.db.insertInto('product').values(values).returningAll().executeTakeFirstOrThrow();
	}

	async insertPhoto(values: { id: string; product_id: string; position: number; width: number; height: number; variants: string; created_at: string }) {
		await this.db.insertInto('product_photo').values(values).execute();
	}

	private visible(communityId: string): Visible {
		return this.db
			.selectFrom('product as p')
			.innerJoin('shop as s', 's.id', 'p.shop_id')
			.where('p.community_id', '=', communityId)
			.where('p.status', '=', 'published')
			.where('s.status', '=', 'active') as unknown as Visible;
	}

	private filtered(q: ProductListQuery) {
		let qb = this.visible(q.communityId);
		if (q.categorySlug) qb = qb.where('p.category_slug', '=', q.categorySlug);
		if (q.shopId) qb = qb.where('p.shop_id', '=', q.shopId);
		if (q.search.length > 0) {
			if (this.dialect === 'sqlite') {
				qb = qb.innerJoin(
					sql<{ fts_rowid: number; rank: number }>`(SELECT rowid AS fts_rowid, rank FROM product_fts WHERE product_fts MATCH ${toFts5(q.search)})`.as('f'),
					(join) => join.on(sql`f.fts_rowid`, '=', sql`p.rowid`)
				) as unknown as Visible;
			} else {
				qb = qb.where(sql<boolean>`to_tsvector('simple', p.search_terms) @@ to_tsquery('simple', ${toTsquery(q.search)})`);
			}
		}
		return qb;
	}

	/** One page of product cards plus the total, for the catalog, the shop page and the API. */
	async listPublished(q: ProductListQuery): Promise<{ rows: ProductCardRow[]; total: number }> {
		const base = this.filtered(q);
		let rows = selectCards(base);
		if (q.sort === 'cheapest') rows = rows.orderBy('p.price', 'asc');
		else if (q.sort === 'relevance' && q.search.length > 0) {
			rows =
				this.dialect === 'sqlite'
					? rows.orderBy(sql`f.rank`, 'asc')
					: rows.orderBy(sql`ts_rank(to_tsvector('simple', p.search_terms), to_tsquery('simple', ${toTsquery(q.search)}))`, 'desc');
		}
		rows = rows.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(q.limit).offset(q.offset);

		const [list, count] = await Promise.all([
			rows.execute(),
			base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
		]);
		return {
			rows: list.map((r) => ({ ...(r as unknown as ProductCardRow), price: Number(r.price) })),
			total: Number((count as { n: unknown }).n)
		};
	}

	async findPublishedBySlug(shopId: string, slug: string): Promise<Product | undefined> {
		const row = await this.db
			.selectFrom('product')
			.selectAll()
			.where('shop_id', '=', shopId)
			.where('slug', '=', slug)
			.where('status', '=', 'published')
			.executeTakeFirst();
		return row && { ...row, price: Number(row.price) };
	}

	async listPhotos(productId: string): Promise<ProductPhoto[]> {
		return this.db.selectFrom('product_photo').selectAll().where('product_id', '=', productId).orderBy('position').execute();
	}

	/** Other products of the community, same category first, for "Produk lain". */
	async listRelated(communityId: string, product: Pick<Product, 'id' | 'category_slug'>, limit: number): Promise<ProductCardRow[]> {
		const rows = await selectCards(this.visible(communityId).where('p.id', '!=', product.id))
			.orderBy(sql`case when p.category_slug = ${product.category_slug} then 0 else 1 end`)
			.orderBy('p.created_at', 'desc')
			.orderBy('p.id', 'desc')
			.limit(limit)
			.execute();
		return rows.map((r) => ({ ...(r as unknown as ProductCardRow), price: Number(r.price) }));
	}

	/** Distinct product names of a community (bounded), the vocabulary for "Mungkin maksud Anda". */
	async listPublishedNames(communityId: string, limit: number): Promise<string[]> {
		const rows = await this.visible(communityId).select('p.name').distinct().limit(limit).execute();
		return rows.map((r) => (r as { name: string }).name);
	}

	async countByCategory(communityId: string): Promise<Map<string, number>> {
		const rows = await this.visible(communityId)
			.select(['p.category_slug'])
			.select((eb) => eb.fn.countAll().as('n'))
			.groupBy('p.category_slug')
			.execute();
		return new Map(rows.map((r) => [(r as { category_slug: string }).category_slug, Number((r as { n: unknown }).n)]));
	}
}

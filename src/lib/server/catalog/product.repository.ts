import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB, Dialect, NewProduct, Product, ProductPhoto, ProductVariant } from '../db/schema';
import type { Updateable } from 'kysely';
import type { ProductTable } from '../db/schema';
import { CATEGORY_SLUGS } from '../../categories';
import { scopeTokens, toFts5, toTsquery, type QueryWord } from '../search/indonesian';

/** A variant id that belongs to another product reached the repository: nothing was written. */
export class VariantNotOwnedError extends Error {
	constructor(readonly variantId: string) {
		super(`variant ${variantId} belongs to another product`);
	}
}

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
	/** The most any variant can still sell (see variantStockOf); null when the product has no variants. */
	variant_stock: number | null;
	/** The cheapest and dearest variant price; null when the product has no variants (see priceRangeOf). */
	variant_min_price: number | null;
	variant_max_price: number | null;
}

/** Above this many matches both dialects skip relevance ranking (its cost grows with every match) and show newest first. */
export const RANK_LIMIT = 3000;
/** Up to this many matches, direct rowid lookups beat walking the community's sorted index. */
const DIRECT_LOOKUP_LIMIT = 500;

function toRow(r: unknown): ProductCardRow {
	const row = r as ProductCardRow;
	const num = (v: number | null) => (v == null ? null : Number(v));
	return { ...row, price: Number(row.price), variant_stock: num(row.variant_stock), variant_min_price: num(row.variant_min_price), variant_max_price: num(row.variant_max_price) };
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
		)
		// variantStockOf in SQL: a product with variants is sold out only when every variant is.
		.select((eb) =>
			eb
				.selectFrom('product_variant as pv')
				.select(sql<number | null>`max(coalesce(pv.stock, p.stock, 0))`.as('m'))
				.whereRef('pv.product_id', '=', 'p.id')
				.as('variant_stock')
		)
		// priceRangeOf in SQL: a product with variants is sold at its variants' prices (cast: bigint text on PostgreSQL).
		.select((eb) => eb.selectFrom('product_variant as pv').select(sql<number | null>`min(pv.price)`.as('m')).whereRef('pv.product_id', '=', 'p.id').as('variant_min_price'))
		.select((eb) => eb.selectFrom('product_variant as pv').select(sql<number | null>`max(pv.price)`.as('m')).whereRef('pv.product_id', '=', 'p.id').as('variant_max_price'));
}

/**
 * Newest first (walks an index), or cheapest first by the price a card shows ("mulai Rp …"): the cheapest variant's
 * price when the product has variants, else its own (priceRangeOf); ties broken by id so pages never overlap.
 */
function orderCards<Q extends ReturnType<typeof selectCards>>(qb: Q, sort: ProductSort): Q {
	const shownPrice = sql`coalesce((select min(pv.price) from product_variant pv where pv.product_id = p.id), p.price)`;
	return (sort === 'cheapest' ? qb.orderBy(shownPrice, 'asc').orderBy('p.id', 'asc') : qb.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc')) as Q;
}

/** Products as buyers see them: only published products of active shops, searched the same way on both dialects. */
/**
 * Whether a public media file (`p/…`) is still named by a product photo or a shop logo. Files are named by the
 * content hash, so a duplicated product, the same photo uploaded twice, or a logo that is also a product photo
 * share one file: it may be deleted only when nothing names it any more.
 */
export async function publicMediaKeyInUse(db: Kysely<DB>, key: string): Promise<boolean> {
	const pattern = `%"${key}"%`;
	const [photo, logo] = await Promise.all([
		db.selectFrom('product_photo').select('id').where('variants', 'like', pattern).executeTakeFirst(),
		db.selectFrom('shop').select('id').where('logo', 'like', pattern).executeTakeFirst()
	]);
	return !!photo || !!logo;
}

export class ProductRepository {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly dialect: Dialect
	) {}

	async insert(values: NewProduct): Promise<Product> {
		return this.db.insertInto('product').values(values).returningAll().executeTakeFirstOrThrow();
	}

	async findById(id: string): Promise<Product | undefined> {
		const row = await this.db.selectFrom('product').selectAll().where('id', '=', id).executeTakeFirst();
		return row && { ...row, price: Number(row.price) };
	}

	async update(id: string, values: Updateable<ProductTable>): Promise<Product> {
		const row = await this.db.updateTable('product').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
		return { ...row, price: Number(row.price) };
	}

	async slugTaken(shopId: string, slug: string): Promise<boolean> {
		return !!(await this.db.selectFrom('product').select('id').where('shop_id', '=', shopId).where('slug', '=', slug).executeTakeFirst());
	}

	/** A shop's products for its seller: drafts and published, archived last, newest first. */
	async listByShop(shopId: string, includeArchived: boolean): Promise<Product[]> {
		let q = this.db.selectFrom('product').selectAll().where('shop_id', '=', shopId);
		if (!includeArchived) q = q.where('status', '!=', 'archived');
		const rows = await q.orderBy('created_at', 'desc').execute();
		return rows.map((r) => ({ ...r, price: Number(r.price) }));
	}

	listVariants(productId: string): Promise<ProductVariant[]> {
		return this.db
			.selectFrom('product_variant')
			.selectAll()
			.where('product_id', '=', productId)
			.orderBy('position')
			.execute()
			.then((rows) => rows.map((r) => ({ ...r, price: Number(r.price) })));
	}

	/** Which of these variant ids exist on a product other than this one (a client may only name its own). */
	async foreignVariantIds(productId: string, ids: string[]): Promise<string[]> {
		if (ids.length === 0) return [];
		const rows = await this.db.selectFrom('product_variant').select('id').where('id', 'in', ids).where('product_id', '!=', productId).execute();
		return rows.map((r) => r.id);
	}

	/**
	 * Replaces the variant list in one transaction: kept ids stay (orders will refer to them), others go.
	 * Invariant: only variants of this product are ever touched — an id that belongs to another product
	 * matches no row of the guarded upsert, and the whole transaction rolls back with VariantNotOwnedError.
	 */
	async replaceVariants(productId: string, variants: { id: string; label: string; price: number; stock: number | null }[]): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			const keep = variants.map((v) => v.id);
			let del = trx.deleteFrom('product_variant').where('product_id', '=', productId);
			if (keep.length) del = del.where('id', 'not in', keep);
			await del.execute();
			for (const [position, v] of variants.entries()) {
				const written = await trx
					.insertInto('product_variant')
					.values({ id: v.id, product_id: productId, label: v.label, price: v.price, stock: v.stock, position })
					.onConflict((oc) =>
						oc
							.column('id')
							.doUpdateSet({ label: v.label, price: v.price, stock: v.stock, position })
							.where('product_variant.product_id', '=', productId)
					)
					.executeTakeFirst();
				if (Number(written.numInsertedOrUpdatedRows ?? 0n) !== 1) throw new VariantNotOwnedError(v.id);
			}
		});
	}

	async findPhoto(photoId: string): Promise<ProductPhoto | undefined> {
		return this.db.selectFrom('product_photo').selectAll().where('id', '=', photoId).executeTakeFirst();
	}

	/** Whether a public media file (`p/…`) is still used by a product photo or a shop logo (see `publicMediaKeyInUse`). */
	publicKeyInUse(key: string): Promise<boolean> {
		return publicMediaKeyInUse(this.db, key);
	}

	/** Deletes a photo and closes the gap, so positions stay 0…n-1 and the first is always the cover. */
	async deletePhoto(photo: ProductPhoto): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			await trx.deleteFrom('product_photo').where('id', '=', photo.id).execute();
			await trx
				.updateTable('product_photo')
				.set((eb) => ({ position: eb('position', '-', 1) }))
				.where('product_id', '=', photo.product_id)
				.where('position', '>', photo.position)
				.execute();
		});
	}

	/** Writes a new photo order (ids in the order wanted). */
	async reorderPhotos(productId: string, orderedIds: string[]): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			for (const [position, id] of orderedIds.entries()) {
				await trx.updateTable('product_photo').set({ position }).where('id', '=', id).where('product_id', '=', productId).execute();
			}
		});
	}

	async insertPhoto(values: { id: string; product_id: string; position: number; width: number; height: number; variants: string; hints: string; created_at: string }) {
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

	/**
	 * For PostgreSQL counts over a whole community: also names the shops' community (the same rows — a product belongs
	 * to its shop's community), so the planner joins this community's ~25 shops instead of hashing every shop of the
	 * platform, and counts from product_visible_idx alone (bench/scale.ts: 75 → ~1 ms at 25,000 shops). Not used for
	 * a page of cards: there the extra condition makes the planner sort the community's products instead of walking
	 * the newest-first index.
	 */
	private counted(qb: Visible, communityId: string): Visible {
		return qb.where('s.community_id', '=', communityId);
	}

	private filtered(q: ProductListQuery) {
		let qb = this.visible(q.communityId);
		if (q.categorySlug) qb = qb.where('p.category_slug', '=', q.categorySlug);
		if (q.shopId) qb = qb.where('p.shop_id', '=', q.shopId);
		return qb;
	}

	/** One page of product cards plus the total, for the catalog, the shop page and the API. */
	/** `total`: the count of visible products under these filters when the caller already knows it (kept per catalog version). */
	async listPublished(q: ProductListQuery, total?: number): Promise<{ rows: ProductCardRow[]; total: number }> {
		if (q.search.length > 0) return this.dialect === 'sqlite' ? this.searchSqlite(q) : this.searchPostgres(q);
		const base = this.filtered(q);
		const rows = orderCards(selectCards(base), q.sort).limit(q.limit).offset(q.offset);
		const [list, n] = await Promise.all([rows.execute(), total ?? this.countVisible(q)]);
		return { rows: list.map(toRow), total: n };
	}

	/** How many products are visible under these filters. SQLite counts the scope tokens in FTS5 (no table scan). */
	async countVisible(q: Pick<ProductListQuery, 'communityId' | 'categorySlug' | 'shopId'>): Promise<number> {
		if (this.dialect === 'sqlite') {
			const match = `scope : (${scopeTokens(q).map((t) => `"${t}"`).join(' AND ')})`;
			const r = await sql<{ n: number }>`SELECT count(*) AS n FROM product_fts WHERE product_fts MATCH ${match}`.execute(this.db);
			return Number(r.rows[0]?.n ?? 0);
		}
		const r = await this.counted(this.filtered({ ...q, search: [], sort: 'newest', limit: 0, offset: 0 }), q.communityId)
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		return Number((r as { n: unknown }).n);
	}

	/**
	 * SQLite: filters, counts and ranks inside FTS5 (the scope tokens carry community, category, shop and
	 * visibility), then reads only the page's products. bm25 weighs name words 10× description/shop words and
	 * those 10× category words (migration 0005-seller), so products named like the query come first and
	 * category-only matches last (tests/db/catalog-search-ranking.test.ts). Ranking costs
	 * time per match, so beyond RANK_LIMIT matches "relevance" falls back to newest first.
	 */
	private async searchSqlite(q: ProductListQuery): Promise<{ rows: ProductCardRow[]; total: number }> {
		const scope = scopeTokens(q).map((t) => `"${t}"`).join(' AND ');
		const match = `{name body category} : (${toFts5(q.search)}) AND scope : (${scope})`;
		const countRow = await sql<{ n: number }>`SELECT count(*) AS n FROM product_fts WHERE product_fts MATCH ${match}`.execute(this.db);
		const total = Number(countRow.rows[0]?.n ?? 0);
		if (total === 0 || q.offset >= total) return { rows: [], total };
		if (q.sort === 'relevance' && total <= RANK_LIMIT) {
			const ranked = await sql<{ rowid: number }>`SELECT rowid FROM product_fts WHERE product_fts MATCH ${match}
				ORDER BY bm25(product_fts, 100.0, 10.0, 1.0, 0.0), rowid DESC LIMIT ${q.limit} OFFSET ${q.offset}`.execute(this.db);
			const ids = ranked.rows.map((r) => r.rowid);
			if (ids.length === 0) return { rows: [], total };
			const list = await selectCards(this.byRowid(q.communityId, sql.join(ids), true))
				.select(sql<number>`p.rowid`.as('fts_rowid'))
				.execute();
			const byRowid = new Map(list.map((r) => [Number((r as { fts_rowid: number }).fts_rowid), r]));
			return { rows: ids.flatMap((id) => (byRowid.has(id) ? [toRow(byRowid.get(id))] : [])), total };
		}
		// Few matches: look each up by rowid and sort them. Many: walk the community's sorted index and keep
		// the matches, which finds a page long before the end.
		const few = total <= DIRECT_LOOKUP_LIMIT;
		const list = await orderCards(selectCards(this.byRowid(q.communityId, sql`SELECT rowid FROM product_fts WHERE product_fts MATCH ${match}`, few)), q.sort)
			.limit(q.limit)
			.offset(q.offset)
			.execute();
		return { rows: list.map(toRow), total };
	}

	/**
	 * Visible products whose rowid is in a list or subquery, with the plan chosen here rather than left to
	 * SQLite's statistics (which flip it after an ANALYZE): `direct` looks each rowid up (unary + keeps the
	 * community index out); otherwise the community's sorted index is walked (unary + keeps the rowid out).
	 */
	private byRowid(communityId: string, rowids: RawBuilder<unknown>, direct: boolean): Visible {
		const col = (c: string) => (direct ? sql.raw(`+p.${c}`) : sql.raw(`p.${c}`));
		return this.db
			.selectFrom('product as p')
			.innerJoin('shop as s', 's.id', 'p.shop_id')
			.where(col('community_id'), '=', communityId)
			.where(col('status'), '=', 'published')
			.where('s.status', '=', 'active')
			.where(direct ? sql<boolean>`p.rowid IN (${rowids})` : sql<boolean>`+p.rowid IN (${rowids})`) as unknown as Visible;
	}

	/**
	 * PostgreSQL: the same words through a GIN-indexed, weighted tsvector: name (A) weighs 33× description and
	 * shop (B), which weigh 30× category (D), the same tiers as SQLite. Counted
	 * first; like SQLite, ts_rank is only computed up to RANK_LIMIT matches, beyond that newest first.
	 */
	private async searchPostgres(q: ProductListQuery): Promise<{ rows: ProductCardRow[]; total: number }> {
		const tsq = toTsquery(q.search);
		const base = this.filtered(q).where(sql<boolean>`p.search_vector @@ to_tsquery('simple', ${tsq})`);
		const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
		const total = Number((count as { n: unknown }).n);
		if (total === 0 || q.offset >= total) return { rows: [], total };
		let rows = selectCards(base);
		if (q.sort === 'relevance' && total <= RANK_LIMIT) rows = rows.orderBy(sql`ts_rank('{0.001, 0.01, 0.03, 1.0}', p.search_vector, to_tsquery('simple', ${tsq}))`, 'desc');
		rows = orderCards(rows, q.sort === 'cheapest' ? 'cheapest' : 'newest').limit(q.limit).offset(q.offset);
		return { rows: (await rows.execute()).map(toRow), total };
	}

	/** Published products of active shops of this community, by id, for pricing a checkout from the database. */
	async findForCheckout(communityId: string, ids: string[]): Promise<Product[]> {
		if (ids.length === 0) return [];
		const rows = await this.visible(communityId).selectAll('p').where('p.id', 'in', ids).execute();
		return rows.map((r) => ({ ...(r as Product), price: Number((r as Product).price) }));
	}

	/** A published product's shop and product slugs, for a link back to its page; undefined when not shown to buyers. */
	async findVisiblePath(communityId: string, productId: string): Promise<{ shop_slug: string; slug: string } | undefined> {
		return this.visible(communityId).select(['s.slug as shop_slug', 'p.slug']).where('p.id', '=', productId).executeTakeFirst();
	}

	async variantsOf(productIds: string[]): Promise<ProductVariant[]> {
		if (productIds.length === 0) return [];
		const rows = await this.db.selectFrom('product_variant').selectAll().where('product_id', 'in', productIds).orderBy('position').execute();
		return rows.map((r) => ({ ...r, price: Number(r.price) }));
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
		// Two index walks (newest first) instead of one ORDER BY over every product of the community, which built the
		// card columns of all 10,000 before sorting (16 ms per product page).
		const same = await orderCards(selectCards(this.visible(communityId).where('p.category_slug', '=', product.category_slug).where('p.id', '!=', product.id)), 'newest')
			.limit(limit)
			.execute();
		if (same.length >= limit) return same.map(toRow);
		const others = await orderCards(selectCards(this.visible(communityId).where('p.category_slug', '!=', product.category_slug)), 'newest')
			.limit(limit - same.length)
			.execute();
		return [...same, ...others].map(toRow);
	}

	/** Distinct product names of a community (bounded), the vocabulary for "Mungkin maksud Anda". */
	async listPublishedNames(communityId: string, limit: number): Promise<string[]> {
		const rows = await this.visible(communityId).select('p.name').distinct().limit(limit).execute();
		return rows.map((r) => (r as { name: string }).name);
	}

	async countByCategory(communityId: string): Promise<Map<string, number>> {
		if (this.dialect === 'sqlite') {
			const counts = await Promise.all(CATEGORY_SLUGS.map((slug) => this.countVisible({ communityId, categorySlug: slug })));
			return new Map(CATEGORY_SLUGS.map((slug, i) => [slug, counts[i]] as [string, number]).filter(([, n]) => n > 0));
		}
		const rows = await this.counted(this.visible(communityId), communityId)
			.select(['p.category_slug'])
			.select((eb) => eb.fn.countAll().as('n'))
			.groupBy('p.category_slug')
			.execute();
		return new Map(rows.map((r) => [(r as { category_slug: string }).category_slug, Number((r as { n: unknown }).n)]));
	}
}

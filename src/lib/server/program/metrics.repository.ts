import { sql, type Kysely } from 'kysely';
import type { DB, Dialect } from '../db/schema';

export interface MonthRow {
	/** `YYYY-MM` in WIB. */
	month: string;
	count: number;
	sum: number;
}

export interface ListingRow {
	id: string;
	name: string;
	description: string;
	price: number;
	weight_grams: number | null;
	category_slug: string;
	pirt: string | null;
	halal: string | null;
	bpom: string | null;
}

/**
 * Aggregates over a community's live rows for the automatic indicators and the dashboard. The member figures
 * (members, accounts, shops ready / selling) are not here: they are the adoption funnel's counts.
 * Every count is cast: PostgreSQL returns bigint aggregates as strings.
 */
export class MetricsRepository {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly dialect: Dialect
	) {}

	/** Products on show in the community now. */
	async publishedProductCount(communityId: string): Promise<number> {
		const row = await this.db
			.selectFrom('product')
			.where('community_id', '=', communityId)
			.where('status', '=', 'published')
			.select((eb) => eb.fn.countAll<number>().as('published'))
			.executeTakeFirstOrThrow();
		return Number(row.published ?? 0);
	}

	/** Orders placed since `sinceIso` that were not cancelled, and the sum of their totals (rupiah). */
	async ordersSince(communityId: string, sinceIso: string): Promise<{ count: number; sum: number }> {
		const row = await this.db
			.selectFrom('shop_order')
			.where('community_id', '=', communityId)
			.where('created_at', '>=', sinceIso)
			.where('status', '!=', 'dibatalkan')
			.select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('total').as('sum')])
			.executeTakeFirstOrThrow();
		return { count: Number(row.count ?? 0), sum: Number(row.sum ?? 0) };
	}

	/** `YYYY-MM` of an ISO-8601 UTC text column, in WIB (UTC+7, no daylight saving). */
	private wibMonth(column: string) {
		return this.dialect === 'postgres'
			? sql<string>`to_char((${sql.ref(column)}::timestamptz at time zone 'Asia/Jakarta'), 'YYYY-MM')`
			: sql<string>`strftime('%Y-%m', ${sql.ref(column)}, '+7 hours')`;
	}

	/** Not-cancelled orders and their turnover per WIB month, from `sinceIso`. */
	async ordersPerMonth(communityId: string, sinceIso: string): Promise<MonthRow[]> {
		const month = this.wibMonth('created_at');
		const rows = await this.db
			.selectFrom('shop_order')
			.where('community_id', '=', communityId)
			.where('created_at', '>=', sinceIso)
			.where('status', '!=', 'dibatalkan')
			.select((eb) => [month.as('month'), eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('total').as('sum')])
			.groupBy(month)
			.orderBy(month)
			.execute();
		return rows.map((r) => ({ month: r.month, count: Number(r.count), sum: Number(r.sum ?? 0) }));
	}

	/** New shops (members) per WIB month, all time, for a cumulative line. */
	async shopsPerMonth(communityId: string): Promise<MonthRow[]> {
		const month = this.wibMonth('created_at');
		const rows = await this.db
			.selectFrom('shop')
			.where('community_id', '=', communityId)
			.select((eb) => [month.as('month'), eb.fn.countAll<number>().as('count')])
			.groupBy(month)
			.orderBy(month)
			.execute();
		return rows.map((r) => ({ month: r.month, count: Number(r.count), sum: 0 }));
	}

	/** Products on show now, by the WIB month they were first published, for a cumulative line. */
	async publishedPerMonth(communityId: string): Promise<MonthRow[]> {
		const month = this.wibMonth('published_at');
		const rows = await this.db
			.selectFrom('product')
			.where('community_id', '=', communityId)
			.where('status', '=', 'published')
			.where('published_at', 'is not', null)
			.select((eb) => [month.as('month'), eb.fn.countAll<number>().as('count')])
			.groupBy(month)
			.orderBy(month)
			.execute();
		return rows.map((r) => ({ month: r.month, count: Number(r.count), sum: 0 }));
	}

	/** What the listing score needs of every published product: its fields and each photo's hints. */
	async publishedListings(communityId: string): Promise<{ products: ListingRow[]; photos: { product_id: string; hints: string }[] }> {
		const products = await this.db
			.selectFrom('product')
			.where('community_id', '=', communityId)
			.where('status', '=', 'published')
			.select(['id', 'name', 'description', 'price', 'weight_grams', 'category_slug', 'pirt', 'halal', 'bpom'])
			.execute();
		const photos = await this.db
			.selectFrom('product_photo as ph')
			.innerJoin('product as p', 'p.id', 'ph.product_id')
			.where('p.community_id', '=', communityId)
			.where('p.status', '=', 'published')
			.select(['ph.product_id', 'ph.hints'])
			.orderBy('ph.product_id')
			.orderBy('ph.position')
			.execute();
		return { products: products.map((p) => ({ ...p, price: Number(p.price) })), photos };
	}
}

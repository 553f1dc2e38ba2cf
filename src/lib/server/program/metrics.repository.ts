import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB, Dialect } from '../db/schema';
import { LISTING_COLUMNS, type ListingPhotoRow, type ListingRow } from './listing-rows';

export interface MonthRow {
	/** `YYYY-MM` in WIB. */
	month: string;
	count: number;
	sum: number;
}

/** Orders over a stretch of time. */
export interface OrderCounts {
	/** Placed and not cancelled (whatever their state now). */
	placed: number;
	/** Completed (`selesai`). */
	completed: number;
	/** Sum of the completed orders' totals, rupiah: the turnover ("omzet"). */
	turnover: number;
}

export interface OrderMonthRow extends OrderCounts {
	/** `YYYY-MM` in WIB. */
	month: string;
}

/** The three order aggregates, as one select list (the same for a period and per month). */
function orderAggregates(eb: ExpressionBuilder<DB, 'shop_order'>) {
	return [
		eb.fn.sum<number>(eb.case().when('status', '!=', 'dibatalkan').then(1).else(0).end()).as('placed'),
		eb.fn.sum<number>(eb.case().when('status', '=', 'selesai').then(1).else(0).end()).as('completed'),
		eb.fn.sum<number>(eb.case().when('status', '=', 'selesai').then(eb.ref('total')).else(0).end()).as('turnover')
	] as const;
}

/** Casts the aggregates (PostgreSQL returns sums as strings; an empty set gives null). */
function toCounts(r: { placed: unknown; completed: unknown; turnover: unknown }): OrderCounts {
	return { placed: Number(r.placed ?? 0), completed: Number(r.completed ?? 0), turnover: Number(r.turnover ?? 0) };
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

	/**
	 * Shops "marketed on Shopee": with at least one Shopee bulk-upload file of one product or more handed out
	 * (shopee_export); with `untilIso`, only files made before it (a finished program's figure at its end).
	 */
	async shopsOnShopeeCount(communityId: string, untilIso: string | null = null): Promise<number> {
		const row = await this.db
			.selectFrom('shopee_export')
			.where('community_id', '=', communityId)
			.where('exported_count', '>', 0)
			.$if(untilIso !== null, (q) => q.where('created_at', '<', untilIso!))
			.select((eb) => eb.fn.count<number>('shop_id').distinct().as('shops'))
			.executeTakeFirstOrThrow();
		return Number(row.shops ?? 0);
	}

	/**
	 * The community's visitors (daily visitors of its catalog and every page below it, summed) over `[fromDay, toDay]`,
	 * WIB days. Days cannot be linked (the salt changes daily), so this counts visitor-days.
	 */
	async communityVisitors(communityId: string, fromDay: string, toDay: string): Promise<number> {
		const row = await this.db
			.selectFrom('visit_daily')
			.where('scope_id', '=', communityId)
			.where('day', '>=', fromDay)
			.where('day', '<=', toDay)
			.select((eb) => eb.fn.sum<number>('visitors').as('visitors'))
			.executeTakeFirst();
		return Number(row?.visitors ?? 0);
	}

	/** Products on show in the community now. */
	/**
	 * Products on show now; with `untilIso`, only those first published before it (a finished program's figure at
	 * its end, the same rule as the monthly table's `publishedPerMonth`).
	 */
	async publishedProductCount(communityId: string, untilIso: string | null = null): Promise<number> {
		const row = await this.db
			.selectFrom('product')
			.where('community_id', '=', communityId)
			.where('status', '=', 'published')
			.$if(untilIso !== null, (q) => q.where('published_at', '<', untilIso!))
			.select((eb) => eb.fn.countAll<number>().as('published'))
			.executeTakeFirstOrThrow();
		return Number(row.published ?? 0);
	}

	/**
	 * Orders placed in `[fromIso, toIso)` (either end open when null): how many were placed and not cancelled,
	 * how many are completed (`selesai`), and the completed ones' totals — the turnover.
	 */
	async orderCounts(communityId: string, fromIso: string | null, toIso: string | null): Promise<OrderCounts> {
		let q = this.db.selectFrom('shop_order').where('community_id', '=', communityId);
		if (fromIso) q = q.where('created_at', '>=', fromIso);
		if (toIso) q = q.where('created_at', '<', toIso);
		const row = await q.select((eb) => orderAggregates(eb)).executeTakeFirstOrThrow();
		return toCounts(row);
	}

	/** `YYYY-MM` of an ISO-8601 UTC text column, in WIB (UTC+7, no daylight saving). */
	private wibMonth(column: string) {
		return this.dialect === 'postgres'
			? sql<string>`to_char((${sql.ref(column)}::timestamptz at time zone 'Asia/Jakarta'), 'YYYY-MM')`
			: sql<string>`strftime('%Y-%m', ${sql.ref(column)}, '+7 hours')`;
	}

	/** `orderCounts` per WIB month of placing, over `[fromIso, toIso)`. */
	async ordersPerMonth(communityId: string, fromIso: string | null, toIso: string | null): Promise<OrderMonthRow[]> {
		const month = this.wibMonth('created_at');
		let q = this.db.selectFrom('shop_order').where('community_id', '=', communityId);
		if (fromIso) q = q.where('created_at', '>=', fromIso);
		if (toIso) q = q.where('created_at', '<', toIso);
		const rows = await q
			.select((eb) => [month.as('month'), ...orderAggregates(eb)])
			.groupBy(month)
			.orderBy(month)
			.execute();
		return rows.map((r) => ({ month: r.month, ...toCounts(r) }));
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
	async publishedListings(communityId: string, untilIso: string | null = null): Promise<{ products: ListingRow[]; photos: ListingPhotoRow[] }> {
		const products = await this.db
			.selectFrom('product')
			.where('community_id', '=', communityId)
			.where('status', '=', 'published')
			.$if(untilIso !== null, (q) => q.where('published_at', '<', untilIso!))
			.select([...LISTING_COLUMNS])
			.execute();
		const photos = await this.db
			.selectFrom('product_photo as ph')
			.innerJoin('product as p', 'p.id', 'ph.product_id')
			.where('p.community_id', '=', communityId)
			.where('p.status', '=', 'published')
			.$if(untilIso !== null, (q) => q.where('p.published_at', '<', untilIso!))
			.select(['ph.product_id', 'ph.hints'])
			.orderBy('ph.product_id')
			.orderBy('ph.position')
			.execute();
		return { products, photos };
	}
}

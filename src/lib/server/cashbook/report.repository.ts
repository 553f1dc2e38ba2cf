import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { CashKind, CashMethod } from '../db/schema-cashbook';
import type { DayRange } from './report-period';

/** A sum of one kind of money moved by one payment method. */
export interface KindMethodSum {
	kind: CashKind;
	method: CashMethod;
	total: number;
}

export interface DayKindSum {
	/** `YYYY-MM-DD` or `YYYY-MM`. */
	bucket: string;
	kind: CashKind;
	total: number;
}

export interface BestSeller {
	productId: string;
	name: string;
	quantity: number;
	revenue: number;
}

export interface LedgerRow {
	id: string;
	kind: CashKind;
	amount: number;
	occurred_on: string;
	category: string;
	method: CashMethod;
	note: string;
	reverses_id: string | null;
	created_at: string;
	/** When the entry reversing this one was written (it was corrected), or null. */
	corrected_at: string | null;
}

export interface SharedMonth {
	/** `YYYY-MM` (WIB). */
	month: string;
	income: number;
	expense: number;
	/** Consenting shops with at least one entry that month. */
	shops: number;
}

/**
 * The cash book's reads for summaries, charts, exports and the program's aggregates (Kysely only; who may read is
 * the service's rule). Sums are cast to bigint and then to Number: PostgreSQL returns SUM(bigint) as numeric text.
 * Reversals are rows with negative amounts, so every sum here already nets corrections out.
 */
export class CashReportRepository {
	constructor(private readonly db: Kysely<DB>) {}

	private total() {
		return sql<string | number>`cast(sum(amount) as bigint)`;
	}

	/** Sums per kind and method of a shop's entries dated within the range. */
	async sumsByKindMethod(shopId: string, range: DayRange): Promise<KindMethodSum[]> {
		const rows = await this.db
			.selectFrom('cash_entry')
			.where('shop_id', '=', shopId)
			.where('occurred_on', '>=', range.from)
			.where('occurred_on', '<=', range.to)
			.select(['kind', 'method', this.total().as('total')])
			.groupBy(['kind', 'method'])
			.execute();
		return rows.map((r) => ({ kind: r.kind, method: r.method, total: Number(r.total ?? 0) }));
	}

	/** Sums per day (or per month with `byMonth`) and kind, for the charts. */
	async sumsByBucket(shopId: string, range: DayRange, byMonth: boolean): Promise<DayKindSum[]> {
		const bucket = byMonth ? sql<string>`substr(occurred_on, 1, 7)` : sql<string>`occurred_on`;
		const rows = await this.db
			.selectFrom('cash_entry')
			.where('shop_id', '=', shopId)
			.where('occurred_on', '>=', range.from)
			.where('occurred_on', '<=', range.to)
			.select([bucket.as('bucket'), 'kind', this.total().as('total')])
			.groupBy([bucket, 'kind'])
			.execute();
		return rows.map((r) => ({ bucket: r.bucket, kind: r.kind, total: Number(r.total ?? 0) }));
	}

	/**
	 * The products sold most in orders of this shop that were completed (`selesai`) within `[fromIso, toIso)` and are
	 * still completed: by units, then by money. An order's items are counted once however often it was marked done.
	 */
	async bestSellers(shopId: string, fromIso: string, toIso: string, limit: number): Promise<BestSeller[]> {
		const rows = await this.db
			.selectFrom('order_item as i')
			.innerJoin('shop_order as o', 'o.id', 'i.order_id')
			.where('o.shop_id', '=', shopId)
			.where('o.status', '=', 'selesai')
			.where(({ exists, selectFrom }) =>
				exists(selectFrom('order_event as e').select('e.id').whereRef('e.order_id', '=', 'o.id').where('e.status', '=', 'selesai').where('e.at', '>=', fromIso).where('e.at', '<', toIso))
			)
			.select((eb) => ['i.product_id', eb.fn.max('i.name').as('name'), sql<string | number>`cast(sum(i.quantity) as bigint)`.as('quantity'), sql<string | number>`cast(sum(i.line_total) as bigint)`.as('revenue')])
			.groupBy('i.product_id')
			.orderBy(sql`cast(sum(i.quantity) as bigint)`, 'desc')
			.orderBy(sql`cast(sum(i.line_total) as bigint)`, 'desc')
			.orderBy('i.product_id')
			.limit(limit)
			.execute();
		return rows.map((r) => ({ productId: r.product_id, name: String(r.name), quantity: Number(r.quantity), revenue: Number(r.revenue) }));
	}

	/** Every entry of the range, in the order they happened (day, then when written). */
	async entries(shopId: string, range: DayRange): Promise<LedgerRow[]> {
		const rows = await this.withCorrection()
			.where('e.shop_id', '=', shopId)
			.where('e.occurred_on', '>=', range.from)
			.where('e.occurred_on', '<=', range.to)
			.orderBy('e.occurred_on')
			.orderBy('e.created_at')
			.orderBy('e.id')
			.execute();
		return rows.map((r) => ({ ...r, amount: Number(r.amount), corrected_at: r.corrected_at ?? null }));
	}

	/** The entries some of these reverse (for "koreksi dari …"), whatever their day. */
	async entriesByIds(shopId: string, ids: string[]): Promise<LedgerRow[]> {
		if (ids.length === 0) return [];
		const rows = await this.withCorrection().where('e.shop_id', '=', shopId).where('e.id', 'in', ids).execute();
		return rows.map((r) => ({ ...r, amount: Number(r.amount), corrected_at: r.corrected_at ?? null }));
	}

	/** Entries with when each was corrected (the reversing entry's `created_at`; one reversal per entry at most). */
	private withCorrection() {
		return this.db
			.selectFrom('cash_entry as e')
			.leftJoin('cash_entry as r', 'r.reverses_id', 'e.id')
			.select(['e.id', 'e.kind', 'e.amount', 'e.occurred_on', 'e.category', 'e.method', 'e.note', 'e.reverses_id', 'e.created_at', 'r.created_at as corrected_at']);
	}

	/** The shop's own categories, by id, to name them. */
	async categoryNames(shopId: string): Promise<Map<string, string>> {
		const rows = await this.db.selectFrom('cash_category').where('shop_id', '=', shopId).select(['id', 'name']).execute();
		return new Map(rows.map((r) => [r.id, r.name]));
	}

	/**
	 * The shop's name, its owner's name and its community's, for the statement's heading. The owner is the person the
	 * community registered for the shop (`member.person_name`, the name a cooperative knows), else the account's name.
	 */
	async shopHeader(shopId: string): Promise<{ id: string; name: string; owner: string; community: string } | undefined> {
		const row = await this.db
			.selectFrom('shop')
			.innerJoin('community', 'community.id', 'shop.community_id')
			.leftJoin('app_user', 'app_user.id', 'shop.owner_user_id')
			.leftJoin('member', 'member.shop_id', 'shop.id')
			.where('shop.id', '=', shopId)
			.select(['shop.id', 'shop.name', 'app_user.name as account', 'member.person_name as person', 'community.name as community'])
			.executeTakeFirst();
		return row ? { id: row.id, name: row.name, owner: row.person?.trim() || row.account || '', community: row.community } : undefined;
	}

	/** Whether the shop agreed to share monthly totals with the program (no row: no). */
	async sharesWithProgram(shopId: string): Promise<{ shared: boolean; updatedAt: string | null }> {
		const row = await this.db.selectFrom('cash_setting').where('shop_id', '=', shopId).select(['share_with_program', 'updated_at']).executeTakeFirst();
		return { shared: Number(row?.share_with_program ?? 0) === 1, updatedAt: row?.updated_at ?? null };
	}

	async setSharesWithProgram(shopId: string, shared: boolean, byUserId: string | null, at: string): Promise<void> {
		await this.db
			.insertInto('cash_setting')
			.values({ shop_id: shopId, share_with_program: shared ? 1 : 0, updated_at: at, updated_by: byUserId })
			.onConflict((oc) => oc.column('shop_id').doUpdateSet({ share_with_program: shared ? 1 : 0, updated_at: at, updated_by: byUserId }))
			.execute();
	}

	/** Shops of the community that share their monthly totals now. */
	async sharingShopCount(communityId: string): Promise<number> {
		const row = await this.db
			.selectFrom('cash_setting as s')
			.innerJoin('shop', 'shop.id', 's.shop_id')
			.where('shop.community_id', '=', communityId)
			.where('s.share_with_program', '=', 1)
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	/**
	 * Income and expense per month of the community's shops that share NOW (consent withdrawn: nothing of that shop
	 * counts, past months included), over the days of `range`. Only totals leave this query.
	 */
	async sharedMonthly(communityId: string, range: DayRange): Promise<SharedMonth[]> {
		const month = sql<string>`substr(e.occurred_on, 1, 7)`;
		const rows = await this.db
			.selectFrom('cash_entry as e')
			.innerJoin('shop', 'shop.id', 'e.shop_id')
			.innerJoin('cash_setting as s', 's.shop_id', 'e.shop_id')
			.where('shop.community_id', '=', communityId)
			.where('s.share_with_program', '=', 1)
			.where('e.kind', 'in', ['income', 'expense'])
			.where('e.occurred_on', '>=', range.from)
			.where('e.occurred_on', '<=', range.to)
			.select([
				month.as('month'),
				sql<string | number>`cast(sum(case when e.kind = 'income' then e.amount else 0 end) as bigint)`.as('income'),
				sql<string | number>`cast(sum(case when e.kind = 'expense' then e.amount else 0 end) as bigint)`.as('expense'),
				sql<string | number>`count(distinct e.shop_id)`.as('shops')
			])
			.groupBy(month)
			.orderBy(month)
			.execute();
		return rows.map((r) => ({ month: r.month, income: Number(r.income ?? 0), expense: Number(r.expense ?? 0), shops: Number(r.shops) }));
	}
}

import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { CashCategoryTable, CashEntryTable, CashKind, CashMethod } from '../db/schema-cashbook';
import { postEntry, type PostedEntry } from './post-entry';

export type CashEntry = Selectable<CashEntryTable>;
export type CashCategory = Selectable<CashCategoryTable>;

/** An entry with its reversal state: the entry reversing it (if any). */
export type CashEntryRow = CashEntry & { reversed_by: string | null };

/** Net sums of one shop's entries over a range, per kind and method (reversals already netted in). */
export interface CashSums {
	kind: CashKind;
	method: CashMethod;
	total: number;
}

/** SQL only: the cash book's entries and the shop's own categories. Entries are written by postEntry alone. */
export class EntryRepository {
	constructor(private readonly db: Kysely<DB>) {}

	private withReversal() {
		return this.db
			.selectFrom('cash_entry as e')
			.leftJoin('cash_entry as r', 'r.reverses_id', 'e.id')
			.selectAll('e')
			.select('r.id as reversed_by');
	}

	/** Appends an entry (through postEntry, the one way into the ledger); its id, or null when its source was posted already. */
	post(entry: PostedEntry): Promise<string | null> {
		return postEntry(this.db, entry);
	}

	async findById(id: string): Promise<CashEntryRow | undefined> {
		const row = await this.withReversal().where('e.id', '=', id).executeTakeFirst();
		return row && normalise(row);
	}

	/** The shop's entry posted under a source (`order:…`, `form:<shopId>:<token>`…); another shop's is never found. */
	async findBySource(shopId: string, sourceRef: string): Promise<CashEntryRow | undefined> {
		const row = await this.withReversal().where('e.shop_id', '=', shopId).where('e.source_ref', '=', sourceRef).executeTakeFirst();
		return row && normalise(row);
	}

	/** The code of the shop's order an automatic entry came from (null if none). */
	async orderCode(shopId: string, orderId: string): Promise<string | null> {
		const r = await this.db.selectFrom('shop_order').select('code').where('id', '=', orderId).where('shop_id', '=', shopId).executeTakeFirst();
		return r?.code ?? null;
	}

	/** The shop's debt whose payment posted an entry (`debt:<paymentId>`), or null. */
	async debtOfPayment(shopId: string, paymentId: string): Promise<string | null> {
		const r = await this.db.selectFrom('cash_debt_payment').select('debt_id').where('id', '=', paymentId).where('shop_id', '=', shopId).executeTakeFirst();
		return r?.debt_id ?? null;
	}

	/** A shop's entries whose day lies in [from, to], newest first (by day, then by when they were written). */
	async listRange(shopId: string, from: string, to: string, limit?: number): Promise<CashEntryRow[]> {
		let q = this.withReversal()
			.where('e.shop_id', '=', shopId)
			.where('e.occurred_on', '>=', from)
			.where('e.occurred_on', '<=', to)
			.orderBy('e.occurred_on', 'desc')
			.orderBy('e.created_at', 'desc')
			.orderBy('e.id', 'desc');
		if (limit) q = q.limit(limit);
		return (await q.execute()).map(normalise);
	}

	/** The latest entries written, whatever their day. */
	async latest(shopId: string, limit: number): Promise<CashEntryRow[]> {
		const rows = await this.withReversal().where('e.shop_id', '=', shopId).orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
		return rows.map(normalise);
	}

	/** Sum of amounts per kind and method; SUM of bigint is numeric text on PostgreSQL, so it is cast and read as a number. */
	async sums(shopId: string, from: string, to: string): Promise<CashSums[]> {
		const rows = await this.db
			.selectFrom('cash_entry')
			.select(['kind', 'method', sql<string | number>`cast(sum(amount) as bigint)`.as('total')])
			.where('shop_id', '=', shopId)
			.where('occurred_on', '>=', from)
			.where('occurred_on', '<=', to)
			.groupBy(['kind', 'method'])
			.execute();
		return rows.map((r) => ({ kind: r.kind, method: r.method, total: Number(r.total) }));
	}

	async categories(shopId: string): Promise<CashCategory[]> {
		return this.db.selectFrom('cash_category').selectAll().where('shop_id', '=', shopId).orderBy('kind').orderBy('name_key').execute();
	}

	async findCategory(shopId: string, id: string): Promise<CashCategory | undefined> {
		return this.db.selectFrom('cash_category').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
	}

	async countCategories(shopId: string): Promise<number> {
		const r = await this.db.selectFrom('cash_category').select((eb) => eb.fn.countAll<string | number>().as('n')).where('shop_id', '=', shopId).executeTakeFirstOrThrow();
		return Number(r.n);
	}

	/** Inserts a category; false when the shop already has one of that kind with the same name (unique index). */
	async insertCategory(row: CashCategory): Promise<boolean> {
		const r = await this.db
			.insertInto('cash_category')
			.values(row)
			.onConflict((oc) => oc.columns(['shop_id', 'kind', 'name_key']).doNothing())
			.returning('id')
			.executeTakeFirst();
		return !!r;
	}
}

/** bigint comes back as a number on both dialects here, but a joined row may carry it as text: one shape always. */
function normalise<T extends CashEntry & { reversed_by: string | null }>(row: T): CashEntryRow {
	return { ...row, amount: Number(row.amount), reversed_by: row.reversed_by ?? null };
}

import type { ColumnType } from 'kysely';

/**
 * The seller's cash book (issue 11), created by migration 0018-cashbook. Money is integer rupiah (bigint on
 * PostgreSQL: amounts up to Rp 1 triliun do not fit in 32 bits); dates are `YYYY-MM-DD` in WIB.
 */
export interface CashbookTables {
	cash_entry: CashEntryTable;
	cash_category: CashCategoryTable;
	cash_debt: CashDebtTable;
	cash_debt_payment: CashDebtPaymentTable;
	cash_setting: CashSettingTable;
}

/** income and expense make profit; prive (money taken out for the household) and modal (money put in) never do. */
export type CashKind = 'income' | 'expense' | 'prive' | 'modal';
export type CashMethod = 'tunai' | 'transfer' | 'qris';
/** The built-in categories; a shop's own categories are `cash_category` rows, referenced by their id (`kat_…`). */
export const BUILT_IN_CASH_CATEGORIES = {
	income: ['penjualan', 'lainnya'],
	expense: ['bahan_baku', 'kemasan', 'transport', 'gaji', 'sewa', 'listrik_air', 'lainnya']
} as const;

/**
 * One line of the append-only ledger. Nothing is updated or deleted: a correction is a new entry with the same kind,
 * category and method, `amount` = −(the original's) and `reverses_id` = the original's id (unique: one reversal each).
 * So every sum over entries (per kind, per method, per period) already nets corrections out.
 */
export interface CashEntryTable {
	/** `kas_…` */
	id: string;
	shop_id: string;
	kind: CashKind;
	/** Positive for an ordinary entry, negative only for a reversal. Never 0. */
	amount: number;
	/** `YYYY-MM-DD` (WIB): the day the money moved. A reversal carries its original's day, so that
	 * day's and month's totals become right; its `created_at` shows when the correction was made. */
	occurred_on: string;
	/** A built-in key (BUILT_IN_CASH_CATEGORIES) or a `cash_category.id`; '' for prive and modal. */
	category: ColumnType<string, string | undefined, never>;
	method: CashMethod;
	note: ColumnType<string, string | undefined, never>;
	/** Receipt photo (media pipeline key), if any. */
	photo_key: ColumnType<string | null, string | null | undefined, never>;
	/** The entry this one reverses (unique). */
	reverses_id: ColumnType<string | null, string | null | undefined, never>;
	/**
	 * Where an automatic entry came from, unique so it is posted exactly once however often it is attempted:
	 * `order:<orderId>` (a completed order's income), `order:<orderId>:batal` (its reversal when cancelled after
	 * completion), `debt:<paymentId>` (a payment of a receivable or payable). Entries typed by hand have none, or
	 * `form:<shopId>:<token>`: the one-time token of the form (or the API's Idempotency-Key) that stored it, so the
	 * same submission again stores nothing (see cashbook/form-token.ts). Only `order:` and `debt:` are automatic.
	 */
	source_ref: ColumnType<string | null, string | null | undefined, never>;
	order_id: ColumnType<string | null, string | null | undefined, never>;
	created_by: string | null;
	created_at: string;
}

/** A category a shop added itself ("Gas elpiji"). `name_key` = lower-cased, trimmed, single-spaced name; unique per shop and kind. */
export interface CashCategoryTable {
	/** `kat_…` */
	id: string;
	shop_id: string;
	kind: 'income' | 'expense';
	name: string;
	name_key: string;
	created_at: string;
}

/**
 * Money owed: a receivable (utang pelanggan — a sale not yet paid) or a payable (utang ke pemasok). Creating one posts
 * nothing (the cash book counts money when it moves); each payment posts an income (receivable) or an expense
 * (payable) entry. `paid` only grows, in the same transaction as the payment row, and never past `amount`.
 */
export interface CashDebtTable {
	/** `utg_…` */
	id: string;
	shop_id: string;
	direction: 'receivable' | 'payable';
	party_name: string;
	/** Normalised `62…` number, or '' when unknown. */
	party_whatsapp: ColumnType<string, string | undefined, never>;
	amount: number;
	paid: ColumnType<number, number | undefined, number>;
	/** `YYYY-MM-DD` (WIB), or null. */
	due_on: ColumnType<string | null, string | null | undefined, never>;
	/** Category the payments post under (default: penjualan for a receivable, lainnya for a payable). */
	category: ColumnType<string, string | undefined, never>;
	note: ColumnType<string, string | undefined, never>;
	/** Set when the seller writes it off (recorded in error, or never to be paid); kept, shown, no longer outstanding. */
	cancelled_at: ColumnType<string | null, string | null | undefined, string | null>;
	cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
	/** The one-time token of the form (or Idempotency-Key) that recorded it, unique per shop; null without one (0027). */
	form_ref: ColumnType<string | null, string | null | undefined, never>;
	created_by: string | null;
	created_at: string;
}

export interface CashDebtPaymentTable {
	/** `byr_…` */
	id: string;
	debt_id: string;
	shop_id: string;
	amount: number;
	method: CashMethod;
	paid_on: string;
	/** The ledger entry this payment posted. */
	entry_id: string;
	/** The one-time token of the form (or Idempotency-Key) that recorded it, unique per shop; null without one (0027). */
	form_ref: ColumnType<string | null, string | null | undefined, never>;
	created_by: string | null;
	created_at: string;
}

/** Per-shop cash-book settings. No row = defaults (nothing shared). */
export interface CashSettingTable {
	shop_id: string;
	/** 1 when the seller agreed that MONTHLY TOTALS (income, profit) reach the program's indicators; never single entries. */
	share_with_program: number;
	updated_at: string;
	updated_by: string | null;
}

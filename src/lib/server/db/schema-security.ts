import type { ColumnType } from 'kysely';

/** Tables of security and reliability (issue 8), migration 0004-security. */
export interface SecurityTables {
	payment_change: PaymentChangeTable;
	rate_limit: RateLimitTable;
}

/** One change of a shop's payment details (bank account, QRIS): who, when, before and after. Never updated. */
export interface PaymentChangeTable {
	/** `pay_…` */
	id: string;
	shop_id: string;
	/** The person who changed it; null for the system (seeding, CLI) or when the account was deleted. */
	changed_by: string | null;
	/** A copy of their name, so the record stays readable. */
	changed_by_name: string;
	/** PaymentOptions as JSON text. */
	before: string;
	after: string;
	at: string;
}

/** A fixed-window counter: `hits` requests for `key` since `window_start` (epoch milliseconds). */
export interface RateLimitTable {
	key: string;
	window_start: ColumnType<number, number, number>;
	hits: number;
}

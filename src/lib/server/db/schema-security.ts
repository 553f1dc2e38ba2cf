import type { ColumnType } from 'kysely';

/** Tables of security and reliability (issue 8), migration 0004-security. */
export interface SecurityTables {
	payment_change: PaymentChangeTable;
	rate_limit: RateLimitTable;
	password_reset: PasswordResetTable;
	whatsapp_change: WhatsappChangeTable;
	shop_change: ShopChangeTable;
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

/**
 * A password set through a link that someone else issued (a coordinator, facilitator, admin or the system),
 * a reset or the first invite: whoever issued it could have opened it first. Migration 0010. Never updated.
 */
export interface PasswordResetTable {
	/** `rst_…` for a reset of an existing password, `inv_…` for the first password set through an invite. */
	id: string;
	user_id: string;
	/** Who issued the link; null for the system (CLI) or when that account was deleted. */
	issued_by: string | null;
	/** A copy of their name, so the record stays readable. */
	issued_by_name: string;
	issued_at: string;
	/** When the new password was set with it. */
	used_at: string;
}

/** One change of a shop's WhatsApp number (where buyers' orders go): who, when, before and after. Never updated. */
export interface WhatsappChangeTable {
	/** `wac_…` */
	id: string;
	shop_id: string;
	changed_by: string | null;
	changed_by_name: string;
	/** E.164 digits. */
	before: string;
	after: string;
	at: string;
}

/** A change of a shop made by someone other than its owner (staff helping): one field, before and after. Migration 0010-security-3. */
export interface ShopChangeTable {
	/** `shc_…` */
	id: string;
	shop_id: string;
	/** `name`, `business_type`, `story`, `area`, `pickup_point`, `opening_hours`, `delivery` (JSON) or `logo`. */
	field: string;
	changed_by: string | null;
	changed_by_name: string;
	before: string;
	after: string;
	at: string;
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { CashKind, CashMethod } from '../db/schema-cashbook';
import { newId } from '../../utils/ids';

export interface PostedEntry {
	shopId: string;
	kind: CashKind;
	/** Integer rupiah; negative only for a reversal. */
	amount: number;
	/** `YYYY-MM-DD` (WIB). */
	occurredOn: string;
	category: string;
	method: CashMethod;
	note?: string;
	photoKey?: string | null;
	reversesId?: string | null;
	/** Unique: `order:<id>`, `order:<id>:batal`, `debt:<paymentId>` (automatic), `form:<shopId>:<token>` (typed by hand,
	 * a one-time form token or Idempotency-Key); a second post of the same ref inserts nothing. */
	sourceRef?: string | null;
	orderId?: string | null;
	byUserId: string | null;
	at: string;
}

/**
 * Appends one entry to a shop's ledger, inside the caller's transaction when given one (an order's completion and its
 * income, a debt payment and its entry, commit or roll back together). With a `sourceRef` it is posted at most once:
 * the unique index turns a second attempt — a double tap, two requests at the same moment — into nothing, and the
 * answer is null. The ONE place rows enter `cash_entry`.
 */
export async function postEntry(db: Kysely<DB> | Transaction<DB>, e: PostedEntry): Promise<string | null> {
	const id = newId('kas');
	const r = await db
		.insertInto('cash_entry')
		.values({
			id,
			shop_id: e.shopId,
			kind: e.kind,
			amount: e.amount,
			occurred_on: e.occurredOn,
			category: e.category,
			method: e.method,
			note: e.note ?? '',
			photo_key: e.photoKey ?? null,
			reverses_id: e.reversesId ?? null,
			source_ref: e.sourceRef ?? null,
			order_id: e.orderId ?? null,
			created_by: e.byUserId,
			created_at: e.at
		})
		.onConflict((oc) => oc.column('source_ref').doNothing())
		.returning('id')
		.executeTakeFirst();
	return r?.id ?? null;
}

import type { Kysely, Migration } from 'kysely';

/**
 * One-time form tokens for receivables/payables and their payments (issue 11: a double tap or a resent form must not
 * record a debt or a payment twice). `form_ref` is the token of the form (or the API's Idempotency-Key) that stored
 * the row, unique per shop; null for rows stored without one. Entries use `cash_entry.source_ref` (`form:<shop>:<token>`).
 */
export function cashbookTokensMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema.alterTable('cash_debt').addColumn('form_ref', 'text').execute();
			await db.schema.createIndex('cash_debt_form_ref_key').on('cash_debt').columns(['shop_id', 'form_ref']).unique().execute();
			await db.schema.alterTable('cash_debt_payment').addColumn('form_ref', 'text').execute();
			await db.schema.createIndex('cash_debt_payment_form_ref_key').on('cash_debt_payment').columns(['shop_id', 'form_ref']).unique().execute();
		}
	};
}

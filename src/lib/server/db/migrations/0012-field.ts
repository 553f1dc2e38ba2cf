import type { Kysely, Migration } from 'kysely';

/**
 * Buyer side of the field test (issue 7):
 * - `shop_order.note`: the buyer's note to this one shop (a checkout across shops gets one note per shop,
 *   and each seller reads only their own). `checkout.note` stays for API clients that send one note for all.
 */
export function fieldMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema.alterTable('shop_order').addColumn('note', 'text', (c) => c.notNull().defaultTo('')).execute();
		}
	};
}

import type { Kysely, Migration } from 'kysely';

/**
 * Security, third step (lead's attacker review): a record of every change of a shop that someone other than
 * its owner made (a coordinator or facilitator helping): name, story, location, delivery, logo. Shown to the
 * seller, like payment and WhatsApp changes.
 */
export function security3Migration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('shop_change')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id'))
				.addColumn('field', 'text', (c) => c.notNull())
				.addColumn('changed_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
				.addColumn('changed_by_name', 'text', (c) => c.notNull())
				.addColumn('before', 'text', (c) => c.notNull())
				.addColumn('after', 'text', (c) => c.notNull())
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('shop_change_shop_idx').on('shop_change').columns(['shop_id', 'at']).execute();
		}
	};
}

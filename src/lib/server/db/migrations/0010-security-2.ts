import type { Kysely, Migration } from 'kysely';

/**
 * Security, second round (issue 8's attacker review): a record of every password set through a link someone
 * else issued for an account that already had a password (a staff reset), which locks payment changes for a
 * while and is shown to the seller; and a record of every change of a shop's WhatsApp number.
 */
export function security2Migration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('password_reset')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
				.addColumn('issued_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
				.addColumn('issued_by_name', 'text', (c) => c.notNull())
				.addColumn('issued_at', 'text', (c) => c.notNull())
				.addColumn('used_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('password_reset_user_idx').on('password_reset').columns(['user_id', 'used_at']).execute();

			await db.schema
				.createTable('whatsapp_change')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id'))
				.addColumn('changed_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
				.addColumn('changed_by_name', 'text', (c) => c.notNull())
				.addColumn('before', 'text', (c) => c.notNull())
				.addColumn('after', 'text', (c) => c.notNull())
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('whatsapp_change_shop_idx').on('whatsapp_change').columns(['shop_id', 'at']).execute();
		}
	};
}

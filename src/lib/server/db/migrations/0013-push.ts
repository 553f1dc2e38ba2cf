import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../schema';

/**
 * Web Push, second step (issue 8, reviewer finding): a push subscription belongs to one shop. 0005-seller made
 * `push_subscription.endpoint` UNIQUE across all shops, so subscribing an endpoint for one shop had to delete
 * every other shop's row with it — one seller could silence another seller's order alerts. Now the key is
 * (shop_id, endpoint): the same browser may follow two shops (a seller helping a relative's shop), and each
 * shop's rows are touched only by that shop's managers. Existing rows are kept.
 */
export function pushMigration(dialect: Dialect): Migration {
	return {
		async up(db: Kysely<unknown>) {
			if (dialect === 'postgres') {
				await sql`ALTER TABLE push_subscription DROP CONSTRAINT IF EXISTS push_subscription_endpoint_key`.execute(db);
				await db.schema.alterTable('push_subscription').addUniqueConstraint('push_subscription_shop_endpoint_key', ['shop_id', 'endpoint']).execute();
				await db.schema.dropIndex('push_subscription_shop_idx').ifExists().execute();
				return;
			}
			// SQLite cannot drop an inline UNIQUE: rebuild the table (nothing references it) and copy the rows.
			await db.schema
				.createTable('push_subscription_new')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id').onDelete('cascade'))
				.addColumn('endpoint', 'text', (c) => c.notNull())
				.addColumn('p256dh', 'text', (c) => c.notNull())
				.addColumn('auth', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('push_subscription_shop_endpoint_key', ['shop_id', 'endpoint'])
				.execute();
			await sql`INSERT INTO push_subscription_new (id, user_id, shop_id, endpoint, p256dh, auth, created_at)
				SELECT id, user_id, shop_id, endpoint, p256dh, auth, created_at FROM push_subscription`.execute(db);
			await db.schema.dropTable('push_subscription').execute();
			await sql`ALTER TABLE push_subscription_new RENAME TO push_subscription`.execute(db);
		}
	};
}

import type { Kysely, Migration } from 'kysely';

/**
 * Security and reliability (issue 8): a record of every change of a shop's payment details, one
 * database-backed rate-limit counter table shared by every process (checkouts, receipts, logins), and the
 * fingerprint an Idempotency-Key is bound to.
 */
export function securityMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('payment_change')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id'))
				.addColumn('changed_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
				.addColumn('changed_by_name', 'text', (c) => c.notNull())
				.addColumn('before', 'text', (c) => c.notNull())
				.addColumn('after', 'text', (c) => c.notNull())
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('payment_change_shop_idx').on('payment_change').columns(['shop_id', 'at']).execute();

			await db.schema
				.createTable('rate_limit')
				.addColumn('key', 'text', (c) => c.primaryKey())
				.addColumn('window_start', 'bigint', (c) => c.notNull())
				.addColumn('hits', 'integer', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('rate_limit_window_idx').on('rate_limit').column('window_start').execute();

			await db.schema.alterTable('checkout').addColumn('request_fingerprint', 'text').execute();
		}
	};
}

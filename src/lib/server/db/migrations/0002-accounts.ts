import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Accounts, roles, sessions and one-time setup links; shop ownership and the settings a seller fills in
 * during onboarding; product variants.
 */
export function accountsMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('app_user')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('email', 'text', (c) => c.unique())
				.addColumn('whatsapp', 'text', (c) => c.unique())
				.addColumn('password_hash', 'text')
				.addColumn('is_platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('membership')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
				.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('coordinator', 'facilitator', 'seller')`))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('membership_uq', ['user_id', 'community_id', 'role'])
				.execute();
			await db.schema.createIndex('membership_community_idx').on('membership').columns(['community_id', 'role']).execute();

			await db.schema
				.createTable('session')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cookie', 'api')`))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('last_seen_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

			await db.schema
				.createTable('setup_link')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
				.addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('invite', 'reset')`))
				.addColumn('created_by', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('used_at', 'text')
				.execute();
			await db.schema.createIndex('setup_link_user_idx').on('setup_link').column('user_id').execute();

			await db.schema
				.createTable('login_throttle')
				.addColumn('key', 'text', (c) => c.primaryKey())
				.addColumn('failures', 'integer', (c) => c.notNull())
				.addColumn('window_started_at', 'text', (c) => c.notNull())
				.execute();

			await db.schema.alterTable('shop').addColumn('owner_user_id', 'text', (c) => c.references('app_user.id').onDelete('set null')).execute();
			await db.schema.alterTable('shop').addColumn('pickup_point', 'text').execute();
			await db.schema.alterTable('shop').addColumn('opening_hours', 'text').execute();
			await db.schema.alterTable('shop').addColumn('delivery', 'text', (c) => c.notNull().defaultTo('{"pickup":true}')).execute();
			await db.schema.alterTable('shop').addColumn('payment', 'text', (c) => c.notNull().defaultTo('{"cod":true}')).execute();
			await db.schema.alterTable('shop').addColumn('onboarding_step', 'integer', (c) => c.notNull().defaultTo(0)).execute();
			await db.schema.createIndex('shop_owner_idx').on('shop').column('owner_user_id').execute();

			await db.schema.alterTable('product').addColumn('variant_title', 'text').execute();
			await db.schema.alterTable('product_photo').addColumn('hints', 'text', (c) => c.notNull().defaultTo('[]')).execute();
			await db.schema
				.createTable('product_variant')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
				.addColumn('label', 'text', (c) => c.notNull())
				.addColumn('price', 'bigint', (c) => c.notNull().check(sql`price >= 0`))
				.addColumn('stock', 'integer', (c) => c.check(sql`stock is null or stock >= 0`))
				.addColumn('position', 'integer', (c) => c.notNull())
				.addUniqueConstraint('product_variant_label_uq', ['product_id', 'label'])
				.execute();
		}
	};
}

import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Visitor counts without cookies (issue 10 item 6): daily totals only, never a raw hit, address or user agent.
 * `visit_daily` holds views and first-time-today visitors per day (WIB), scope (the community, a shop or a product;
 * `scope_id` is that row's id) and source; `visit_unique` the day's visitor hashes per scope, so the same visitor is
 * counted once a day (HMAC with a salt that lives only in memory and changes every WIB day, so days cannot be
 * linked; rows of finished days are deleted); `visit_event` WhatsApp-button clicks and add-to-cart per day and shop.
 */
export function visitsMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('visit_daily')
				.addColumn('day', 'text', (c) => c.notNull())
				.addColumn('scope_id', 'text', (c) => c.notNull())
				.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('whatsapp', 'poster', 'shopee', 'search', 'social', 'direct')`))
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('shop_id', 'text', (c) => c.references('shop.id'))
				.addColumn('product_id', 'text', (c) => c.references('product.id'))
				.addColumn('views', 'integer', (c) => c.notNull().check(sql`views >= 0`))
				.addColumn('visitors', 'integer', (c) => c.notNull().check(sql`visitors >= 0`))
				.addPrimaryKeyConstraint('visit_daily_pk', ['day', 'scope_id', 'source'])
				.execute();
			await db.schema.createIndex('visit_daily_shop_idx').on('visit_daily').columns(['shop_id', 'day']).execute();
			await db.schema.createIndex('visit_daily_community_idx').on('visit_daily').columns(['community_id', 'day']).execute();
			await db.schema
				.createTable('visit_unique')
				.addColumn('day', 'text', (c) => c.notNull())
				.addColumn('scope_id', 'text', (c) => c.notNull())
				.addColumn('visitor_hash', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('visit_unique_pk', ['day', 'scope_id', 'visitor_hash'])
				.execute();
			await db.schema
				.createTable('visit_event')
				.addColumn('day', 'text', (c) => c.notNull())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id'))
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('whatsapp_click', 'add_to_cart')`))
				.addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
				.addPrimaryKeyConstraint('visit_event_pk', ['day', 'shop_id', 'kind'])
				.execute();
			await db.schema.createIndex('visit_event_community_idx').on('visit_event').columns(['community_id', 'day']).execute();
		}
	};
}

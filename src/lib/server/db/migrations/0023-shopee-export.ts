import { sql, type Kysely, type Migration } from 'kysely';

/** Shopee bulk-upload exports per shop (issue 10 item 1): see `ShopeeExportTable`. */
export function shopeeExportMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('shopee_export')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id'))
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('created_by', 'text', (c) => c.references('app_user.id'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('template', 'fallback')`))
				.addColumn('exported_count', 'integer', (c) => c.notNull().check(sql`exported_count >= 0`))
				.addColumn('skipped_count', 'integer', (c) => c.notNull().check(sql`skipped_count >= 0`))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('shopee_export_shop_idx').on('shopee_export').columns(['shop_id', 'created_at']).execute();
			await db.schema.createIndex('shopee_export_community_idx').on('shopee_export').columns(['community_id', 'created_at']).execute();
		}
	};
}

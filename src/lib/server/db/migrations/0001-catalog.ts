import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../schema';

/** Communities, shops, the food-first category taxonomy, products and their photos, plus the search index. */
export function catalogMigration(dialect: Dialect): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('community')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('slug', 'text', (c) => c.notNull().unique())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('region_code', 'text', (c) => c.notNull().unique())
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('kelurahan', 'desa')`))
				.addColumn('district', 'text', (c) => c.notNull())
				.addColumn('regency', 'text', (c) => c.notNull())
				.addColumn('province', 'text', (c) => c.notNull())
				.addColumn('group_name', 'text')
				.addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('category')
				.addColumn('slug', 'text', (c) => c.primaryKey())
				.addColumn('position', 'integer', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('shop')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('business_type', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('whatsapp', 'text', (c) => c.notNull())
				.addColumn('area', 'text')
				.addColumn('story', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('logo', 'text')
				.addColumn('nib', 'text')
				.addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'hidden')`))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('shop_community_slug_uq', ['community_id', 'slug'])
				.execute();

			await db.schema
				.createTable('product')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id').onDelete('cascade'))
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('category_slug', 'text', (c) => c.notNull().references('category.slug'))
				.addColumn('price', 'bigint', (c) => c.notNull().check(sql`price >= 0`))
				.addColumn('unit', 'text', (c) => c.notNull())
				.addColumn('stock', 'integer', (c) => c.check(sql`stock is null or stock >= 0`))
				.addColumn('made_to_order', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('lead_time_days', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('weight_grams', 'integer')
				.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('shelf_life', 'text')
				.addColumn('ingredients', 'text')
				.addColumn('pirt', 'text')
				.addColumn('halal', 'text')
				.addColumn('bpom', 'text')
				.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'archived')`))
				.addColumn('search_name', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('search_body', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('published_at', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('product_shop_slug_uq', ['shop_id', 'slug'])
				.execute();
			await db.schema.createIndex('product_catalog_newest_idx').on('product').columns(['community_id', 'status', 'created_at']).execute();
			await db.schema.createIndex('product_catalog_price_idx').on('product').columns(['community_id', 'status', 'price']).execute();
			await db.schema.createIndex('product_catalog_category_idx').on('product').columns(['community_id', 'category_slug', 'status', 'created_at']).execute();
			await db.schema.createIndex('product_shop_idx').on('product').columns(['shop_id', 'status', 'created_at']).execute();

			await db.schema
				.createTable('product_photo')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('width', 'integer', (c) => c.notNull())
				.addColumn('height', 'integer', (c) => c.notNull())
				.addColumn('variants', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('product_photo_order_idx').on('product_photo').columns(['product_id', 'position']).execute();

			if (dialect === 'sqlite') {
				// Contentless FTS5 keyed by the product's rowid. `scope` holds filter tokens (community, category,
				// shop) only while the product is visible (published, shop active), so one MATCH filters, counts
				// and ranks without touching the product table. Triggers keep it in step with product and shop.
				await sql`CREATE VIRTUAL TABLE product_fts USING fts5(name, body, scope, content='', contentless_delete=1, tokenize='unicode61', prefix='2 3 4')`.execute(db);
				const scope = (p: string) => sql.raw(`CASE WHEN ${p}.status = 'published' AND (SELECT status FROM shop WHERE shop.id = ${p}.shop_id) = 'active'
					THEN 'v' || replace(${p}.community_id, '_', '') || ' c' || replace(${p}.category_slug, '-', '') || ' s' || replace(${p}.shop_id, '_', '')
					ELSE '' END`);
				await sql`CREATE TRIGGER product_fts_ai AFTER INSERT ON product BEGIN
					INSERT INTO product_fts(rowid, name, body, scope) VALUES (new.rowid, new.search_name, new.search_body, ${scope('new')}); END`.execute(db);
				await sql`CREATE TRIGGER product_fts_ad AFTER DELETE ON product BEGIN
					DELETE FROM product_fts WHERE rowid = old.rowid; END`.execute(db);
				await sql`CREATE TRIGGER product_fts_au AFTER UPDATE OF search_name, search_body, status, category_slug, shop_id, community_id ON product BEGIN
					DELETE FROM product_fts WHERE rowid = old.rowid;
					INSERT INTO product_fts(rowid, name, body, scope) VALUES (new.rowid, new.search_name, new.search_body, ${scope('new')}); END`.execute(db);
				await sql`CREATE TRIGGER product_fts_shop_au AFTER UPDATE OF status ON shop BEGIN
					DELETE FROM product_fts WHERE rowid IN (SELECT rowid FROM product WHERE shop_id = new.id);
					INSERT INTO product_fts(rowid, name, body, scope) SELECT p.rowid, p.search_name, p.search_body, ${scope('p')} FROM product p WHERE p.shop_id = new.id; END`.execute(db);
			} else {
				// The same normalised words as SQLite, in the 'simple' configuration; name words weigh most.
				await sql`ALTER TABLE product ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
					(setweight(to_tsvector('simple', search_name), 'A') || setweight(to_tsvector('simple', search_body), 'D')) STORED`.execute(db);
				await sql`CREATE INDEX product_search_idx ON product USING gin (search_vector)`.execute(db);
			}
		}
	};
}

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
				.addColumn('catalog_version', 'integer', (c) => c.notNull().defaultTo(0))
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
			// Each catalog order walks one of these from the top; the id makes ties (and pages) deterministic.
			await db.schema.createIndex('product_catalog_newest_idx').on('product').columns(['community_id', 'status', 'created_at', 'id']).execute();
			await db.schema.createIndex('product_catalog_price_idx').on('product').columns(['community_id', 'status', 'price', 'id']).execute();
			await db.schema.createIndex('product_catalog_category_idx').on('product').columns(['community_id', 'category_slug', 'status', 'created_at', 'id']).execute();
			await db.schema.createIndex('product_shop_idx').on('product').columns(['shop_id', 'status', 'created_at', 'id']).execute();

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

			await catalogVersionTriggers(db, dialect);

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

/**
 * Every write that changes what buyers see (a product, its photos, a shop) bumps its community's
 * catalog_version, in the database itself so no write path can forget. Cached pages are keyed by it,
 * so a changed product shows at once, on every app process.
 */
async function catalogVersionTriggers(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
	if (dialect === 'sqlite') {
		const bump = (communityExpr: string) => `UPDATE community SET catalog_version = catalog_version + 1 WHERE id = ${communityExpr};`;
		for (const [table, newExpr, oldExpr] of [
			['product', 'new.community_id', 'old.community_id'],
			['shop', 'new.community_id', 'old.community_id'],
			['product_photo', '(SELECT community_id FROM product WHERE id = new.product_id)', '(SELECT community_id FROM product WHERE id = old.product_id)']
		]) {
			await sql.raw(`CREATE TRIGGER ${table}_version_ai AFTER INSERT ON ${table} BEGIN ${bump(newExpr)} END`).execute(db);
			await sql.raw(`CREATE TRIGGER ${table}_version_au AFTER UPDATE ON ${table} BEGIN ${bump(newExpr)} ${bump(oldExpr)} END`).execute(db);
			await sql.raw(`CREATE TRIGGER ${table}_version_ad AFTER DELETE ON ${table} BEGIN ${bump(oldExpr)} END`).execute(db);
		}
		await sql.raw(`CREATE TRIGGER community_version_au AFTER UPDATE ON community WHEN new.catalog_version = old.catalog_version
			BEGIN UPDATE community SET catalog_version = catalog_version + 1 WHERE id = new.id; END`).execute(db);
		return;
	}
	await sql.raw(`CREATE FUNCTION ecrav_bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
		DECLARE ids text[];
		BEGIN
			IF TG_TABLE_NAME = 'product_photo' THEN
				SELECT array_agg(community_id) INTO ids FROM product
					WHERE id IN (CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.product_id END, CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.product_id END);
			ELSE
				ids := ARRAY[CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.community_id END, CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.community_id END];
			END IF;
			UPDATE community SET catalog_version = catalog_version + 1 WHERE id = ANY(ids);
			RETURN NULL;
		END $$`).execute(db);
	for (const table of ['product', 'shop', 'product_photo']) {
		await sql.raw(`CREATE TRIGGER ${table}_catalog_version AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ecrav_bump_catalog_version()`).execute(db);
	}
	await sql.raw(`CREATE FUNCTION ecrav_bump_own_version() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.catalog_version = OLD.catalog_version THEN NEW.catalog_version := OLD.catalog_version + 1; END IF; RETURN NEW; END $$`).execute(db);
	await sql.raw(`CREATE TRIGGER community_catalog_version BEFORE UPDATE ON community FOR EACH ROW EXECUTE FUNCTION ecrav_bump_own_version()`).execute(db);
}

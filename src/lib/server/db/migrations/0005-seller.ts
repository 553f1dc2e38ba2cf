import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../schema';
import { productSearchTerms } from '../../catalog/search-terms';

/**
 * Seller area (issue 7):
 * - search in three tiers: `product.search_category` takes the category's words out of `search_body`, so a
 *   name match ranks above a description match, which ranks above a category-only match (FTS5 gets a
 *   `category` column; PostgreSQL's vector weighs name A, body B, category D);
 * - `shop_slug_redirect`: a renamed shop's old address keeps working (301 to the new one);
 * - `push_subscription` and `app_secret` (the VAPID key pair, made on first start) for Web Push to sellers.
 */
export function sellerMigration(dialect: Dialect): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema.alterTable('product').addColumn('search_category', 'text', (c) => c.notNull().defaultTo('')).execute();
			if (dialect === 'sqlite') {
				for (const t of ['product_fts_ai', 'product_fts_ad', 'product_fts_au', 'product_fts_shop_au']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(t)}`.execute(db);
				await sql`DROP TABLE product_fts`.execute(db);
				await sql`CREATE VIRTUAL TABLE product_fts USING fts5(name, body, category, scope, content='', contentless_delete=1, tokenize='unicode61', prefix='2 3 4')`.execute(db);
				const scope = (p: string) => sql.raw(`CASE WHEN ${p}.status = 'published' AND (SELECT status FROM shop WHERE shop.id = ${p}.shop_id) = 'active'
					THEN 'v' || replace(${p}.community_id, '_', '') || ' c' || replace(${p}.category_slug, '-', '') || ' s' || replace(${p}.shop_id, '_', '')
					ELSE '' END`);
				await sql`CREATE TRIGGER product_fts_ai AFTER INSERT ON product BEGIN
					INSERT INTO product_fts(rowid, name, body, category, scope) VALUES (new.rowid, new.search_name, new.search_body, new.search_category, ${scope('new')}); END`.execute(db);
				await sql`CREATE TRIGGER product_fts_ad AFTER DELETE ON product BEGIN
					DELETE FROM product_fts WHERE rowid = old.rowid; END`.execute(db);
				await sql`CREATE TRIGGER product_fts_au AFTER UPDATE OF search_name, search_body, search_category, status, category_slug, shop_id, community_id ON product BEGIN
					DELETE FROM product_fts WHERE rowid = old.rowid;
					INSERT INTO product_fts(rowid, name, body, category, scope) VALUES (new.rowid, new.search_name, new.search_body, new.search_category, ${scope('new')}); END`.execute(db);
				await sql`CREATE TRIGGER product_fts_shop_au AFTER UPDATE OF status ON shop BEGIN
					DELETE FROM product_fts WHERE rowid IN (SELECT rowid FROM product WHERE shop_id = new.id);
					INSERT INTO product_fts(rowid, name, body, category, scope) SELECT p.rowid, p.search_name, p.search_body, p.search_category, ${scope('p')} FROM product p WHERE p.shop_id = new.id; END`.execute(db);
				await sql`INSERT INTO product_fts(rowid, name, body, category, scope) SELECT p.rowid, p.search_name, p.search_body, p.search_category, ${scope('p')} FROM product p`.execute(db);
			} else {
				await sql`DROP INDEX IF EXISTS product_search_idx`.execute(db);
				await sql`ALTER TABLE product DROP COLUMN search_vector`.execute(db);
				await sql`ALTER TABLE product ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
					(setweight(to_tsvector('simple', search_name), 'A') || setweight(to_tsvector('simple', search_body), 'B') || setweight(to_tsvector('simple', search_category), 'D')) STORED`.execute(db);
				await sql`CREATE INDEX product_search_idx ON product USING gin (search_vector)`.execute(db);
			}
			// Products written before this migration: split their words into the three tiers (triggers reindex them).
			const rows = await sql<{ id: string; name: string; category_slug: string; description: string; shop_name: string }>`
				SELECT p.id, p.name, p.category_slug, p.description, s.name AS shop_name FROM product p JOIN shop s ON s.id = p.shop_id`.execute(db);
			for (const r of rows.rows) {
				const t = productSearchTerms(r.name, r.category_slug, r.shop_name, r.description);
				await sql`UPDATE product SET search_name = ${t.search_name}, search_body = ${t.search_body}, search_category = ${t.search_category} WHERE id = ${r.id}`.execute(db);
			}

			await db.schema
				.createTable('shop_slug_redirect')
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('old_slug', 'text', (c) => c.notNull())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id').onDelete('cascade'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('shop_slug_redirect_pk', ['community_id', 'old_slug'])
				.execute();

			await db.schema
				.createTable('push_subscription')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id').onDelete('cascade'))
				.addColumn('endpoint', 'text', (c) => c.notNull().unique())
				.addColumn('p256dh', 'text', (c) => c.notNull())
				.addColumn('auth', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('push_subscription_shop_idx').on('push_subscription').column('shop_id').execute();

			await db.schema
				.createTable('app_secret')
				.addColumn('name', 'text', (c) => c.primaryKey())
				.addColumn('value', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
		}
	};
}

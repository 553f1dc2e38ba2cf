import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../schema';

/**
 * An order must not empty the community's page cache (issue 10, item 7). Until now every write to a product row —
 * also an order taking one unit of stock — bumped `community.catalog_version`, the key of every cached page.
 *
 * Now a product or variant update that changes only `stock` and leaves it on the same side of zero (still in stock,
 * or still sold out) bumps `community.stock_version` instead. The catalog and shop pages show only "Habis", never a
 * count, so they stay keyed by `catalog_version` alone; pages that show counts (the product page, the API, feeds)
 * are keyed by both (see hooks.server.ts). A stock change that makes a product sold out (or back in stock), and
 * any other change, still bumps `catalog_version`, so "Habis" shows at once.
 *
 * Variants had no trigger at all (a variant's price or stock changed no version): they now bump like products.
 */
export function catalogStockMigration(dialect: Dialect): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema.alterTable('community').addColumn('stock_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
			if (dialect === 'sqlite') await sqliteTriggers(db);
			else await postgresTriggers(db);
		}
	};
}

/** "Only the stock moved, and not across zero" for a row of `table`, as a condition on new/old (or NEW/OLD). */
async function stockOnly(db: Kysely<unknown>, table: 'product' | 'product_variant', nu: string, old: string): Promise<string> {
	const cols = (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name).filter((c) => c !== 'stock');
	return [`${nu}.stock IS NOT ${old}.stock`, `(coalesce(${nu}.stock, 0) > 0) = (coalesce(${old}.stock, 0) > 0)`, ...cols.map((c) => `${nu}.${c} IS ${old}.${c}`)].join(' AND ');
}

async function sqliteTriggers(db: Kysely<unknown>) {
	const bump = (column: string, communityExpr: string) => `UPDATE community SET ${column} = ${column} + 1 WHERE id = ${communityExpr};`;
	const ofProduct = (ref: string) => `(SELECT community_id FROM product WHERE id = ${ref}.product_id)`;
	await sql.raw(`DROP TRIGGER product_version_au`).execute(db);
	await sql.raw(`CREATE TRIGGER product_version_au AFTER UPDATE ON product WHEN NOT (${await stockOnly(db, 'product', 'new', 'old')})
		BEGIN ${bump('catalog_version', 'new.community_id')} ${bump('catalog_version', 'old.community_id')} END`).execute(db);
	await sql.raw(`CREATE TRIGGER product_stock_au AFTER UPDATE OF stock ON product WHEN new.stock IS NOT old.stock
		BEGIN ${bump('stock_version', 'new.community_id')} END`).execute(db);
	await sql.raw(`CREATE TRIGGER product_variant_version_ai AFTER INSERT ON product_variant BEGIN ${bump('catalog_version', ofProduct('new'))} END`).execute(db);
	await sql.raw(`CREATE TRIGGER product_variant_version_ad AFTER DELETE ON product_variant BEGIN ${bump('catalog_version', ofProduct('old'))} END`).execute(db);
	await sql.raw(`CREATE TRIGGER product_variant_version_au AFTER UPDATE ON product_variant WHEN NOT (${await stockOnly(db, 'product_variant', 'new', 'old')})
		BEGIN ${bump('catalog_version', ofProduct('new'))} ${bump('catalog_version', ofProduct('old'))} END`).execute(db);
	await sql.raw(`CREATE TRIGGER product_variant_stock_au AFTER UPDATE OF stock ON product_variant WHEN new.stock IS NOT old.stock
		BEGIN ${bump('stock_version', ofProduct('new'))} END`).execute(db);
	// Any other change to the community row bumps its catalog_version — but not a stock_version bump.
	await sql.raw(`DROP TRIGGER community_version_au`).execute(db);
	await sql.raw(`CREATE TRIGGER community_version_au AFTER UPDATE ON community WHEN new.catalog_version = old.catalog_version AND new.stock_version = old.stock_version
		BEGIN UPDATE community SET catalog_version = catalog_version + 1 WHERE id = new.id; END`).execute(db);
}

async function postgresTriggers(db: Kysely<unknown>) {
	// Every column but stock compared at once (also columns added later), and the same side of zero.
	const stockOnlyPg = `NEW.stock IS DISTINCT FROM OLD.stock AND (coalesce(NEW.stock, 0) > 0) = (coalesce(OLD.stock, 0) > 0)
		AND (to_jsonb(NEW) - 'stock') = (to_jsonb(OLD) - 'stock')`;
	await sql.raw(`CREATE OR REPLACE FUNCTION ecrav_bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
		DECLARE ids text[];
		BEGIN
			IF TG_TABLE_NAME IN ('product_photo', 'product_variant') THEN
				SELECT array_agg(community_id) INTO ids FROM product
					WHERE id IN (CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.product_id END, CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.product_id END);
			ELSE
				ids := ARRAY[CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.community_id END, CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.community_id END];
			END IF;
			UPDATE community SET catalog_version = catalog_version + 1 WHERE id = ANY(ids);
			RETURN NULL;
		END $$`).execute(db);
	await sql.raw(`CREATE FUNCTION ecrav_bump_stock_version() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF TG_TABLE_NAME = 'product_variant' THEN
				UPDATE community SET stock_version = stock_version + 1 WHERE id = (SELECT community_id FROM product WHERE id = NEW.product_id);
			ELSE
				UPDATE community SET stock_version = stock_version + 1 WHERE id = NEW.community_id;
			END IF;
			RETURN NULL;
		END $$`).execute(db);
	await sql.raw(`DROP TRIGGER product_catalog_version ON product`).execute(db);
	for (const table of ['product', 'product_variant']) {
		await sql.raw(`CREATE TRIGGER ${table}_catalog_version_id AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ecrav_bump_catalog_version()`).execute(db);
		await sql.raw(`CREATE TRIGGER ${table}_catalog_version_u AFTER UPDATE ON ${table} FOR EACH ROW WHEN (NOT (${stockOnlyPg})) EXECUTE FUNCTION ecrav_bump_catalog_version()`).execute(db);
		await sql.raw(`CREATE TRIGGER ${table}_stock_version AFTER UPDATE ON ${table} FOR EACH ROW WHEN (NEW.stock IS DISTINCT FROM OLD.stock) EXECUTE FUNCTION ecrav_bump_stock_version()`).execute(db);
	}
	await sql.raw(`CREATE OR REPLACE FUNCTION ecrav_bump_own_version() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.catalog_version = OLD.catalog_version AND NEW.stock_version = OLD.stock_version THEN NEW.catalog_version := OLD.catalog_version + 1; END IF; RETURN NEW; END $$`).execute(db);
}

import type { Kysely, Migration } from 'kysely';

/**
 * Indexes found by the scale simulation (bench/scale.ts: 1,000 communities, 500,000 products, 1.8 M orders a year;
 * figures in docs/scaling.md, "Scale: 1,000 communities on one PostgreSQL").
 * - `product_visible_idx` (community, status, shop, category): the catalog's counts (total and per category) and the
 *   program's published-product count read only the index (PostgreSQL: an index-only scan of the community's
 *   products, instead of visiting one heap page per product).
 * - `shop_order_figures_idx` (community, created_at, status, total): the program indicators' and dashboard's order
 *   counts and turnover over a period, and the admin's comparison of communities, read only the index. It begins
 *   with the columns of `shop_order_day_idx`, which it replaces (one index fewer to write per order).
 */
export function scaleIndexesMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema.createIndex('product_visible_idx').ifNotExists().on('product').columns(['community_id', 'status', 'shop_id', 'category_slug']).execute();
			await db.schema.createIndex('shop_order_figures_idx').ifNotExists().on('shop_order').columns(['community_id', 'created_at', 'status', 'total']).execute();
			await db.schema.dropIndex('shop_order_day_idx').ifExists().execute();
		}
	};
}

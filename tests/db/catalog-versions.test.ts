import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders, demoProduct } from '../helpers/demo-orders';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { showsStockCounts } from '../../src/lib/server/cache/page-cache';

/**
 * Issue 10, item 7: an order must not empty the community's page cache. Cached pages are keyed by catalog_version
 * (what the catalog and shop pages show) and, for pages that show stock counts, also stock_version.
 */
let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let key = 0;
const buyer = { name: 'Siti', whatsapp: '081234567890' };

beforeAll(async () => {
	({ ctx, cigadung, jj } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

const versions = async () => (await ctx.services.communities.catalogVersion(PUBLIC_ACTOR, 'cigadung'))!;
const order = (productId: string, shop: string, quantity = 1, variantId?: string) =>
	ctx.services.orders.checkout(
		PUBLIC_ACTOR,
		cigadung,
		{ buyer: { ...buyer, whatsapp: `0812345${String(++key).padStart(5, '0')}` }, lines: [{ productId, quantity, ...(variantId && { variantId }) }], shops: { [shop]: { delivery: 'pickup', payment: 'cod' } } },
		`versions-${Date.now()}-${key}`
	);
const card = async (slug: string) => (await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { shop: 'ketempling-jj' })).items.find((i) => i.slug === slug);

describe(`catalog and stock versions (${TEST_DIALECT})`, () => {
	it('should keep the catalog version when an order only lowers a stock count, and move the stock version', async () => {
		const p = await demoProduct(ctx, 'ketempling-original-250-g');
		await ctx.database.db.updateTable('product').set({ stock: 20 }).where('id', '=', p.id).execute();
		const before = await versions();
		await order(p.id, 'ketempling-jj', 2);
		const after = await versions();
		expect(after.catalog).toBe(before.catalog);
		expect(after.stock).toBeGreaterThan(before.stock);
		expect((await demoProduct(ctx, 'ketempling-original-250-g')).stock).toBe(18);
		expect((await card('ketempling-original-250-g'))?.available).toBe(true);
	});

	it('should move the catalog version when an order sells the last units, so the catalog shows "Habis" at once', async () => {
		const p = await demoProduct(ctx, 'ketempling-original-250-g');
		await ctx.database.db.updateTable('product').set({ stock: 1 }).where('id', '=', p.id).execute();
		const before = await versions();
		await order(p.id, 'ketempling-jj', 1);
		expect((await versions()).catalog).toBeGreaterThan(before.catalog);
		expect((await card('ketempling-original-250-g'))?.available).toBe(false);
		// and the order path still refuses the sold-out product
		await expect(order(p.id, 'ketempling-jj', 1)).rejects.toMatchObject({ code: 'out_of_stock', status: 409 });
	});

	it('should move the catalog version when a seller changes the price together with the stock', async () => {
		const p = await demoProduct(ctx, 'ketempling-original-250-g');
		await ctx.services.products.update(jj, p.id, { stock: 30 });
		const before = await versions();
		await ctx.services.products.update(jj, p.id, { stock: 25, price: 13500 });
		expect((await versions()).catalog).toBeGreaterThan(before.catalog);
		expect((await card('ketempling-original-250-g'))?.price).toBe(13500);
		const still = await versions();
		await ctx.database.db.updateTable('product').set({ stock: 24, price: 14000 }).where('id', '=', p.id).execute();
		expect((await versions()).catalog).toBeGreaterThan(still.catalog);
	});

	it('should treat a variant like a product: a count keeps the catalog version, its price or selling out moves it', async () => {
		const variant = await ctx.database.db
			.selectFrom('product_variant as v')
			.innerJoin('product as p', 'p.id', 'v.product_id')
			.innerJoin('shop as s', 's.id', 'p.shop_id')
			.select(['v.id', 'v.product_id', 's.slug as shop'])
			.where('p.community_id', '=', cigadung.id)
			.executeTakeFirstOrThrow();
		await ctx.database.db.updateTable('product_variant').set({ stock: 10 }).where('id', '=', variant.id).execute();
		let before = await versions();
		await order(variant.product_id, variant.shop, 3, variant.id);
		let after = await versions();
		expect(after.catalog).toBe(before.catalog);
		expect(after.stock).toBeGreaterThan(before.stock);
		before = after;
		await ctx.database.db.updateTable('product_variant').set({ price: 9900 }).where('id', '=', variant.id).execute();
		after = await versions();
		expect(after.catalog).toBeGreaterThan(before.catalog);
		before = after;
		await ctx.database.db.updateTable('product_variant').set({ stock: 0 }).where('id', '=', variant.id).execute();
		expect((await versions()).catalog).toBeGreaterThan(before.catalog);
	});

	it('should change the kept category counts, totals and shop list as soon as a product is hidden or published', async () => {
		const counts = () => ctx.services.catalog.categoryCounts(PUBLIC_ACTOR, cigadung);
		const shops = async () => (await ctx.services.shops.listByCommunity(PUBLIC_ACTOR, cigadung)).map((s) => s.slug);
		const products = await ctx.database.db.selectFrom('product').select(['id', 'category_slug']).where('shop_id', '=', jj.shopIds[0]).where('status', '=', 'published').execute();
		const category = products[0].category_slug;
		const start = (await counts()).get(category) ?? 0;
		const total = async (query: Record<string, string> = {}) => (await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, query)).page.total;
		const all = await total();
		const inCategory = await total({ category });
		const inShop = await total({ shop: 'ketempling-jj' });
		expect(inShop).toBe(products.length);
		expect(await counts()).toEqual(await counts()); // kept: the same answer twice
		expect(await shops()).toContain('ketempling-jj');
		await ctx.services.products.setStatus(jj, products[0].id, 'draft');
		expect((await counts()).get(category) ?? 0).toBe(start - 1);
		expect([await total(), await total({ category }), await total({ shop: 'ketempling-jj' })]).toEqual([all - 1, inCategory - 1, inShop - 1]);
		for (const p of products.slice(1)) await ctx.services.products.setStatus(jj, p.id, 'draft');
		expect(await shops()).not.toContain('ketempling-jj');
		for (const p of products) await ctx.services.products.setStatus(jj, p.id, 'published');
		expect((await counts()).get(category)).toBe(start);
		expect([await total(), await total({ category }), await total({ shop: 'ketempling-jj' })]).toEqual([all, inCategory, inShop]);
		expect(await shops()).toContain('ketempling-jj');
	});

	it('should key by the stock version only the pages that may show a count', () => {
		expect(showsStockCounts('/c/cigadung')).toBe(false);
		expect(showsStockCounts('/c/cigadung/')).toBe(false);
		expect(showsStockCounts('/c/cigadung/toko/ketempling-jj')).toBe(false);
		expect(showsStockCounts('/c/cigadung/toko/ketempling-jj/ketempling-original-250-g')).toBe(true);
		expect(showsStockCounts('/c/cigadung/produk.json')).toBe(true);
		expect(showsStockCounts('/c/cigadung/toko/ketempling-jj/produk.csv')).toBe(true);
		expect(showsStockCounts('/api/v1/communities/cigadung/products')).toBe(true);
	});
});

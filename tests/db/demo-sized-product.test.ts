import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/** Issue 7 (left, item 4): a fresh instance shows a product with sizes at their own prices. */
let ctx: TestContext;
let cigadung: Community;

beforeAll(async () => {
	({ ctx, cigadung } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`demo data (${TEST_DIALECT})`, () => {
	it('should seed Basreng Stik Pedas with three sizes at different prices, shown "mulai" the cheapest on its card', async () => {
		const product = await ctx.database.db.selectFrom('product').selectAll().where('slug', '=', 'basreng-stik-pedas').executeTakeFirstOrThrow();
		expect(product).toMatchObject({ name: 'Basreng Stik Pedas', variant_title: 'Ukuran', status: 'published' });
		const sizes = await ctx.database.db.selectFrom('product_variant').select(['label', 'price', 'stock']).where('product_id', '=', product.id).orderBy('position').execute();
		expect(sizes.map((s) => [s.label, Number(s.price)])).toEqual([
			['100 g', 8000],
			['250 g', 18000],
			['500 g', 34000]
		]);
		expect(sizes.every((s) => Number(s.stock) > 0)).toBe(true);
		const list = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { q: 'basreng stik' });
		expect(list.items.find((i) => i.slug === 'basreng-stik-pedas')).toMatchObject({ price: 8000, priceMax: 34000, available: true });
		// 38 products: the sized Basreng replaced "Basreng Stik Pedas 100 g"; Sambal Teri is one more
		expect((await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, {})).page.total).toBe(38);
	});

	it('should seed a sambal with sizes: Sambal Teri 100 g / 200 g at Sambal MT, found by "sambal" at "mulai" its cheapest size', async () => {
		const product = await ctx.database.db.selectFrom('product').selectAll().where('slug', '=', 'sambal-teri').executeTakeFirstOrThrow();
		expect(product).toMatchObject({ name: 'Sambal Teri', variant_title: 'Ukuran', status: 'published', category_slug: 'sambal-bumbu' });
		const shop = await ctx.database.db.selectFrom('shop').select('slug').where('id', '=', product.shop_id).executeTakeFirstOrThrow();
		expect(shop.slug).toBe('sambal-mt');
		const sizes = await ctx.database.db.selectFrom('product_variant').select(['label', 'price', 'stock']).where('product_id', '=', product.id).orderBy('position').execute();
		expect(sizes.map((s) => [s.label, Number(s.price)])).toEqual([
			['100 g', 15000],
			['200 g', 27000]
		]);
		expect(sizes.every((s) => Number(s.stock) > 0)).toBe(true);
		const list = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { q: 'sambal' });
		expect(list.items.find((i) => i.slug === 'sambal-teri')).toMatchObject({ price: 15000, priceMax: 27000, available: true });
	});
});

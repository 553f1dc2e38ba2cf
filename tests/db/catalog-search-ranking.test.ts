import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { CatalogService } from '../../src/lib/server/catalog/catalog.service';
import type { Community } from '../../src/lib/server/db/schema';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { makeCommunity, makeProduct, makeShop } from '../helpers/factories';

/** Issue 7 item 12: a search ranks name matches, then description matches, then category-only matches. */
let ctx: TestContext;
let desa: Community;

beforeAll(async () => {
	ctx = await createTestContext();
	desa = await makeCommunity(ctx.services);
	const shop = await makeShop(ctx.services, desa, 'Dapur Ani');
	// Category-only matches ("Camilan & keripik"), written first so "newest" would put them on top.
	await makeProduct(ctx.services, shop, { name: 'Cireng Rujak', categorySlug: 'camilan-keripik', description: 'Cireng kenyal dengan bumbu rujak.' });
	await makeProduct(ctx.services, shop, { name: 'Cimol Bumbu Balado', categorySlug: 'camilan-keripik', description: 'Cimol.' });
	await makeProduct(ctx.services, shop, { name: 'Tahu Goreng Bumbu isi 10', categorySlug: 'camilan-keripik', description: 'Tahu.' });
	await makeProduct(ctx.services, shop, { name: 'Ketempling Pedas 250 g', categorySlug: 'lainnya', description: 'Seperti keripik singkong, tapi lebih tebal dan renyah. Dibuat setiap pagi dari singkong pilihan kebun sendiri.' });
	await makeProduct(ctx.services, shop, { name: 'Keripik Pisang Tanduk', categorySlug: 'lainnya', description: 'Pisang tanduk diiris tipis.' });
	await makeProduct(ctx.services, shop, { name: 'Kripik Kaca Pedas', categorySlug: 'camilan-keripik', description: 'Kripik kaca pedas daun jeruk.' });
});
afterAll(() => ctx.cleanup());

describe(`${CatalogService.name} search ranking (${TEST_DIALECT})`, () => {
	it.each(['keripik', 'kripik'])('should rank "%s" by name, then description, then category only', async (q) => {
		const page = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, desa, { q });
		const names = page.items.map((i) => i.name);
		expect(names.slice(0, 2).sort()).toEqual(['Keripik Pisang Tanduk', 'Kripik Kaca Pedas']);
		expect(names[2]).toBe('Ketempling Pedas 250 g');
		expect(names.slice(3).sort()).toEqual(['Cimol Bumbu Balado', 'Cireng Rujak', 'Tahu Goreng Bumbu isi 10']);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import type { CategorySlug } from '../../src/lib/categories';

let ctx: TestContext;
beforeAll(async () => {
	ctx = await createTestContext();
});
afterAll(() => ctx.cleanup());

describe(`"Produk lain" on a product page (${TEST_DIALECT})`, () => {
	it('should show the same category newest first, then other categories newest first, never the product itself or hidden ones', async () => {
		const community = await makeCommunity(ctx.services);
		const shop = await makeShop(ctx.services, community);
		const other = await makeShop(ctx.services, community);
		const make = async (name: string, categorySlug: CategorySlug, minute: number, s = shop) => {
			const p = await makeProduct(ctx.services, s, { name, categorySlug });
			await ctx.database.db.updateTable('product').set({ created_at: `2026-11-30T10:${String(minute).padStart(2, '0')}:00.000Z` }).where('id', '=', p.id).execute();
			return p;
		};
		const viewed = await make('Keripik Dilihat', 'camilan-keripik', 30);
		await make('Keripik Lama', 'camilan-keripik', 1);
		await make('Keripik Baru', 'camilan-keripik', 50, other);
		const hidden = await make('Keripik Disembunyikan', 'camilan-keripik', 59);
		await ctx.services.products.setStatus(system, hidden.id, 'draft');
		await make('Kue Lama', 'kue', 2);
		await make('Kue Baru', 'kue', 40);
		await make('Sambal Terbaru', 'sambal-bumbu', 58);
		await makeProduct(ctx.services, await makeShop(ctx.services, await makeCommunity(ctx.services)), { name: 'Keripik Desa Lain', categorySlug: 'camilan-keripik' });
		const detail = await ctx.services.catalog.getProduct(PUBLIC_ACTOR, community, shop, viewed.slug);
		expect(detail.related.map((r) => r.name)).toEqual(['Keripik Baru', 'Keripik Lama', 'Sambal Terbaru', 'Kue Baru']);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { CatalogService } from '../../src/lib/server/catalog/catalog.service';
import type { Community } from '../../src/lib/server/db/schema';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { makeCommunity, makeProduct, makeShop } from '../helpers/factories';

/**
 * Search over the demo community. The expected sets are written once and must hold on SQLite and on
 * PostgreSQL alike: that is what "the same products match on both databases" means.
 */
let ctx: TestContext;
let cigadung: Community;

const names = async (q: string) => {
	const page = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { q, perPage: 100 });
	return page.items.map((i) => i.name).sort();
};

beforeAll(async () => {
	ctx = await createTestContext();
	await seedDemoCommunity(ctx.services, { photos: false });
	cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
});
afterAll(() => ctx.cleanup());

describe(`${CatalogService.name} search (${TEST_DIALECT})`, () => {
	describe('listProducts', () => {
		it('should find ketempling by its full name and while typing its first letters', async () => {
			const full = await names('ketempling');
			expect(full).toEqual([
				'Ketempling Balado 250 g',
				'Ketempling Bawang 500 g',
				'Ketempling Gurih 1 kg (grosir)',
				'Ketempling Original 250 g',
				'Ketempling Pedas 250 g'
			]);
			expect(await names('ketemp')).toEqual(full);
			expect(await names('KETEMPLING')).toEqual(full);
		});

		it('should treat common spelling variants as the same word', async () => {
			// "keripik" is also the snack category, so ketempling and basreng come too, but named matches first.
			const keripik = await names('keripik');
			expect(keripik).toEqual(expect.arrayContaining(['Keripik Mustopa Pedas Manis 250 g', 'Keripik Singkong Balado 250 g', 'Ketempling Pedas 250 g']));
			expect(await names('kripik')).toEqual(keripik);
			const ranked = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { q: 'kripik' });
			expect(ranked.items.slice(0, 2).map((i) => i.name).sort()).toEqual(['Keripik Mustopa Pedas Manis 250 g', 'Keripik Singkong Balado 250 g']);
			expect(await names('sambel')).toEqual(await names('sambal'));
			expect(await names('sambal')).toEqual(expect.arrayContaining(['Sambal Bawang 150 ml', 'Sambal Cumi 150 ml', 'Sambal Teri']));
		});

		it('should match words with and without Indonesian affixes', async () => {
			const pedas = await names('pedas');
			expect(pedas).toEqual(expect.arrayContaining(['Basreng Pedas Daun Jeruk 200 g', 'Ketempling Pedas 250 g', 'Keripik Mustopa Pedas Manis 250 g']));
			expect(await names('kepedasan')).toEqual(pedas);
			expect(await names('pedes')).toEqual(pedas);
			// "makanan" and "makan" find the same products: the meals category and descriptions that say "makan".
			expect(await names('makanan')).toEqual(await names('makan'));
			expect(await names('makanan berat')).toEqual(expect.arrayContaining(['Mie Ayam Original', 'Sate Ayam 10 tusuk + lontong']));
		});

		it('should require every word to match', async () => {
			expect(await names('ketempling pedas')).toEqual(['Ketempling Pedas 250 g']);
			expect(await names('risol frozen')).toEqual(['Risol Sayur isi 10 (frozen)']);
		});

		it.each(['"', '*', '-', 'NEAR(', "'; drop table product; --", 'ketempling"', '(((', 'AND OR NOT', '\\', '%_', '🌶️'])(
			'should never break on query syntax in %j',
			async (q) => {
				await expect(ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { q })).resolves.toBeDefined();
			}
		);

		it('should suggest close words when nothing matches', async () => {
			const page = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { q: 'ketemplink' });
			expect(page.page.total).toBe(0);
			expect(page.suggestions).toContain('ketempling');
			const kentang = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { q: 'kripik kentang' });
			expect(kentang.page.total).toBe(0);
			expect(kentang.suggestions).toContain('keripik');
		});

		it('should page, filter and sort the same way on both databases', async () => {
			const first = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { perPage: 10, sort: 'cheapest' });
			expect(first.page.total).toBe(38);
			expect(first.page.pages).toBe(4);
			expect(first.items.map((i) => i.price)).toEqual([...first.items.map((i) => i.price)].sort((a, b) => a - b));
			expect(first.items[0].price).toBe(2000);
			const last = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { perPage: 10, page: 4, sort: 'cheapest' });
			expect(last.items).toHaveLength(8);
			expect(last.items.at(-1)?.price).toBe(100000);
			const sambal = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { category: 'sambal-bumbu' });
			expect(sambal.items.map((i) => i.shop.slug)).toEqual(['sambal-mt', 'sambal-mt', 'sambal-mt']);
			const shop = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { shop: 'ketempling-jj' });
			expect(shop.items.map((i) => i.name).sort()).toEqual(['Ketempling Original 250 g', 'Ketempling Pedas 250 g']);
		});

		it('should refuse bad paging input with a 400 and a message naming the parameter', async () => {
			for (const query of [{ page: '0' }, { perPage: '101' }, { page: 'abc' }, { sort: 'random' }, { q: 'x'.repeat(101) }]) {
				await expect(ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, query)).rejects.toMatchObject({ status: 400 });
			}
		});

		it('should answer a 404 for an unknown shop filter', async () => {
			await expect(ctx.services.catalog.listProducts(PUBLIC_ACTOR, cigadung, { shop: 'tidak-ada' })).rejects.toMatchObject({ status: 404 });
		});

		it('should show only published products of this community', async () => {
			const other = await makeCommunity(ctx.services);
			const shop = await makeShop(ctx.services, other, 'Ketempling Tetangga');
			await makeProduct(ctx.services, shop, { name: 'Ketempling Desa Sebelah' });
			const home = await ctx.services.shops.getBySlug(PUBLIC_ACTOR, cigadung, 'ketempling-jj');
			await makeProduct(ctx.services, home, { name: 'Ketempling Draft Rahasia', published: false });
			expect(await names('ketempling')).not.toContain('Ketempling Desa Sebelah');
			expect(await names('ketempling')).not.toContain('Ketempling Draft Rahasia');
			const otherPage = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, other, { q: 'ketempling' });
			expect(otherPage.items.map((i) => i.name)).toEqual(['Ketempling Desa Sebelah']);
		});

		it('should hide the products of a hidden shop and of an unpublished product at once, and bring them back', async () => {
			const { db } = ctx.database;
			const shop = await ctx.services.shops.getBySlug(PUBLIC_ACTOR, cigadung, 'sambal-mt');
			await db.updateTable('shop').set({ status: 'hidden' }).where('id', '=', shop.id).execute();
			expect(await names('sambal')).not.toContain('Sambal Cumi 150 ml');
			await db.updateTable('shop').set({ status: 'active' }).where('id', '=', shop.id).execute();
			expect(await names('sambal')).toContain('Sambal Cumi 150 ml');
			await db.updateTable('product').set({ status: 'draft' }).where('name', '=', 'Sambal Cumi 150 ml').execute();
			expect(await names('cumi')).toEqual([]);
			await db.updateTable('product').set({ status: 'published' }).where('name', '=', 'Sambal Cumi 150 ml').execute();
			expect(await names('cumi')).toEqual(['Sambal Cumi 150 ml']);
		});
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { CommunityService } from '../../src/lib/server/communities/community.service';
import { ShopService } from '../../src/lib/server/shops/shop.service';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import sharp from 'sharp';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';

const sharpPhoto = () => sharp({ create: { width: 800, height: 800, channels: 3, background: '#d08040' } }).jpeg().toBuffer();

let ctx: TestContext;
beforeAll(async () => {
	ctx = await createTestContext();
});
afterAll(() => ctx.cleanup());

const cigadung = {
	slug: 'cigadung',
	name: 'Kelurahan Cigadung',
	regionCode: '32.08.18.1002',
	kind: 'kelurahan' as const,
	district: 'Cigugur',
	regency: 'Kabupaten Kuningan',
	province: 'Jawa Barat'
};

describe(`${CommunityService.name} (${TEST_DIALECT})`, () => {
	describe('create', () => {
		it('should register a kelurahan by its Kemendagri code', async () => {
			const c = await ctx.services.communities.create(system, cigadung);
			expect(c).toMatchObject({ slug: 'cigadung', region_code: '32.08.18.1002', kind: 'kelurahan', is_demo: 0 });
			expect(c.id).toMatch(/^com_/);
		});

		it('should refuse a visitor without an account', async () => {
			await expect(ctx.services.communities.create(PUBLIC_ACTOR, { ...cigadung, slug: 'lain', regionCode: '32.08.18.1003' })).rejects.toMatchObject({
				status: 403
			});
		});

		it.each([
			['a malformed code', { regionCode: '3208181002' }],
			['a desa code for a kelurahan', { regionCode: '32.08.18.2002' }],
			['a taken region code (another Cigadung must have its own)', { slug: 'cigadung-lain' }]
		])('should refuse %s and store nothing', async (_label, change) => {
			const before = (await ctx.services.communities.listPublic(PUBLIC_ACTOR)).length;
			await expect(ctx.services.communities.create(system, { ...cigadung, slug: 'baru', ...change })).rejects.toBeDefined();
			expect((await ctx.services.communities.listPublic(PUBLIC_ACTOR)).length).toBe(before);
		});

		it('should refuse a taken slug with a message naming it', async () => {
			await expect(ctx.services.communities.create(system, { ...cigadung, regionCode: '32.08.18.1009' })).rejects.toMatchObject({
				status: 422,
				messageKey: 'error.slugTaken',
				params: { slug: 'cigadung' }
			});
		});
	});

	describe('getBySlug', () => {
		it('should answer a 404 naming the unknown slug', async () => {
			await expect(ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'tidak-ada')).rejects.toMatchObject({ status: 404, params: { slug: 'tidak-ada' } });
		});
	});

	describe('catalogVersion', () => {
		it('should change with every change a buyer could see, and only in that community', async () => {
			const c = await makeCommunity(ctx.services);
			const other = await makeCommunity(ctx.services);
			const version = async () => (await ctx.services.communities.catalogVersion(PUBLIC_ACTOR, c.slug))?.catalog;
			const otherBefore = await ctx.services.communities.catalogVersion(PUBLIC_ACTOR, other.slug);
			const seen = [await version()];
			const shop = await makeShop(ctx.services, c);
			seen.push(await version());
			const product = await makeProduct(ctx.services, shop);
			seen.push(await version());
			await ctx.database.db.updateTable('product').set({ price: 15000 }).where('id', '=', product.id).execute();
			seen.push(await version());
			await ctx.services.products.addPhoto(system, product.id, await sharpPhoto());
			seen.push(await version());
			await ctx.database.db.updateTable('shop').set({ status: 'hidden' }).where('id', '=', shop.id).execute();
			seen.push(await version());
			await ctx.database.db.updateTable('community').set({ name: 'Desa Berganti Nama' }).where('id', '=', c.id).execute();
			seen.push(await version());
			for (let i = 1; i < seen.length; i++) expect(seen[i], `step ${i}`).toBeGreaterThan(seen[i - 1] as number);
			expect(await ctx.services.communities.catalogVersion(PUBLIC_ACTOR, other.slug)).toEqual(otherBefore);
			expect(await ctx.services.communities.catalogVersion(PUBLIC_ACTOR, 'tidak-ada')).toBeUndefined();
		});
	});

	describe('listPublic', () => {
		it('should count only active shops and published products', async () => {
			const c = await makeCommunity(ctx.services);
			const shop = await makeShop(ctx.services, c);
			await makeProduct(ctx.services, shop);
			await makeProduct(ctx.services, shop, { published: false });
			const row = (await ctx.services.communities.listPublic(PUBLIC_ACTOR)).find((x) => x.slug === c.slug);
			expect(row).toMatchObject({ shop_count: 1, product_count: 1 });
		});
	});
});

describe(`${ShopService.name} (${TEST_DIALECT})`, () => {
	describe('create', () => {
		it('should normalise the WhatsApp number and derive the slug from the name', async () => {
			const c = await makeCommunity(ctx.services);
			const shop = await ctx.services.shops.create(system, c, { name: 'Ketempling JJ', whatsapp: '0812-3456-7890' });
			expect(shop).toMatchObject({ slug: 'ketempling-jj', whatsapp: '6281234567890', status: 'active' });
		});

		it('should refuse a wrong WhatsApp number with the field named', async () => {
			const c = await makeCommunity(ctx.services);
			await expect(ctx.services.shops.create(system, c, { name: 'Basreng AS', whatsapp: '021 555 1234' })).rejects.toMatchObject({
				status: 422,
				issues: [{ field: 'whatsapp', messageKey: 'error.whatsapp' }]
			});
			expect(await ctx.services.shops.listByCommunity(PUBLIC_ACTOR, c)).toHaveLength(0);
		});

		it('should refuse a visitor without an account', async () => {
			const c = await makeCommunity(ctx.services);
			await expect(ctx.services.shops.create(PUBLIC_ACTOR, c, { name: 'Toko Palsu', whatsapp: '081234567890' })).rejects.toMatchObject({ status: 401 });
		});

		it('should store HTML in a name as plain text', async () => {
			const c = await makeCommunity(ctx.services);
			const shop = await ctx.services.shops.create(system, c, { name: '<b>Toko</b><script>x</script>', whatsapp: '081234567890', slug: 'toko-html' });
			expect(shop.name).toBe('<b>Toko</b><script>x</script>');
		});
	});

	describe('getBySlug', () => {
		it("should not find another community's shop under this community", async () => {
			const a = await makeCommunity(ctx.services);
			const b = await makeCommunity(ctx.services);
			await ctx.services.shops.create(system, a, { name: 'Sambal MT', whatsapp: '081234567890' });
			await expect(ctx.services.shops.getBySlug(PUBLIC_ACTOR, a, 'sambal-mt')).resolves.toMatchObject({ community_id: a.id });
			await expect(ctx.services.shops.getBySlug(PUBLIC_ACTOR, b, 'sambal-mt')).rejects.toMatchObject({ status: 404 });
		});
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { ShopAddressService } from '../../src/lib/server/shops/shop-address.service';
import { CommunityService } from '../../src/lib/server/communities/community.service';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let mt: UserActor;

beforeAll(async () => {
	ctx = await createTestContext({ sqliteFile: true });
	await seedDemoCommunity(ctx.services, { photos: false });
	cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	const login = async (email: string) => (await ctx.services.auth.actorForToken((await ctx.services.auth.login({ login: email, password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' })).token, 'cookie'))!.actor;
	jj = await login('jj@cigadung.test');
	mt = await login('mt@cigadung.test');
}, 60_000);
afterAll(() => ctx.cleanup());

const shopRow = (id: string) => ctx.database.db.selectFrom('shop').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const redirects = () => ctx.database.db.selectFrom('shop_slug_redirect').select(['old_slug', 'shop_id']).orderBy('old_slug').execute();

describe(`${CommunityService.name} counts (${TEST_DIALECT})`, () => {
	it('should count the shops a buyer can find: active with at least one published product, as the catalog lists them', async () => {
		await ctx.services.shops.create({ kind: 'system' } as never, cigadung, { name: 'Toko Belum Jualan', whatsapp: '081299990001' });
		const [summary] = (await ctx.services.communities.listPublic(PUBLIC_ACTOR)).filter((c) => c.slug === 'cigadung');
		const listed = (await ctx.services.shops.listByCommunity(PUBLIC_ACTOR, cigadung)).filter((s) => s.product_count > 0);
		const all = await ctx.database.db.selectFrom('shop').select('id').where('community_id', '=', cigadung.id).where('status', '=', 'active').execute();
		expect(all.length).toBeGreaterThan(listed.length); // the demo has shops with no published product yet
		expect(summary.shop_count).toBe(listed.length);
		// Hiding a shop's last product takes it off both.
		const shop = listed[0];
		await ctx.database.db.updateTable('product').set({ status: 'draft' }).where('shop_id', '=', shop.id).execute();
		const [after] = (await ctx.services.communities.listPublic(PUBLIC_ACTOR)).filter((c) => c.slug === 'cigadung');
		expect(after.shop_count).toBe(listed.length - 1);
		await ctx.database.db.updateTable('product').set({ status: 'published' }).where('shop_id', '=', shop.id).execute();
	});
});

describe(`${ShopAddressService.name} (${TEST_DIALECT})`, () => {
	it('should offer the new name’s address to a renamed shop, move it, and keep the old address leading to it', async () => {
		const shopId = jj.shopIds[0];
		expect(await ctx.services.shopAddresses.offer(jj, shopId)).toBeNull();
		await ctx.services.shops.saveOnboardingStep(jj, shopId, 'nama', { name: 'Ketempling Bu Juju' });
		expect(await ctx.services.shopAddresses.offer(jj, shopId)).toEqual({ current: 'ketempling-jj', suggested: 'ketempling-bu-juju' });
		// Another shop's seller cannot see or take the offer: 404, nothing changed.
		await expect(ctx.services.shopAddresses.offer(mt, shopId)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.shopAddresses.accept(mt, shopId)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.shopAddresses.accept(PUBLIC_ACTOR, shopId)).rejects.toMatchObject({ status: 401 });
		expect((await shopRow(shopId)).slug).toBe('ketempling-jj');
		expect(await redirects()).toEqual([]);

		const moved = await ctx.services.shopAddresses.accept(jj, shopId);
		expect(moved.slug).toBe('ketempling-bu-juju');
		expect(await ctx.services.shopAddresses.currentSlug(PUBLIC_ACTOR, cigadung, 'ketempling-jj')).toBe('ketempling-bu-juju');
		expect(await ctx.services.shopAddresses.offer(jj, shopId)).toBeNull();

		// Renamed again: both earlier addresses lead to the newest; giving back the first name makes it live again.
		await ctx.services.shops.saveOnboardingStep(jj, shopId, 'nama', { name: 'Ketempling JJ' });
		await ctx.services.shopAddresses.accept(jj, shopId);
		expect((await shopRow(shopId)).slug).toBe('ketempling-jj');
		expect(await redirects()).toEqual([{ old_slug: 'ketempling-bu-juju', shop_id: shopId }]);
		expect(await ctx.services.shopAddresses.currentSlug(PUBLIC_ACTOR, cigadung, 'ketempling-bu-juju')).toBe('ketempling-jj');
	});

	it('should never take another shop’s current or earlier address', async () => {
		const shopId = mt.shopIds[0];
		await ctx.services.shops.saveOnboardingStep(mt, shopId, 'nama', { name: 'Ketempling Bu Juju' });
		// "ketempling-bu-juju" is Ketempling JJ's earlier address (it redirects there), so MT gets "-2".
		expect(await ctx.services.shopAddresses.offer(mt, shopId)).toEqual({ current: 'sambal-mt', suggested: 'ketempling-bu-juju-2' });
		await ctx.services.shops.saveOnboardingStep(mt, shopId, 'nama', { name: 'Ketempling JJ' });
		expect(await ctx.services.shopAddresses.offer(mt, shopId)).toEqual({ current: 'sambal-mt', suggested: 'ketempling-jj-2' });
		await ctx.services.shops.saveOnboardingStep(mt, shopId, 'nama', { name: 'Sambal MT' });
		expect(await ctx.services.shopAddresses.offer(mt, shopId)).toBeNull();
	});
});

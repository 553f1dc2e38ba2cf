import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { ShopService } from '../../src/lib/server/shops/shop.service';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';

/**
 * Issue 8, left item 8: a shop created from the roster (its owner never finished onboarding, nothing published)
 * was listed publicly — in the API's shop list and its shop detail, with the member's WhatsApp number — as an
 * empty shop. Buyers now find a shop only once it shows a product (the rule of the home page's count); its page
 * says it is not open yet (browser test: tests/e2e/unpublished-shops.test.ts).
 */
let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let roster: Shop;
let open: Shop;

const shopById = (id: string) => ctx.database.db.selectFrom('shop').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const api = async (key: string, params: Record<string, string>) => callRoute(await routeByKey(key), { services: ctx.services, actor: PUBLIC_ACTOR }, { params });

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'belum-buka' });
	const id = await ctx.services.auth.createUser(system, { name: 'Pak Koordinator', email: 'koordinator@belum-buka.test', password: 'kata-sandi-panjang-1' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
	roster = await shopById((await ctx.services.members.addSeller(coordinator, community, { name: 'Ibu Baru', businessType: 'Penjual kue', whatsapp: '0812 6400 0001' })).shopId);
	open = await shopById((await ctx.services.members.addSeller(coordinator, community, { name: 'Ibu Lama', businessType: 'Penjual keripik', whatsapp: '0812 6400 0002' })).shopId);
	await makeProduct(ctx.services, open, { name: 'Keripik Pisang', published: true });
	// A draft does not open a shop.
	await makeProduct(ctx.services, roster, { name: 'Kue Draf', published: false });
});
afterAll(() => ctx.cleanup());

describe(`${ShopService.name} shops not open yet (${TEST_DIALECT})`, () => {
	it('should leave a roster shop with nothing published out of the public shop list', async () => {
		expect((await ctx.services.shops.listByCommunity(PUBLIC_ACTOR, community)).map((s) => s.slug)).toEqual([open.slug]);
		const res = await api('GET /api/v1/communities/[slug]/shops', { slug: community.slug });
		expect(res.status).toBe(200);
		expect((res.body as { data: { slug: string }[] }).data.map((s) => s.slug)).toEqual([open.slug]);
	});

	it('should answer the API shop detail of a shop not open yet with 404, without its WhatsApp number', async () => {
		const hidden = await api('GET /api/v1/communities/[slug]/shops/[shop]', { slug: community.slug, shop: roster.slug });
		expect(hidden.status).toBe(404);
		expect(JSON.stringify(hidden.body)).not.toContain(roster.whatsapp);
		expect((await api('GET /api/v1/communities/[slug]/shops/[shop]', { slug: community.slug, shop: open.slug })).status).toBe(200);
		expect(await ctx.services.shops.isOpen(PUBLIC_ACTOR, roster)).toBe(false);
		expect(await ctx.services.shops.isOpen(PUBLIC_ACTOR, open)).toBe(true);
	});

	it('should count the shop on the home page and list it once its owner publishes a product', async () => {
		const counts = async () => (await ctx.services.communities.listPublic(PUBLIC_ACTOR)).find((c) => c.id === community.id)!;
		expect((await counts()).shop_count).toBe(1);
		await makeProduct(ctx.services, roster, { name: 'Kue Lapis', published: true });
		expect((await ctx.services.shops.listByCommunity(PUBLIC_ACTOR, community)).map((s) => s.slug).sort()).toEqual([open.slug, roster.slug].sort());
		expect((await api('GET /api/v1/communities/[slug]/shops/[shop]', { slug: community.slug, shop: roster.slug })).status).toBe(200);
		expect((await counts()).shop_count).toBe(2);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, system } from '../helpers/factories';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// Issue 7 (field item 6): "termurah" sorts by the price a card shows, "mulai Rp …" — a product's cheapest size.
let ctx: TestContext;
let community: Community;
let seller: UserActor;
let shopId: string;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'termurah' });
	const coordId = await ctx.services.auth.createUser(system, { name: 'Koordinator', email: 'k@termurah.test', password: 'rahasia-123' });
	await ctx.services.members.addRole(system, community, coordId, 'coordinator');
	const coordinator = (await ctx.services.auth.loadActor(coordId))!;
	const added = await ctx.services.members.addSeller(coordinator, community, { name: 'Bu Sari', businessType: 'Penjual keripik', whatsapp: '0812 3000 0098' });
	seller = (await ctx.services.auth.loadActor(added.userId))!;
	shopId = added.shopId;
	const create = async (body: Record<string, unknown>) => {
		const res = await callRoute(await routeByKey('POST /api/v1/shops/[shopId]/products'), { services: ctx.services, actor: seller }, { params: { shopId }, json: { category: 'camilan-keripik', categorySlug: 'camilan-keripik', unit: 'bungkus', published: true, ...body } });
		expect(res.status).toBe(201);
	};
	await create({ name: 'Keripik Pisang Besar', price: 10000, stock: 5 });
	await create({ name: 'Keripik Talas', price: 8000, stock: 5 });
	await create({
		name: 'Keripik Singkong Aneka Ukuran',
		price: 20000,
		variantTitle: 'Ukuran',
		variants: [
			{ label: '500 g', price: 30000, stock: 5 },
			{ label: '100 g', price: 5000, stock: 5 }
		]
	});
});
afterAll(() => ctx.cleanup());

describe(`catalogue sorted "termurah" (${TEST_DIALECT})`, () => {
	it('should put a product by its cheapest size, the "mulai" price its card shows, in the list and in a search', async () => {
		for (const q of ['', 'keripik']) {
			const list = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { q, sort: 'cheapest', perPage: 10 });
			expect(list.items.map((i) => [i.name, i.price])).toEqual([
				['Keripik Singkong Aneka Ukuran', 5000],
				['Keripik Talas', 8000],
				['Keripik Pisang Besar', 10000]
			]);
		}
	});

	it('should page "termurah" without losing or repeating a product', async () => {
		const seen: string[] = [];
		for (const page of [1, 2, 3]) seen.push(...(await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { sort: 'cheapest', perPage: 1, page })).items.map((i) => i.name));
		expect(seen).toEqual(['Keripik Singkong Aneka Ukuran', 'Keripik Talas', 'Keripik Pisang Besar']);
	});
});

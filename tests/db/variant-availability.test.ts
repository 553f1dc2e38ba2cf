import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, system } from '../helpers/factories';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// A product with variants is for sale while any variant has stock: its own `stock` (0 by default when created
// through the API with variants) must not make the API, the catalog card or the product page say "habis".
let ctx: TestContext;
let community: Community;
let seller: UserActor;
let shopId: string;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'varian' });
	const coordId = await ctx.services.auth.createUser(system, { name: 'Koordinator', email: 'k@varian.test', password: 'rahasia-123' });
	await ctx.services.members.addRole(system, community, coordId, 'coordinator');
	const coordinator = (await ctx.services.auth.loadActor(coordId))!;
	const added = await ctx.services.members.addSeller(coordinator, community, { name: 'Bu Sari', businessType: 'Penjual keripik', whatsapp: '0812 3000 0099' });
	seller = (await ctx.services.auth.loadActor(added.userId))!;
	shopId = added.shopId;
});
afterAll(() => ctx.cleanup());

const call = async (key: string, params: Record<string, string>, json?: unknown) =>
	callRoute(await routeByKey(key), { services: ctx.services, actor: seller }, { params, json });

async function views(productId: string) {
	const shop = await ctx.database.db.selectFrom('shop').select('slug').where('id', '=', shopId).executeTakeFirstOrThrow();
	const api = (await call('GET /api/v1/products/[productId]', { productId })).body as { available: boolean; slug: string };
	const list = ((await call('GET /api/v1/shops/[shopId]/products', { shopId })).body as { data: { id: string; available: boolean }[] }).data.find((p) => p.id === productId)!;
	const card = (await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { shop: shop.slug })).items.find((i) => i.id === productId)!;
	const { load } = await import('../../src/routes/(store)/c/[community]/toko/[shop]/[product]/+page.server');
	const page = (await load({
		params: { community: community.slug, shop: shop.slug, product: api.slug },
		url: new URL(`http://ecrav.test/c/${community.slug}/toko/${shop.slug}/${api.slug}`),
		locals: { services: ctx.services, actor: PUBLIC_ACTOR, locale: 'id' },
		parent: async () => ({ community }),
		setHeaders: () => {}
	} as never)) as { product: { available: boolean } };
	return { api: api.available, list: list.available, card: card.available, page: page.product.available };
}

describe(`availability of a product with variants (${TEST_DIALECT})`, () => {
	it('should be available when any variant has stock, and sold out ("habis") only when every variant is', async () => {
		const created = await call('POST /api/v1/shops/[shopId]/products', { shopId }, {
			name: 'Keripik Singkong 200 g',
			category: 'camilan-keripik',
			categorySlug: 'camilan-keripik',
			price: 12000,
			unit: 'bungkus',
			published: true,
			variantTitle: 'Rasa',
			variants: [
				{ label: 'Pedas', price: 12000, stock: 0 },
				{ label: 'Original', price: 12000, stock: 5 }
			]
		});
		expect(created.status).toBe(201);
		const body = created.body as { id: string; stock: number | null; available: boolean };
		expect(body.stock ?? 0).toBe(0); // the product's own count stays 0: only the variants count
		expect(body.available).toBe(true);
		expect(await views(body.id)).toEqual({ api: true, list: true, card: true, page: true });

		const variants = ((await call('GET /api/v1/products/[productId]', { productId: body.id })).body as { variants: { id: string; label: string; price: number }[] }).variants;
		const patched = await call('PATCH /api/v1/products/[productId]', { productId: body.id }, { variants: variants.map((v) => ({ id: v.id, label: v.label, price: v.price, stock: 0 })) });
		expect(patched.status).toBe(200);
		expect((patched.body as { available: boolean }).available).toBe(false);
		expect(await views(body.id)).toEqual({ api: false, list: false, card: false, page: false });
	});
});

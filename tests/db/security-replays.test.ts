import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import { OrderService, CHECKOUT_LIMITS } from '../../src/lib/server/orders/order.service';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';

/**
 * Attacker review of issue 8, finding (c): 20 identical parallel checkouts with one Idempotency-Key were each
 * counted by the checkout limits (15 × 429), so the buyer's next real order was refused. Replays — also those
 * still in flight — are answered before the limits count: one order, and the address and number stay usable.
 */
let ctx: TestContext;
let community: Community;
let shop: Shop;
let product: Product;

const body = (name: string, whatsapp = '0813 6000 0001') => ({ buyer: { name, whatsapp }, lines: [{ productId: product.id, quantity: 2 }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } });
async function post(key: string, json: unknown, address = '198.51.100.20') {
	return callRoute(await routeByKey('POST /api/v1/communities/[slug]/checkouts'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { slug: community.slug }, json, headers: { 'idempotency-key': key }, address });
}
const count = async (table: 'checkout' | 'shop_order') => Number((await ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'ulang' });
	shop = await makeShop(ctx.services, community, 'Toko Ulang');
	product = await makeProduct(ctx.services, shop, { name: 'Opak Ketan', stock: 500 });
});
afterAll(() => ctx.cleanup());

describe(`${OrderService.name} replays before the checkout limits (${TEST_DIALECT})`, () => {
	it('should answer 20 parallel replays of one key with one order, never 429, and accept the same buyer’s next checkout', async () => {
		const results = await Promise.all(Array.from({ length: 20 }, () => post('replay-key-000001', body('Bu Sari'))));
		const statuses = results.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 429)).toEqual([]);
		expect(statuses).toEqual([...Array(19).fill(200), 201]);
		expect(new Set(results.map((r) => (r.body as { code: string }).code)).size).toBe(1);
		expect(await count('checkout')).toBe(1);
		expect(await count('shop_order')).toBe(1);
		expect((await ctx.services.products.listForShop(system, shop.id))[0].product.stock).toBe(498);

		// A different order from the same address and the same buyer number is still accepted.
		const next = await post('replay-key-000002', { ...body('Bu Sari'), lines: [{ productId: product.id, quantity: 1 }] });
		expect(next.status).toBe(201);
		expect(await count('checkout')).toBe(2);
		// The limits counted two real checkouts, not 21.
		const hits = await ctx.database.db.selectFrom('rate_limit').select(['key', 'hits']).where('key', 'like', 'checkout-%').orderBy('key').execute();
		expect(hits.map((h) => [h.key.split(':')[0], Number(h.hits)])).toEqual([
			[CHECKOUT_LIMITS.perAddress.name, 2],
			[CHECKOUT_LIMITS.perWhatsapp.name, 2]
		]);
	});

	it('should refuse an in-flight replay with another body (422) and leave no claim behind', async () => {
		const [a, b] = await Promise.all([post('replay-key-000003', body('Bu Tini', '0813 6000 0003')), post('replay-key-000003', body('Penyerang', '0813 6000 0003'))]);
		expect([a.status, b.status].sort()).toEqual([201, 422]);
		expect(await count('checkout')).toBe(3);
		expect(await ctx.database.db.selectFrom('rate_limit').select('key').where('key', 'like', 'checkout-claim:%').execute()).toEqual([]);
	});

	it('should let a replay retry when the first request failed (nothing created), without a stuck claim', async () => {
		const scarce = await makeProduct(ctx.services, shop, { name: 'Rengginang Terakhir', stock: 3 });
		const tooMany = { ...body('Bu Ana', '0813 6000 0004'), lines: [{ productId: scarce.id, quantity: 50 }] };
		const results = await Promise.all(Array.from({ length: 3 }, () => post('replay-key-000004', tooMany)));
		expect(results.map((r) => r.status)).toEqual([409, 409, 409]);
		expect(await count('checkout')).toBe(3);
		const ok = await post('replay-key-000004', { ...body('Bu Ana', '0813 6000 0004'), lines: [{ productId: product.id, quantity: 1 }] });
		expect(ok.status).toBe(201);
	});

	it('should refuse a body nested 20,000 deep with an Idempotency-Key as 400 with a message, not 500, and keep the key usable', async () => {
		const deep = '{"a":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}';
		const before = await count('checkout');
		const route = await routeByKey('POST /api/v1/communities/[slug]/checkouts');
		const r = await callRoute(route, { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { slug: community.slug }, raw: { body: deep, type: 'application/json' }, headers: { 'idempotency-key': 'replay-key-000005' }, address: '198.51.100.20' });
		expect(r.status).toBe(400);
		expect(JSON.stringify(r.body)).toContain('message');
		expect(await count('checkout')).toBe(before);
		const ok = await post('replay-key-000005', body('Bu Dewi', '0813 6000 0005'));
		expect(ok.status).toBe(201);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import { ORDER_CAPS } from '../../src/lib/server/orders/caps';
import { LOOKUP_LIMIT } from '../../src/lib/server/orders/buyer-orders.service';
import { RATE_LIMIT_KEEP_MS, RATE_LIMIT_PRUNE_EVERY, RateLimiter } from '../../src/lib/server/security/rate-limit';
import { createServices } from '../../src/lib/server/services';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';

/**
 * Issue 8, smaller items left after the second attacker round: the quantity message names the real per-line cap
 * (100, not 999) wherever it is said; past the /pesanan lookup limit the message says that even the right code is
 * refused for now and from what time to try again; old rate-limit counters are pruned as the server runs.
 */
let ctx: TestContext;
let community: Community;
let shop: Shop;
let product: Product;
let seq = 0;

const checkouts = async () => Number((await ctx.database.db.selectFrom('checkout').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const stock = async () => (await ctx.database.db.selectFrom('product').select('stock').where('id', '=', product.id).executeTakeFirstOrThrow()).stock;
const rateRows = async () => (await ctx.database.db.selectFrom('rate_limit').select(['key', 'window_start']).execute()).map((r) => r.key).sort();

async function api(quantity: unknown) {
	const key = `small-items-${++seq}-${Date.now()}`;
	return callRoute(
		await routeByKey('POST /api/v1/communities/[slug]/checkouts'),
		{ services: ctx.services, actor: PUBLIC_ACTOR },
		{
			params: { slug: community.slug },
			json: { buyer: { name: 'Ibu Pembeli', whatsapp: `0813 7300 ${String(1000 + seq)}` }, lines: [{ productId: product.id, quantity }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } },
			headers: { 'idempotency-key': key },
			address: `198.51.100.${seq}`
		}
	);
}

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'kecil' });
	shop = await makeShop(ctx.services, community, 'Toko Kecil');
	product = await makeProduct(ctx.services, shop, { name: 'Rengginang', stock: 500 });
});
afterAll(() => ctx.cleanup());

describe(`quantity messages name the per-line cap (${TEST_DIALECT})`, () => {
	it('should refuse -1, 0 and 1000 through the checkout API with the cap of 100 in the message, ordering nothing', async () => {
		expect(ORDER_CAPS.perLine).toBe(100);
		const before = await stock();
		for (const q of [-1, 0]) {
			const r = await api(q);
			expect(r.status, String(q)).toBe(422);
			const text = JSON.stringify(r.body);
			expect(text).toContain('Jumlah antara 1 dan 100.');
			expect(text).not.toContain('999');
		}
		const big = await api(1000);
		expect(big.status).toBe(422);
		expect((big.body as { error: { message: string } }).error.message).toContain('Rengginang paling banyak 100 per pesanan');
		expect(JSON.stringify(big.body)).not.toContain('999');
		expect(await checkouts()).toBe(0);
		expect(await stock()).toBe(before);
		expect((await api(100)).status).toBe(201);
	});

	it('should describe the same maximum in the OpenAPI document', async () => {
		const r = await callRoute(await routeByKey('GET /api/v1/openapi.json'), { services: ctx.services, actor: PUBLIC_ACTOR }, {});
		expect(r.status).toBe(200);
		const text = JSON.stringify(r.body);
		expect(text).toContain(`"quantity":{"type":"integer","minimum":1,"maximum":${ORDER_CAPS.perLine}}`);
	});
});

describe(`/pesanan lookups past the limit (${TEST_DIALECT})`, () => {
	it('should say that too many tries were made, that the right code is refused too for now, and from what time (WIB) to try again', async () => {
		let now = new Date('2026-11-30T07:00:00Z'); // 14.00 WIB
		const services = createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now });
		const placed = await services.orders.placeCheckout(
			PUBLIC_ACTOR,
			community,
			{ buyer: { name: 'Pak Lupa', whatsapp: '0813 7400 0001' }, lines: [{ productId: product.id, quantity: 1 }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } },
			`lookup-${Date.now()}`,
			{ address: '203.0.113.50' }
		);
		const lookup = (code: string, whatsapp: string) =>
			callRoute(routeLookup, { services, actor: PUBLIC_ACTOR }, { form: { code, whatsapp }, address: '203.0.113.51' });
		const routeLookup = await routeByKey('POST /pesanan?/cari');
		for (let i = 0; i < LOOKUP_LIMIT.limit; i++) expect((await lookup('KEC-2222', '0813 7400 0001')).status).toBe(404);
		now = new Date('2026-11-30T07:03:00Z');
		const refused = await lookup(placed.view.code, '0813 7400 0001');
		expect(refused.status).toBe(429);
		expect((refused.body as { message: string }).message).toBe(
			'Sudah 10 kali mencoba dari sini dalam 10 menit, jadi pencarian ditutup sementara, juga untuk kode yang benar. Coba lagi mulai pukul 14.10 WIB (sekitar 7 menit lagi), atau tanyakan kode pesanan ke penjual lewat WhatsApp.'
		);
		now = new Date('2026-11-30T07:10:00Z');
		const found = await lookup(placed.view.code, '0813 7400 0001');
		expect(found.status).toBe(303);
		expect(found.location).toBe(`/pesanan/${placed.view.code}?t=${placed.view.token}`);
	});
});

describe(`${RateLimiter.name} prunes old counters (${TEST_DIALECT})`, () => {
	it('should delete counters older than a day within 200 hits, keeping live ones', async () => {
		let now = new Date('2026-12-01T00:00:00Z').getTime();
		const limiter = new RateLimiter(ctx.database.db, () => new Date(now));
		const rule = { name: 'prune-test', limit: 1_000_000, windowMs: 3_600_000 };
		await ctx.database.db.deleteFrom('rate_limit').execute();
		// Yesterday's flood: 50 addresses, each with its own counter.
		await ctx.database.db
			.insertInto('rate_limit')
			.values(Array.from({ length: 50 }, (_, i) => ({ key: `prune-test:old-${i}`, window_start: now - 24 * 3_600_000 - 60_000, hits: 3 })))
			.execute();
		// A counter from 23 hours ago is younger than a day: kept.
		await ctx.database.db.insertInto('rate_limit').values({ key: 'prune-test:recent', window_start: now - 23 * 3_600_000, hits: 1 }).execute();
		for (let i = 0; i < 200; i++) await limiter.hit(rule, `live-${i % 3}`);
		expect(await rateRows()).toEqual(['prune-test:live-0', 'prune-test:live-1', 'prune-test:live-2', 'prune-test:recent']);
		// The live counters kept their hits.
		const live = await ctx.database.db.selectFrom('rate_limit').select('hits').where('key', '=', 'prune-test:live-0').executeTakeFirstOrThrow();
		expect(Number(live.hits)).toBe(Math.ceil(200 / 3));

		// A day later the same process prunes again within the next 200 hits.
		now += 25 * 3_600_000;
		for (let i = 0; i < 200; i++) await limiter.hit(rule, 'today');
		expect(await rateRows()).toEqual(['prune-test:today']);
		expect([RATE_LIMIT_PRUNE_EVERY, RATE_LIMIT_KEEP_MS]).toEqual([200, 24 * 3_600_000]);
	});
});

describe(`an unconfirmed anonymous order holds its stock (decision, ${TEST_DIALECT})`, () => {
	it('should hold the units of an anonymous checkout so the next buyer is not oversold, and give them back when the seller cancels it unpaid', async () => {
		const opak = await makeProduct(ctx.services, shop, { name: 'Opak Ketan', stock: 3 });
		const left = async () => (await ctx.database.db.selectFrom('product').select('stock').where('id', '=', opak.id).executeTakeFirstOrThrow()).stock;
		const buy = (whatsapp: string, quantity: number, address: string) =>
			ctx.services.orders.placeCheckout(
				PUBLIC_ACTOR,
				community,
				{ buyer: { name: 'Pembeli', whatsapp }, lines: [{ productId: opak.id, quantity }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } },
				`hold-${whatsapp.replace(/\D/g, '')}-${Date.now()}`,
				{ address }
			);
		// An order nobody has confirmed yet (maybe fake) takes the last 3 at once…
		const fake = await buy('0813 7500 0001', 3, '203.0.113.60');
		expect(await left()).toBe(0);
		// …so a real buyer is told it is sold out instead of paying for units that are gone.
		await expect(buy('0813 7500 0002', 1, '203.0.113.61')).rejects.toMatchObject({ code: 'out_of_stock' });
		// The shop's staff (or seller) cancels the unpaid order with a reason: the units come back at once.
		const coordinatorId = await ctx.services.auth.createUser(system, { name: 'Bu Koordinator', email: `koordinator-${Date.now()}@kecil.test`, password: 'kata-sandi-panjang-1' });
		await ctx.services.members.addRole(system, community, coordinatorId, 'coordinator');
		const coordinator = (await ctx.services.auth.loadActor(coordinatorId))!;
		const result = await ctx.services.orders.cancelUnpaid(coordinator, shop.id, [fake.view.orders[0].id], 'Pesanan tidak dikenal, stok ditahan');
		expect(result.cancelled).toEqual([fake.view.orders[0].code]);
		expect(await left()).toBe(3);
		expect((await buy('0813 7500 0002', 1, '203.0.113.61')).created).toBe(true);
		expect(await left()).toBe(2);
	});
});

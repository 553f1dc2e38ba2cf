import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { createServices, type Services } from '../../src/lib/server/services';
import { CHECKOUT_LIMITS, OrderService } from '../../src/lib/server/orders/order.service';
import { RateLimiter } from '../../src/lib/server/security/rate-limit';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { CheckoutInput } from '../../src/lib/validation/checkout';

let ctx: TestContext;
let services: Services;
let cigadung: Community;
let now = new Date('2026-11-30T03:00:00Z');
let seq = 0;
let jj: UserActor;
let mt: UserActor;
const key = () => `lim-key-${++seq}-${Math.random().toString(36).slice(2)}`;
const idOf = async (slug: string) => (await ctx.database.db.selectFrom('product').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const count = async (table: 'checkout' | 'order_event') => Number((await ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function order(whatsapp: string, address: string, opts: { slug?: string; shop?: string; payment?: 'cod' | 'transfer' } = {}) {
	const input: CheckoutInput = {
		buyer: { name: 'Pembeli', whatsapp },
		lines: [{ productId: await idOf(opts.slug ?? 'basreng-original-200-g'), quantity: 1 }],
		shops: { [opts.shop ?? 'basreng-as']: { delivery: 'pickup', payment: opts.payment ?? 'cod' } }
	};
	return services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input, key(), { address });
}

beforeAll(async () => {
	ctx = await createTestContext({ sqliteFile: true });
	services = createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now });
	await seedDemoCommunity(services, { photos: false });
	cigadung = await services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	const login = async (email: string) => (await services.auth.actorForToken((await services.auth.login({ login: email, password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' })).token, 'cookie'))!.actor;
	jj = await login('jj@cigadung.test');
	mt = await login('mt@cigadung.test');
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`${RateLimiter.name} (${TEST_DIALECT})`, () => {
	it('should count 40 parallel hits atomically, allow exactly the limit, and end the window on time', async () => {
		const limiter = new RateLimiter(ctx.database.db, () => now);
		const rule = { name: 'test-parallel', limit: 5, windowMs: 60_000 };
		const decisions = await Promise.all(Array.from({ length: 40 }, () => limiter.hit(rule, 'x')));
		expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
		expect(Math.max(...decisions.map((d) => d.hits))).toBe(40);
		expect(decisions.find((d) => !d.allowed)?.retryAfterSeconds).toBe(60);
		now = new Date(now.getTime() + 30_000);
		expect((await limiter.hit(rule, 'x')).retryAfterSeconds).toBe(30);
		expect((await limiter.hit(rule, 'y')).allowed).toBe(true);
		now = new Date(now.getTime() + 30_000);
		expect(await limiter.hit(rule, 'x')).toEqual({ allowed: true, hits: 1, retryAfterSeconds: 0 });
	});
});

describe(`${OrderService.name} checkout limits (${TEST_DIALECT})`, () => {
	it('should refuse a sixth checkout from one address with one WhatsApp number with 429 and Retry-After, taking no stock, across processes', async () => {
		for (let i = 0; i < CHECKOUT_LIMITS.perWhatsapp.limit; i++) await order('081377770001', '10.1.1.1');
		const stockBefore = (await ctx.database.db.selectFrom('product').select('stock').where('slug', '=', 'basreng-original-200-g').executeTakeFirstOrThrow()).stock;
		const checkouts = await count('checkout');
		// A second process on the same database shares the counters.
		const otherProcess = createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now });
		const input: CheckoutInput = { buyer: { name: 'Pembeli', whatsapp: '+62 813-7777-0001' }, lines: [{ productId: await idOf('basreng-original-200-g'), quantity: 1 }], shops: { 'basreng-as': { delivery: 'pickup', payment: 'cod' } } };
		const refused = otherProcess.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input, key(), { address: '10.1.1.1' });
		await expect(refused).rejects.toMatchObject({ status: 429, code: 'too_many_checkouts', messageKey: 'security.checkoutNumberTooMany', retryAfterSeconds: 600 });
		expect(await count('checkout')).toBe(checkouts);
		expect((await ctx.database.db.selectFrom('product').select('stock').where('slug', '=', 'basreng-original-200-g').executeTakeFirstOrThrow()).stock).toBe(stockBefore);
		now = new Date(now.getTime() + CHECKOUT_LIMITS.perWhatsapp.windowMs);
		expect((await order('081377770001', '10.1.1.1')).created).toBe(true);
	});

	it('should refuse checkouts past the limit per client address, whatever the numbers', async () => {
		for (let i = 0; i < CHECKOUT_LIMITS.perAddress.limit; i++) await order(`08138888${String(i).padStart(4, '0')}`, '10.2.0.1');
		await expect(order('081399990000', '10.2.0.1')).rejects.toMatchObject({ status: 429 });
		expect((await order('081399990000', '10.2.0.2')).created).toBe(true);
	});

	it('should limit transfer-receipt uploads per order', async () => {
		const placed = await order('081366660001', '10.3.0.1', { slug: 'sambal-cumi-150-ml', shop: 'sambal-mt', payment: 'transfer' });
		const photo = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#88aacc' } }).jpeg().toBuffer();
		const upload = () => services.paymentProofs.upload(PUBLIC_ACTOR, placed.view.code, placed.view.token, placed.view.orders[0].code, photo, { address: '10.3.0.1' });
		for (let i = 0; i < CHECKOUT_LIMITS.receiptPerOrder.limit; i++) await upload();
		await expect(upload()).rejects.toMatchObject({ status: 429, code: 'too_many_receipts' });
	});
});

describe(`${OrderService.name} cancelUnpaid (${TEST_DIALECT})`, () => {
	it('should cancel several unpaid orders with a reason, return their stock, and skip paid ones', async () => {
		const a = await order('081355550001', '10.4.0.1', { slug: 'sambal-cumi-150-ml', shop: 'sambal-mt' });
		const b = await order('081355550002', '10.4.0.2', { slug: 'sambal-cumi-150-ml', shop: 'sambal-mt' });
		const paid = await order('081355550003', '10.4.0.3', { slug: 'sambal-cumi-150-ml', shop: 'sambal-mt' });
		await services.orders.markPaid(mt, paid.view.orders[0].id);
		const stock = async () => (await ctx.database.db.selectFrom('product').select('stock').where('slug', '=', 'sambal-cumi-150-ml').executeTakeFirstOrThrow()).stock;
		const before = await stock();
		const ids = [a, b, paid].map((c) => c.view.orders[0].id);
		const result = await services.orders.cancelUnpaid(mt, mt.shopIds[0], ids, 'Pesanan palsu, stok ditahan');
		expect(result).toEqual({ cancelled: [a, b].map((c) => c.view.orders[0].code).sort(), skipped: [paid.view.orders[0].code] });
		expect(await stock()).toBe(before! + 2);
		const events = await ctx.database.db.selectFrom('order_event').select(['order_id', 'note', 'by_user_id']).where('status', '=', 'dibatalkan').where('order_id', 'in', ids).execute();
		expect(events).toHaveLength(2);
		expect(events.every((e) => e.note === 'Pesanan palsu, stok ditahan' && e.by_user_id === mt.userId)).toBe(true);
	});

	it("should refuse another shop's order ids and strangers (404) and a missing reason (422), cancelling nothing", async () => {
		const mine = await order('081355550011', '10.5.0.1', { slug: 'sambal-cumi-150-ml', shop: 'sambal-mt' });
		const theirs = await order('081355550012', '10.5.0.2');
		const ids = [mine.view.orders[0].id, theirs.view.orders[0].id];
		const events = await count('order_event');
		await expect(services.orders.cancelUnpaid(mt, mt.shopIds[0], ids, 'Pesanan palsu')).rejects.toMatchObject({ status: 404 });
		await expect(services.orders.cancelUnpaid(mt, mt.shopIds[0], [...ids, 'ord_tidak_ada'], 'Pesanan palsu')).rejects.toMatchObject({ status: 404 });
		await expect(services.orders.cancelUnpaid(jj, mt.shopIds[0], [mine.view.orders[0].id], 'Pesanan palsu')).rejects.toMatchObject({ status: 404 });
		await expect(services.orders.cancelUnpaid(PUBLIC_ACTOR, mt.shopIds[0], [mine.view.orders[0].id], 'Pesanan palsu')).rejects.toMatchObject({ status: 401 });
		await expect(services.orders.cancelUnpaid(mt, mt.shopIds[0], [mine.view.orders[0].id], ' ')).rejects.toMatchObject({ status: 422 });
		expect(await count('order_event')).toBe(events);
		const statuses = await ctx.database.db.selectFrom('shop_order').select('status').where('id', 'in', ids).execute();
		expect(statuses.map((s) => s.status)).toEqual(['baru', 'baru']);
	});
});

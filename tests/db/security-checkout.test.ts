import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { OrderService } from '../../src/lib/server/orders/order.service';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { CheckoutInput } from '../../src/lib/validation/checkout';

let ctx: TestContext;
let cigadung: Community;
let productId: string;
let seq = 0;
const key = () => `sec-key-${Date.now()}-${++seq}`;
const input = (name: string, quantity = 1, whatsapp = '081234567890'): CheckoutInput => ({
	buyer: { name, whatsapp },
	lines: [{ productId, quantity }],
	shops: { 'basreng-as': { delivery: 'pickup', payment: 'cod' } }
});
const checkouts = async () => Number((await ctx.database.db.selectFrom('checkout').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
	ctx = await createTestContext({ sqliteFile: true });
	await seedDemoCommunity(ctx.services, { photos: false });
	cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	productId = (await ctx.database.db.selectFrom('product').select('id').where('slug', '=', 'basreng-original-200-g').executeTakeFirstOrThrow()).id;
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`${OrderService.name} idempotency (${TEST_DIALECT})`, () => {
	it("should refuse the same key with another body (422) and never reveal the first buyer's checkout or token", async () => {
		const k = key();
		const first = await ctx.services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input('Siti'), k);
		expect(first.created).toBe(true);
		const count = await checkouts();
		const attempt = ctx.services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input('Penyerang', 2, '081299990000'), k);
		await expect(attempt).rejects.toMatchObject({ status: 422, code: 'idempotency_key_reused' });
		const error = await attempt.catch((e: unknown) => e);
		expect(JSON.stringify(error)).not.toContain(first.view.token);
		expect(JSON.stringify(error)).not.toContain(first.view.code);
		expect(await checkouts()).toBe(count);
	});

	it('should replay the same key with the same body (even with its keys in another order) as not created', async () => {
		const k = key();
		const first = await ctx.services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input('Budi'), k);
		const reordered = { shops: input('Budi').shops, lines: input('Budi').lines, buyer: { whatsapp: '081234567890', name: 'Budi' } } as CheckoutInput;
		const again = await ctx.services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, reordered, k);
		expect(again).toEqual({ view: first.view, created: false });
	});

	it('should create exactly one checkout for 20 concurrent replays of one key', async () => {
		const k = key();
		const count = await checkouts();
		const stockBefore = (await ctx.database.db.selectFrom('product').select('stock').where('id', '=', productId).executeTakeFirstOrThrow()).stock;
		const results = await Promise.all(Array.from({ length: 20 }, () => ctx.services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input('Rani'), k)));
		expect(results.filter((r) => r.created)).toHaveLength(1);
		expect(new Set(results.map((r) => r.view.code)).size).toBe(1);
		expect(await checkouts()).toBe(count + 1);
		const stockAfter = (await ctx.database.db.selectFrom('product').select('stock').where('id', '=', productId).executeTakeFirstOrThrow()).stock;
		expect(stockAfter).toBe(stockBefore! - 1);
	});
});

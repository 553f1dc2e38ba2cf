import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { checkoutJson } from '../../src/lib/server/web/checkout-json';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/** A seller cancels with a reason "dibaca pembeli": the buyer's view, the API and the seller's page carry it. */
let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let mt: UserActor;
let key = 0;
const buyer = { name: 'Siti', whatsapp: '081234567890' };

beforeAll(async () => {
	({ ctx, cigadung, jj, mt } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

async function order(payment: 'cod' | 'transfer' = 'cod') {
	const p = await ctx.database.db.selectFrom('product').select('id').where('slug', '=', 'sambal-bawang-150-ml').executeTakeFirstOrThrow();
	return ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment } } }, `cancel-reason-${Date.now()}-${++key}`);
}

describe(`cancel reason (${TEST_DIALECT})`, () => {
	it('should show the seller\'s cancel reason to the buyer, in the API JSON and on the seller\'s order page', async () => {
		const view = await order();
		const id = view.orders[0].id;
		await ctx.services.sellerInbox.cancel(mt, id, 'Stok sambal habis, maaf ya', true);
		const seen = await ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, view.token);
		expect(seen.orders[0]).toMatchObject({ status: 'dibatalkan', cancelReason: 'Stok sambal habis, maaf ya' });
		expect(checkoutJson(seen, 'https://x.test').orders[0]).toMatchObject({ status: 'dibatalkan', cancelReason: 'Stok sambal habis, maaf ya' });
		expect((await ctx.services.orders.getForSeller(mt, id)).order.cancelReason).toBe('Stok sambal habis, maaf ya');
	});

	it('should carry no reason on an order that is not cancelled, and refuse another shop\'s cancel with 404', async () => {
		const view = await order();
		const id = view.orders[0].id;
		await expect(ctx.services.sellerInbox.cancel(jj, id, 'Bukan toko saya', true)).rejects.toMatchObject({ status: 404 });
		const seen = await ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, view.token);
		expect(seen.orders[0]).toMatchObject({ status: 'baru', cancelReason: null });
		expect(checkoutJson(seen, 'https://x.test').orders[0].cancelReason).toBeNull();
	});

	it('should refuse "Lunas" on a cancelled order with a clear message and change nothing; another shop gets 404', async () => {
		const view = await order('transfer');
		const id = view.orders[0].id;
		await ctx.services.sellerInbox.cancel(mt, id, 'Pembeli minta batal', true);
		const before = await ctx.database.db.selectFrom('shop_order').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		await expect(ctx.services.orders.markPaid(jj, id)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.orders.markPaid(mt, id)).rejects.toMatchObject({ status: 422, messageKey: 'inbox.cannotPayCancelled' });
		const after = await ctx.database.db.selectFrom('shop_order').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(after).toEqual(before);
		expect(after.paid_at).toBeNull();
		expect((await ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, view.token)).orders[0]).toMatchObject({ status: 'dibatalkan', paid: false });
	});

	it('should still mark a live order paid, once', async () => {
		const view = await order('transfer');
		await ctx.services.orders.markPaid(mt, view.orders[0].id);
		await ctx.services.orders.markPaid(mt, view.orders[0].id);
		expect((await ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, view.token)).orders[0]).toMatchObject({ status: 'baru', paid: true });
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { checkoutJson } from '../../src/lib/server/web/checkout-json';
import { receiptLayout, receiptShareText, sellerReplyText, sellerReplyUrl } from '../../src/lib/server/web/receipt';
import { openapi } from '../../src/lib/server/web/openapi';
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

	it('should put the reason in the seller\'s WhatsApp reply and on the receipt picture, in both languages', async () => {
		const view = await order();
		const id = view.orders[0].id;
		const live = await ctx.services.orders.getForSeller(mt, id);
		expect(sellerReplyText('id', live.order, live.buyer)).toBe(`Halo Siti, pesanan ${live.order.code} di Sambal MT sudah kami terima. Total Rp\u00a0${live.order.total.toLocaleString('id-ID')}. Terima kasih!`);
		expect(receiptLayout('id', live.order, live.buyer).facts.map((f) => f.label)).not.toContain('Alasan batal');

		await ctx.services.sellerInbox.cancel(mt, id, 'Stok sambal habis, maaf ya', true);
		const { order: cancelled, buyer: b } = await ctx.services.orders.getForSeller(mt, id);
		expect(sellerReplyText('id', cancelled, b)).toBe(`Halo Siti, mohon maaf pesanan ${cancelled.code} di Sambal MT kami batalkan. Alasannya: Stok sambal habis, maaf ya`);
		expect(sellerReplyText('en', cancelled, b)).toBe(`Hello Siti, we are sorry: Sambal MT cancelled order ${cancelled.code}. The reason: Stok sambal habis, maaf ya`);
		const url = new URL(sellerReplyUrl('id', cancelled, b));
		expect(url.pathname).toBe('/6281234567890');
		expect(url.searchParams.get('text')).toContain('Alasannya: Stok sambal habis, maaf ya');
		expect(receiptLayout('id', cancelled, b).facts).toContainEqual({ label: 'Alasan batal', value: 'Stok sambal habis, maaf ya' });
		expect(receiptLayout('en', cancelled, b).facts).toContainEqual({ label: 'Why cancelled', value: 'Stok sambal habis, maaf ya' });
		expect(receiptShareText('id', cancelled)).toBe(`Pesanan ${cancelled.code} dari Sambal MT dibatalkan. Alasan: Stok sambal habis, maaf ya`);
	});

	it('should describe every field of the checkout JSON in the OpenAPI document, cancelReason included', async () => {
		const view = await order();
		await ctx.services.sellerInbox.cancel(mt, view.orders[0].id, 'Toko tutup hari ini', true);
		const json = checkoutJson(await ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, view.token), 'https://x.test');
		type Props = Record<string, { type?: unknown; enum?: unknown[]; items?: { properties: Props } }>;
		const schema = openapi.components.schemas.Checkout as { properties: Props };
		expect(Object.keys(json).sort()).toEqual(Object.keys(schema.properties).sort());
		const orderProps = schema.properties.orders.items!.properties;
		expect(Object.keys(json.orders[0]).sort()).toEqual(Object.keys(orderProps).sort());
		expect(orderProps.cancelReason).toMatchObject({ type: ['string', 'null'] });
		expect(orderProps.status.enum).toContain(json.orders[0].status);
		const checkoutPost = openapi.paths['/communities/{slug}/checkouts'].post.responses;
		for (const r of [checkoutPost[201], checkoutPost[200], openapi.paths['/checkouts/{code}'].get.responses[200]]) expect(r.content['application/json'].schema.$ref).toBe('#/components/schemas/Checkout');
	});
});

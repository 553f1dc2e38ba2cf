import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { demoStock, startDemoOrders } from '../helpers/demo-orders';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { OrderRepository } from '../../src/lib/server/orders/order.repository';
import { wibDay } from '../../src/lib/utils/dates';

/**
 * Issue 11: a completed order posts its income to the shop's cash book exactly once, in the transaction that completes
 * it; cancelling a completed order posts the reversal, and the order's entries add up to zero.
 */
let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let mt: UserActor;
let coordinator: UserActor;
let key = 0;
const buyer = { name: 'Siti', whatsapp: '081234567890' };

beforeAll(async () => {
	({ ctx, cigadung, jj, mt } = await startDemoOrders());
	const session = await ctx.services.auth.login({ login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' });
	coordinator = (await ctx.services.auth.actorForToken(session.token, 'cookie'))!.actor as UserActor;
	await ctx.database.db.updateTable('product').set({ stock: 1000 }).where('slug', '=', 'sambal-bawang-150-ml').execute();
}, 60_000);
afterAll(() => ctx.cleanup());

/** One order at Sambal MT: 2 × sambal bawang, delivered locally (a delivery fee) or picked up. */
async function order(payment: 'cod' | 'transfer' | 'qris' = 'cod', delivery: 'pickup' | 'local' = 'pickup') {
	const p = await ctx.database.db.selectFrom('product').select('id').where('slug', '=', 'sambal-bawang-150-ml').executeTakeFirstOrThrow();
	const view = await ctx.services.orders.checkout(
		PUBLIC_ACTOR,
		cigadung,
		{ buyer, lines: [{ productId: p.id, quantity: 2 }], shops: { 'sambal-mt': { delivery, payment, ...(delivery === 'local' ? { address: 'Jl. Cigadung Raya 12' } : {}) } } },
		`cash-posting-${Date.now()}-${++key}`
	);
	return view.orders[0];
}

const entriesOf = (orderId: string) =>
	ctx.database.db.selectFrom('cash_entry').selectAll().where('order_id', '=', orderId).orderBy('amount', 'desc').execute();

describe(`order postings to the cash book (${TEST_DIALECT})`, () => {
	it('should post the total (delivery fee included) as penjualan income on the WIB day of completion, once', async () => {
		const o = await order('cod', 'local');
		expect(o.deliveryFee).toBeGreaterThan(0);
		await ctx.services.orders.setStatus(mt, o.id, 'dikonfirmasi');
		expect(await entriesOf(o.id)).toEqual([]);
		await ctx.services.orders.setStatus(mt, o.id, 'selesai');
		const row = await ctx.database.db.selectFrom('shop_order').select(['updated_at', 'shop_id']).where('id', '=', o.id).executeTakeFirstOrThrow();
		const rows = await entriesOf(o.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			shop_id: row.shop_id,
			kind: 'income',
			amount: o.total,
			category: 'penjualan',
			method: 'tunai',
			occurred_on: wibDay(row.updated_at),
			source_ref: `order:${o.id}`,
			note: `Pesanan ${o.code}`,
			reverses_id: null,
			created_by: mt.userId
		});
		expect(Number(rows[0].amount)).toBe(o.subtotal + o.deliveryFee);
		// Moving on from selesai is impossible, and posts nothing more.
		await expect(ctx.services.orders.setStatus(mt, o.id, 'selesai')).rejects.toMatchObject({ status: 409 });
		expect(await entriesOf(o.id)).toHaveLength(1);
	});

	it('should post a COD order completed by a coordinator helping in the inbox into the SHOP\'s book as tunai, said as "from order #KODE", naming no one', async () => {
		const o = await order('cod');
		await ctx.services.orders.setStatus(coordinator, o.id, 'selesai');
		const [row] = await entriesOf(o.id);
		expect(row).toMatchObject({ shop_id: mt.shopIds[0], kind: 'income', method: 'tunai', source_ref: `order:${o.id}`, created_by: coordinator.userId });
		// the seller's own page for it: where it came from, in plain words, and nobody's name
		const { entry, origin } = await ctx.services.cashbook.get(mt, row.id);
		expect(entry).toMatchObject({ method: 'tunai', source: `order:${o.id}`, orderId: o.id });
		expect(origin).toEqual({ kind: 'order', orderId: o.id, code: o.code });
		const { name } = await ctx.database.db.selectFrom('app_user').select('name').where('id', '=', coordinator.userId).executeTakeFirstOrThrow();
		expect(name.length).toBeGreaterThan(2);
		expect(JSON.stringify({ entry, origin })).not.toContain(name);
		// the coordinator cannot read the seller's book
		await expect(ctx.services.cashbook.get(coordinator, row.id)).rejects.toMatchObject({ status: 404 });
		// a debt payment's entry says which debt
		const d = await ctx.services.debts.create(mt, mt.shopIds[0], { direction: 'receivable', name: 'Bu Origin', amount: 5000 });
		const { payment } = await ctx.services.debts.pay(mt, d.id, { amount: 5000, method: 'tunai' });
		expect((await ctx.services.cashbook.get(mt, payment.entryId)).origin).toEqual({ kind: 'debt', debtId: d.id });
	});

	it('should take the method from the payment: transfer → transfer, QRIS → qris', async () => {
		for (const payment of ['transfer', 'qris'] as const) {
			const o = await order(payment);
			await ctx.services.orders.setStatus(mt, o.id, 'selesai');
			expect((await entriesOf(o.id)).map((e) => e.method)).toEqual([payment]);
		}
	});

	it('should date the income by the WIB day: 23.30 WIB on 30 Nov is 30 Nov, 00.30 WIB on 1 Dec is 1 Dec', async () => {
		const repo = new OrderRepository(ctx.database.db);
		const late = await order();
		expect(await repo.transition((await repo.findOrder(late.id))!, 'selesai', mt.userId, '2026-11-30T16:30:00.000Z', `evt_late_${key}`)).toBe(true);
		const early = await order();
		expect(await repo.transition((await repo.findOrder(early.id))!, 'selesai', mt.userId, '2026-11-30T17:30:00.000Z', `evt_early_${key}`)).toBe(true);
		expect((await entriesOf(late.id))[0].occurred_on).toBe('2026-11-30');
		expect((await entriesOf(early.id))[0].occurred_on).toBe('2026-12-01');
	});

	it('should post one entry when the order is completed several times at the same moment', async () => {
		for (let round = 0; round < 3; round++) {
			const o = await order('transfer');
			const results = await Promise.allSettled([1, 2, 3, 4].map(() => ctx.services.orders.setStatus(mt, o.id, 'selesai')));
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409 });
			const rows = await entriesOf(o.id);
			expect(rows.map((e) => Number(e.amount))).toEqual([o.total]);
			const events = await ctx.database.db.selectFrom('order_event').select('id').where('order_id', '=', o.id).where('status', '=', 'selesai').execute();
			expect(events).toHaveLength(1);
		}
	});

	it('should refuse another shop\'s seller with 404 and post nothing; a coordinator helping in the inbox cannot cancel a completed order', async () => {
		const o = await order();
		await expect(ctx.services.orders.setStatus(jj, o.id, 'selesai')).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.sellerInbox.cancel(jj, o.id, 'Bukan toko saya', true)).rejects.toMatchObject({ status: 404 });
		expect(await entriesOf(o.id)).toEqual([]);
		await ctx.services.orders.setStatus(mt, o.id, 'selesai');
		for (const actor of [jj, coordinator]) await expect(ctx.services.sellerInbox.cancel(actor, o.id, 'Bukan toko saya', true)).rejects.toMatchObject({ status: 404 });
		expect(await entriesOf(o.id)).toHaveLength(1);
		expect((await ctx.services.orders.getForSeller(mt, o.id)).order.status).toBe('selesai');
	});
});

describe(`cancelling a completed order (${TEST_DIALECT})`, () => {
	it('should reverse the income on its own day, balancing the order to zero, keep the reason, and leave the stock alone', async () => {
		const o = await order('qris', 'local');
		await ctx.services.orders.setStatus(mt, o.id, 'selesai');
		const stockBefore = await demoStock(ctx, 'sambal-bawang-150-ml');
		await ctx.services.sellerInbox.cancel(mt, o.id, 'Sambalnya tumpah, uang dikembalikan', true);
		const [income, reversal] = await entriesOf(o.id);
		expect(reversal).toMatchObject({ kind: 'income', amount: -o.total, category: 'penjualan', method: 'qris', occurred_on: income.occurred_on, reverses_id: income.id, source_ref: `order:${o.id}:batal` });
		const sum = await ctx.database.db.selectFrom('cash_entry').select((eb) => eb.fn.sum<number>('amount').as('s')).where('order_id', '=', o.id).executeTakeFirstOrThrow();
		expect(Number(sum.s)).toBe(0);
		expect(await demoStock(ctx, 'sambal-bawang-150-ml')).toBe(stockBefore);
		const seen = (await ctx.services.orders.getForSeller(mt, o.id)).order;
		expect(seen).toMatchObject({ status: 'dibatalkan', cancelReason: 'Sambalnya tumpah, uang dikembalikan' });
		// A second cancel is refused and posts nothing.
		await expect(ctx.services.sellerInbox.cancel(mt, o.id, 'Lagi', true)).rejects.toMatchObject({ status: 422, messageKey: 'inbox.cannotCancel' });
		expect(await entriesOf(o.id)).toHaveLength(2);
	});

	it('should put the stock back once when the seller says the goods came back whole', async () => {
		const o = await order();
		await ctx.services.orders.setStatus(mt, o.id, 'selesai');
		const stockBefore = await demoStock(ctx, 'sambal-bawang-150-ml');
		await ctx.services.sellerInbox.cancel(mt, o.id, 'Dikembalikan utuh, masih disegel', true, { restock: true });
		expect(await demoStock(ctx, 'sambal-bawang-150-ml')).toBe(stockBefore === null ? null : stockBefore + 2);
	});

	it('should post one reversal when the completed order is cancelled twice at the same moment', async () => {
		const o = await order('transfer');
		await ctx.services.orders.setStatus(mt, o.id, 'selesai');
		const stockBefore = await demoStock(ctx, 'sambal-bawang-150-ml');
		const results = await Promise.allSettled([1, 2, 3].map(() => ctx.services.sellerInbox.cancel(mt, o.id, 'Pembeli mengembalikan', true, { restock: true })));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect((await entriesOf(o.id)).map((e) => Number(e.amount))).toEqual([o.total, -o.total]);
		expect(await demoStock(ctx, 'sambal-bawang-150-ml')).toBe(stockBefore === null ? null : stockBefore + 2);
	});

	it('should still refuse a cancel without a reason or confirmation and change nothing', async () => {
		const o = await order();
		await ctx.services.orders.setStatus(mt, o.id, 'selesai');
		await expect(ctx.services.sellerInbox.cancel(mt, o.id, '', true)).rejects.toMatchObject({ status: 422 });
		await expect(ctx.services.sellerInbox.cancel(mt, o.id, 'Dikembalikan', false)).rejects.toMatchObject({ status: 422 });
		// The plain status move without a reason cannot cancel a completed order either.
		await expect(ctx.services.orders.setStatus(mt, o.id, 'dibatalkan')).rejects.toMatchObject({ status: 409 });
		expect((await entriesOf(o.id)).map((e) => Number(e.amount))).toEqual([o.total]);
		expect((await ctx.services.orders.getForSeller(mt, o.id)).order.status).toBe('selesai');
	});

	it('should cancel an order completed before the cash book existed without posting anything', async () => {
		const o = await order();
		await ctx.services.orders.setStatus(mt, o.id, 'selesai');
		await ctx.database.db.deleteFrom('cash_entry').where('order_id', '=', o.id).execute();
		await ctx.services.sellerInbox.cancel(mt, o.id, 'Pesanan lama dikembalikan', true);
		expect(await entriesOf(o.id)).toEqual([]);
		expect((await ctx.services.orders.getForSeller(mt, o.id)).order.status).toBe('dibatalkan');
	});
});

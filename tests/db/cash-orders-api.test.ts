import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { callRoute, routeByKey, type RouteRequest } from '../helpers/routes';
import { PUBLIC_ACTOR, type Actor, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { openapi } from '../../src/lib/server/web/openapi';
import { wibDay } from '../../src/lib/utils/dates';

/**
 * Issue 11, orders and receivables over /api/v1 for the shop's own seller: the inbox's rules (an impossible move 409,
 * completion posting once), receivables with payments (over-payment 409), 404 for anyone else with nothing changed.
 */
let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let mt: UserActor;
let coordinator: UserActor;
let mtShop: string;
let key = 0;

beforeAll(async () => {
	({ ctx, cigadung, jj, mt } = await startDemoOrders());
	const session = await ctx.services.auth.login({ login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' });
	coordinator = (await ctx.services.auth.actorForToken(session.token, 'cookie'))!.actor as UserActor;
	mtShop = mt.shopIds[0];
	await ctx.database.db.updateTable('product').set({ stock: 1000 }).where('slug', '=', 'sambal-bawang-150-ml').execute();
}, 60_000);
afterAll(() => ctx.cleanup());

async function order(payment: 'cod' | 'transfer' = 'transfer') {
	const p = await ctx.database.db.selectFrom('product').select('id').where('slug', '=', 'sambal-bawang-150-ml').executeTakeFirstOrThrow();
	return (await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer: { name: 'Rudi API', whatsapp: '081234567891' }, lines: [{ productId: p.id, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment } } }, `orders-api-${Date.now()}-${++key}`)).orders[0];
}

const call = async (routeKey: string, actor: Actor, req: RouteRequest) => callRoute(await routeByKey(routeKey), { services: ctx.services, actor }, req);
const snapshot = async () => ({
	orders: await ctx.database.db.selectFrom('shop_order').select(['id', 'status', 'paid_at', 'updated_at']).orderBy('id').execute(),
	entries: await ctx.database.db.selectFrom('cash_entry').select(['id', 'amount']).orderBy('id').execute(),
	debts: await ctx.database.db.selectFrom('cash_debt').selectAll().orderBy('id').execute(),
	payments: await ctx.database.db.selectFrom('cash_debt_payment').select(['id']).orderBy('id').execute()
});

describe(`orders API (${TEST_DIALECT})`, () => {
	it('should list the shop\'s orders with id, code, status, total and paid, filtered by ?status=', async () => {
		const o = await order();
		const all = await call('GET /api/v1/shops/[shopId]/orders', mt, { params: { shopId: mtShop } });
		expect(all.status).toBe(200);
		const row = (all.body as { data: { id: string }[] }).data.find((r) => r.id === o.id);
		expect(row).toMatchObject({ id: o.id, code: o.code, status: 'baru', total: o.total, paid: false, paymentMethod: 'transfer', buyerName: 'Rudi API' });
		const baru = await call('GET /api/v1/shops/[shopId]/orders', mt, { params: { shopId: mtShop }, query: { status: 'baru' } });
		expect((baru.body as { data: { status: string }[] }).data.every((r) => r.status === 'baru')).toBe(true);
		const selesai = await call('GET /api/v1/shops/[shopId]/orders', mt, { params: { shopId: mtShop }, query: { status: 'selesai' } });
		expect((selesai.body as { data: { id: string }[] }).data.some((r) => r.id === o.id)).toBe(false);
		const bad = await call('GET /api/v1/shops/[shopId]/orders', mt, { params: { shopId: mtShop }, query: { status: 'hilang' } });
		expect(bad.status).toBe(400);
		expect((bad.body as { error: { message: string } }).error.message).toContain('Status tidak dikenal');
	});

	it('should change nothing when a PATCH is refused: paid + an impossible move is 409 and the order stays unpaid (review 23:50)', async () => {
		const o = await order('cod');
		await ctx.services.orders.setStatus(mt, o.id, 'selesai');
		const before = await snapshot();
		const r = await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json: { paid: true, status: 'dikonfirmasi' } });
		expect(r.status).toBe(409);
		expect(await snapshot()).toEqual(before);
		const fresh = await order('cod');
		await ctx.services.orders.setStatus(mt, fresh.id, 'dikirim');
		const before2 = await snapshot();
		expect((await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: fresh.id }, json: { paid: true, status: 'disiapkan' } })).status).toBe(409);
		expect(await snapshot()).toEqual(before2);
		// a possible move with paid still does both
		const ok = await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: fresh.id }, json: { paid: true, status: 'selesai' } });
		expect(ok.body).toMatchObject({ status: 'selesai', paid: true });
	});

	it('should move an order and mark it paid by the inbox\'s rules; completion posts once; an impossible move is 409', async () => {
		const o = await order();
		const paid = await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json: { status: 'dikonfirmasi', paid: true } });
		expect(paid.status).toBe(200);
		expect(paid.body).toMatchObject({ id: o.id, status: 'dikonfirmasi', paid: true });
		const back = await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json: { status: 'baru' } });
		expect(back.status).toBe(409);
		const done = await Promise.all([1, 2, 3].map(() => call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json: { status: 'selesai' } })));
		// one of three at once completes it; the others are 409 'already selesai', on both databases
		expect(done.map((r) => r.status).sort()).toEqual([200, 409, 409]);
		for (const r of done.filter((r) => r.status === 409)) expect(r.body).toMatchObject({ error: { code: 'bad_transition', message: 'Pesanan ini sudah berstatus "selesai".' } });
		// and a repeated PATCH later too
		const again = await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json: { status: 'selesai' } });
		expect([again.status, again.body]).toEqual([409, { error: { code: 'bad_transition', message: 'Pesanan ini sudah berstatus "selesai".' } }]);
		const entries = await ctx.database.db.selectFrom('cash_entry').select('amount').where('order_id', '=', o.id).execute();
		expect(entries.map((e) => Number(e.amount))).toEqual([o.total]);
		// Cancelling the completed order needs a reason, and reverses the income.
		expect((await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json: { status: 'dibatalkan' } })).status).toBe(409);
		const cancelled = await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json: { status: 'dibatalkan', reason: 'Dikembalikan pembeli' } });
		expect(cancelled.status).toBe(200);
		expect(cancelled.body).toMatchObject({ status: 'dibatalkan' });
		const sum = await ctx.database.db.selectFrom('cash_entry').select((eb) => eb.fn.sum<number>('amount').as('s')).where('order_id', '=', o.id).executeTakeFirstOrThrow();
		expect(Number(sum.s)).toBe(0);
		// "paid" on a cancelled order is a state conflict like the others: 409 bad_transition, and it stays unpaid
		const payCancelled = await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json: { paid: true } });
		expect([payCancelled.status, payCancelled.body]).toEqual([409, { error: { code: 'bad_transition', message: 'Pesanan ini sudah dibatalkan, jadi tidak bisa ditandai lunas.' } }]);
	});

	it('should refuse a body it cannot use with 400 and change nothing', async () => {
		const o = await order();
		const before = await snapshot();
		for (const json of [{}, { paid: false }, { status: 'terbang' }, { status: 5 }, { reason: 'x' }]) {
			const r = await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: o.id }, json });
			expect(r.status, JSON.stringify(json)).toBe(400);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('should answer 404 to another seller and the coordinator, 401 to nobody, and change nothing', async () => {
		const o = await order();
		const before = await snapshot();
		for (const actor of [jj, coordinator]) {
			expect((await call('GET /api/v1/shops/[shopId]/orders', actor, { params: { shopId: mtShop } })).status).toBe(404);
			expect((await call('PATCH /api/v1/orders/[orderId]', actor, { params: { orderId: o.id }, json: { status: 'selesai', paid: true } })).status).toBe(404);
		}
		expect((await call('PATCH /api/v1/orders/[orderId]', PUBLIC_ACTOR, { params: { orderId: o.id }, json: { status: 'selesai' } })).status).toBe(401);
		expect((await call('PATCH /api/v1/orders/[orderId]', mt, { params: { orderId: 'ord_none' }, json: { status: 'selesai' } })).status).toBe(404);
		expect(await snapshot()).toEqual(before);
	});
});

describe(`receivables API (${TEST_DIALECT})`, () => {
	it('should record a receivable (201), take payments (201) posted as income, refuse over-payment (409), and list who owes what', async () => {
		const created = await call('POST /api/v1/shops/[shopId]/receivables', mt, { params: { shopId: mtShop }, json: { customer: { name: 'Bu Rina', whatsapp: '+62 812-3456-7892' }, amount: 90000, dueDate: '2026-12-20', note: 'Tumpeng' } });
		expect(created.status).toBe(201);
		const r = created.body as { id: string; whatsappUrl: string };
		expect(created.body).toMatchObject({ customer: { name: 'Bu Rina', whatsapp: '6281234567892' }, amount: 90000, paid: 0, outstanding: 90000, dueDate: '2026-12-20' });
		expect(r.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567892\?text=Halo%20Bu%20Rina%2C%20ini%20dari%20Sambal%20MT/);

		const pay = await call('POST /api/v1/receivables/[id]/payments', mt, { params: { id: r.id }, json: { amount: 40000, method: 'qris', date: wibDay(Date.now()) } });
		expect(pay.status).toBe(201);
		const p = pay.body as { entryId: string; receivable: { outstanding: number } };
		expect(p.receivable.outstanding).toBe(50000);
		expect(await ctx.database.db.selectFrom('cash_entry').select(['kind', 'amount', 'method']).where('id', '=', p.entryId).executeTakeFirstOrThrow()).toEqual({ kind: 'income', amount: 40000, method: 'qris' });

		const before = await snapshot();
		const over = await call('POST /api/v1/receivables/[id]/payments', mt, { params: { id: r.id }, json: { amount: 50001, method: 'tunai' } });
		expect(over.status).toBe(409);
		expect((over.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'overpayment', message: 'Sisa utangnya tinggal Rp\u00a050.000. Jumlah bayar tidak boleh lebih dari itu.' });
		for (const json of [{ amount: 0, method: 'tunai' }, { amount: 1000, method: 'cek' }, { amount: '1.000', method: 'tunai', date: '2099-01-01' }, { method: 'tunai' }]) {
			expect((await call('POST /api/v1/receivables/[id]/payments', mt, { params: { id: r.id }, json })).status, JSON.stringify(json)).toBe(400);
		}
		expect(await snapshot()).toEqual(before);

		const list = await call('GET /api/v1/shops/[shopId]/receivables', mt, { params: { shopId: mtShop } });
		expect(list.status).toBe(200);
		expect((list.body as { data: unknown[] }).data).toContainEqual(expect.objectContaining({ id: r.id, customer: { name: 'Bu Rina', whatsapp: '6281234567892' }, amount: 90000, paid: 40000, outstanding: 50000, dueDate: '2026-12-20' }));
	});

	it('should refuse a bad receivable with field messages and store nothing', async () => {
		const before = await snapshot();
		for (const json of [{ customer: { name: 'Bu Rina' }, amount: -1 }, { customer: { name: 'Bu Rina' }, amount: 1_000_000_000_001 }, { customer: { name: 'Bu Rina', whatsapp: '123' }, amount: 1000 }, { amount: 1000 }, { customer: { name: 'Bu Rina' }, amount: 1000, dueDate: '2026-13-01' }]) {
			const r = await call('POST /api/v1/shops/[shopId]/receivables', mt, { params: { shopId: mtShop }, json });
			expect(r.status, JSON.stringify(json)).toBe(400);
			expect((r.body as { error: { details?: { fields: object } } }).error.details?.fields, JSON.stringify(json)).toBeTruthy();
		}
		expect(await snapshot()).toEqual(before);
	});

	it('should answer 404 to another seller and the coordinator on every receivable endpoint and change nothing; a payable id is 404 there', async () => {
		const d = await ctx.services.debts.create(mt, mtShop, { direction: 'receivable', name: 'Pak Dedi', amount: 20000 });
		const payable = await ctx.services.debts.create(mt, mtShop, { direction: 'payable', name: 'Pemasok Cabai', amount: 20000 });
		const before = await snapshot();
		for (const actor of [jj, coordinator]) {
			expect((await call('POST /api/v1/shops/[shopId]/receivables', actor, { params: { shopId: mtShop }, json: { customer: { name: 'X Y' }, amount: 1000 } })).status).toBe(404);
			expect((await call('GET /api/v1/shops/[shopId]/receivables', actor, { params: { shopId: mtShop } })).status).toBe(404);
			expect((await call('POST /api/v1/receivables/[id]/payments', actor, { params: { id: d.id }, json: { amount: 1000, method: 'tunai' } })).status).toBe(404);
		}
		expect((await call('POST /api/v1/receivables/[id]/payments', mt, { params: { id: payable.id }, json: { amount: 1000, method: 'tunai' } })).status).toBe(404);
		expect(await snapshot()).toEqual(before);
	});

	it('should be described in /api/v1/openapi.json', () => {
		const paths = openapi.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
		expect(Object.keys(paths['/shops/{shopId}/orders'])).toEqual(['get']);
		expect(paths['/orders/{orderId}'].patch.responses).toHaveProperty('409');
		expect(paths['/shops/{shopId}/receivables'].post.responses).toHaveProperty('201');
		expect(paths['/receivables/{id}/payments'].post.responses).toHaveProperty('409');
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Community, OrderStatus } from '../../src/lib/server/db/schema';
import { AdminService } from '../../src/lib/server/admin/admin.service';

/**
 * The platform admin's comparison of communities (issue 12 items 1 and 7): shops ready = active shops with at least
 * one published product; products = published products of active shops; orders = placed and not cancelled; turnover =
 * completed orders' totals — all time, one row per community, zeros for a community without any. The query was
 * rewritten for 1,000 communities (bench/scale.ts); these are the figures it must keep giving.
 */
let ctx: TestContext;
let admin: Actor;
let busy: Community;
let empty: Community;

beforeAll(async () => {
	ctx = await createTestContext();
	const id = await ctx.services.auth.createUser(system, { name: 'Admin Angka', email: 'admin@angka.test', password: 'kunci-admin-angka-9', platformAdmin: true });
	admin = (await ctx.services.auth.loadActor(id))!;
	busy = await makeCommunity(ctx.services, { slug: 'angka-ramai' });
	empty = await makeCommunity(ctx.services, { slug: 'angka-sepi' });
	const ready = await makeShop(ctx.services, busy);
	await makeProduct(ctx.services, ready, { published: true });
	await makeProduct(ctx.services, ready, { published: true });
	await makeProduct(ctx.services, ready, { published: false });
	const draftsOnly = await makeShop(ctx.services, busy);
	await makeProduct(ctx.services, draftsOnly, { published: false });
	const hidden = await makeShop(ctx.services, busy);
	await makeProduct(ctx.services, hidden, { published: true });
	await ctx.database.db.updateTable('shop').set({ status: 'hidden' }).where('id', '=', hidden.id).execute();
	await ctx.services.members.addSeller(system, busy, { name: 'Ibu Angka', businessType: 'Penjual kue', whatsapp: '0812 7777 1212' });
	const orders: [OrderStatus, number][] = [['selesai', 10_000], ['selesai', 5_000], ['dibatalkan', 7_000], ['baru', 3_000], ['dikirim', 2_000]];
	for (const [n, [status, total]] of orders.entries()) {
		const at = new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
		await ctx.database.db.insertInto('checkout').values({ id: `chk_f${n}`, code: `F${n}`, token: `t${n}`, community_id: busy.id, idempotency_key: `f${n}`, buyer_name: 'Pembeli', buyer_whatsapp: '6281234567890', created_at: at }).execute();
		await ctx.database.db
			.insertInto('shop_order')
			.values({ id: `ord_f${n}`, code: `F${n}-1`, checkout_id: `chk_f${n}`, community_id: busy.id, shop_id: ready.id, status, delivery: 'pickup', delivery_fee: 0, payment_method: 'cod', paid_at: null, subtotal: total, total, item_count: 1, created_at: at, updated_at: at })
			.execute();
	}
}, 60_000);
afterAll(() => ctx?.cleanup());

describe(AdminService.name, () => {
	describe('platform', () => {
		it('should count ready shops, visible products, placed orders and completed turnover per community', async () => {
			const members = Number((await ctx.database.db.selectFrom('member').select((eb) => eb.fn.countAll().as('n')).where('community_id', '=', busy.id).executeTakeFirstOrThrow()).n);
			const { communities, totals } = await ctx.services.admin.platform(admin);
			const row = (c: Community) => communities.find((r) => r.id === c.id);
			expect(row(busy)).toMatchObject({ slug: 'angka-ramai', members, shopsReady: 1, products: 2, orders: 4, turnover: 15_000 });
			expect(row(empty)).toMatchObject({ slug: 'angka-sepi', members: 0, shopsReady: 0, products: 0, orders: 0, turnover: 0 });
			expect(totals).toMatchObject({ communities: communities.length, shopsReady: 1, products: 2, orders: 4, turnover: 15_000 });
		});

		it('should follow orders placed, completed, cancelled, repriced and deleted after an earlier read (kept figures, migration 0037)', async () => {
			const { db } = ctx.database;
			const figures = async () => (await ctx.services.admin.platform(admin)).communities.find((r) => r.id === busy.id);
			await figures();
			await db.updateTable('shop_order').set({ status: 'selesai' }).where('id', '=', 'ord_f3').execute(); // baru → selesai: +3,000
			await db.updateTable('shop_order').set({ status: 'dibatalkan' }).where('id', '=', 'ord_f0').execute(); // selesai → dibatalkan: −1 order, −10,000
			await db.updateTable('shop_order').set({ total: 6_000 }).where('id', '=', 'ord_f1').execute(); // a completed order's total: +1,000
			await db.updateTable('shop_order').set({ updated_at: new Date().toISOString() }).where('id', '=', 'ord_f4').execute(); // no figure changes
			await db.insertInto('checkout').values({ id: 'chk_f9', code: 'F9', token: 't9', community_id: busy.id, idempotency_key: 'f9', buyer_name: 'Pembeli', buyer_whatsapp: '6281234567890', created_at: '2026-02-01T00:00:00.000Z' }).execute();
			const shopId = (await db.selectFrom('shop_order').select('shop_id').where('id', '=', 'ord_f1').executeTakeFirstOrThrow()).shop_id;
			await db
				.insertInto('shop_order')
				.values({ id: 'ord_f9', code: 'F9-1', checkout_id: 'chk_f9', community_id: busy.id, shop_id: shopId, status: 'selesai', delivery: 'pickup', delivery_fee: 0, payment_method: 'cod', paid_at: null, subtotal: 4_000, total: 4_000, item_count: 1, created_at: '2026-02-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z' })
				.execute();
			await db.deleteFrom('shop_order').where('id', '=', 'ord_f2').execute(); // a cancelled order: nothing
			const expected = await db
				.selectFrom('shop_order')
				.where('community_id', '=', busy.id)
				.select((eb) => [
					eb.fn.sum<number>(eb.case().when('status', '!=', 'dibatalkan').then(1).else(0).end()).as('placed'),
					eb.fn.sum<number>(eb.case().when('status', '=', 'selesai').then(eb.ref('total')).else(0).end()).as('turnover')
				])
				.executeTakeFirstOrThrow();
			expect({ orders: Number(expected.placed), turnover: Number(expected.turnover) }).toEqual({ orders: 4, turnover: 13_000 });
			expect(await figures()).toMatchObject({ orders: 4, turnover: 13_000 });
			expect(await figures()).toMatchObject({ orders: 4, turnover: 13_000 });
			expect(await db.selectFrom('order_figure_delta').selectAll().execute()).toEqual([]);
		});
	});
});

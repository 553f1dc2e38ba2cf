import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { OrderService } from '../../src/lib/server/orders/order.service';
import { BuyerOrderService, LOOKUP_LIMIT } from '../../src/lib/server/orders/buyer-orders.service';
import { orderWhatsappUrl } from '../../src/lib/server/web/order-message';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import { shopOrderToken } from '../../src/lib/server/orders/status-link';
import type { Community } from '../../src/lib/server/db/schema';

let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let mt: UserActor;
let key = 0;
const k = () => `buyer-key-${Date.now()}-${++key}`;
const productId = async (slug: string) => (await ctx.database.db.selectFrom('product').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
	({ ctx, cigadung, jj, mt } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

const textOf = (url: string) => new URL(url).searchParams.get('text')!;

describe(`${OrderService.name} notes per shop (${TEST_DIALECT})`, () => {
	it('should store each shop’s note on its own order, and each seller reads only their own', async () => {
		const view = await ctx.services.orders.checkout(
			PUBLIC_ACTOR,
			cigadung,
			{
				buyer: { name: 'Siti', whatsapp: '081234567890' },
				lines: [
					{ productId: await productId('ketempling-original-250-g'), quantity: 2 },
					{ productId: await productId('sambal-cumi-150-ml'), quantity: 1 }
				],
				shops: { 'ketempling-jj': { delivery: 'pickup', payment: 'cod', note: 'Yang renyah ya' }, 'sambal-mt': { delivery: 'local', payment: 'cod', address: 'RW 03 RT 02', note: 'Tidak terlalu pedas' } }
			},
			k()
		);
		const rows = await ctx.database.db.selectFrom('shop_order').innerJoin('shop', 'shop.id', 'shop_order.shop_id').select(['shop.slug', 'shop_order.note', 'shop_order.id']).where('shop_order.code', 'in', view.orders.map((o) => o.code)).execute();
		expect(Object.fromEntries(rows.map((r) => [r.slug, r.note]))).toEqual({ 'ketempling-jj': 'Yang renyah ya', 'sambal-mt': 'Tidak terlalu pedas' });
		const jjOrder = rows.find((r) => r.slug === 'ketempling-jj')!;
		const mtOrder = rows.find((r) => r.slug === 'sambal-mt')!;
		expect((await ctx.services.orders.getForSeller(jj, jjOrder.id)).note).toBe('Yang renyah ya');
		expect((await ctx.services.orders.getForSeller(mt, mtOrder.id)).note).toBe('Tidak terlalu pedas');
		// Another shop's seller cannot open the order (and so cannot read its note).
		await expect(ctx.services.orders.getForSeller(mt, jjOrder.id)).rejects.toMatchObject({ status: 404 });

		const byShop = Object.fromEntries(view.orders.map((o) => [o.shop.slug, o]));
		const jjText = textOf(orderWhatsappUrl(byShop['ketempling-jj'], view.buyer, 'https://e-crav.example'));
		const mtText = textOf(orderWhatsappUrl(byShop['sambal-mt'], view.buyer, 'https://e-crav.example'));
		expect(jjText).toContain('Catatan: Yang renyah ya');
		expect(jjText).not.toContain('pedas');
		expect(mtText).toContain('Catatan: Tidak terlalu pedas');
		expect(mtText).not.toContain('renyah');
		expect(mtText).toContain('1 × Sambal Cumi 150 ml = Rp\u00a025.000');
		expect(mtText).toMatch(/\nSubtotal: Rp\u00a025\.000\nOngkos antar: Rp\u00a05\.000\nTotal: Rp\u00a030\.000\n/);
		expect(mtText).toContain('Pengiriman: Diantar penjual — RW 03 RT 02');
		expect(mtText).toContain('Pembayaran: Bayar di tempat (COD)');
		expect(mtText).toContain(`Lihat pesanan: https://e-crav.example/jual/pesanan/${mtOrder.id}`);
	});

	it('should keep the link to the order when the message is too long for a wa.me link', async () => {
		const lines = [{ productId: await productId('ketempling-original-250-g'), quantity: 1 }];
		const note = 'Mohon dibungkus rapi dan dipisah per rasa, untuk oleh-oleh keluarga di kampung. '.repeat(6).slice(0, 500);
		const view = await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer: { name: 'Siti', whatsapp: '081234567891' }, lines, shops: { 'ketempling-jj': { delivery: 'pickup', payment: 'cod', note } } }, k());
		const order = { ...view.orders[0], items: Array.from({ length: 30 }, (_, i) => ({ ...view.orders[0].items[0], name: `Ketempling rasa nomor ${i + 1} yang panjang sekali namanya` })) };
		const url = orderWhatsappUrl(order, view.buyer, 'https://e-crav.example');
		expect(url.length).toBeLessThanOrEqual(2000);
		const text = textOf(url);
		expect(text).toContain(`Lihat pesanan: https://e-crav.example/jual/pesanan/${order.id}`);
		expect(text).toMatch(/• … dan \d+ barang lain/);
		expect(text).toContain('Total: Rp\u00a0');
	});
});

describe(`${BuyerOrderService.name} (${TEST_DIALECT})`, () => {
	const place = async (whatsapp: string) =>
		ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer: { name: 'Rina', whatsapp }, lines: [{ productId: await productId('ketempling-original-250-g'), quantity: 1 }], shops: { 'ketempling-jj': { delivery: 'pickup', payment: 'cod' } } }, k());

	describe('lookup', () => {
		it('should find a checkout by its code or a shop order’s code with the number typed as 08…, +62… or 62…', async () => {
			const view = await place('0812 7777 1001');
			const found = { code: view.code, token: view.token };
			const at = { address: 'lookup-ok' };
			for (const number of ['0812-7777-1001', '+62 812 7777 1001', '6281277771001', '081277771001']) {
				await expect(ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, view.code, number, at)).resolves.toEqual(found);
			}
			// a shop order's code opens that order alone (its own link), as the seller's link does
			await expect(ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, ` ${view.orders[0].code.toLowerCase()} `, '081277771001', at)).resolves.toEqual({ code: view.orders[0].code, token: shopOrderToken(view.token, view.orders[0].code) });
		});

		it('should give one neutral 404 for a wrong number, an unknown code and nonsense, never saying whether the code exists', async () => {
			const view = await place('0812 7777 1002');
			const at = { address: 'lookup-wrong' };
			const refusals = await Promise.allSettled([
				ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, view.code, '0812 7777 9999', at),
				ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, 'CIG-2222', '0812 7777 1002', at),
				ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, view.code, 'abc', at),
				ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, "' OR 1=1 --", '0812 7777 1002', at),
				ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, view.code, '62812777710021', at)
			]);
			for (const r of refusals) {
				expect(r.status).toBe('rejected');
				expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 404, code: 'lookup_no_match', messageKey: 'field.lookup.noMatch' });
			}
		});

		it(`should refuse the ${LOOKUP_LIMIT.limit + 1}th try from one address with 429, right pair or not`, async () => {
			const view = await place('0812 7777 1003');
			const at = { address: 'lookup-flood' };
			for (let i = 0; i < LOOKUP_LIMIT.limit; i++) await ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, 'CIG-2223', '0812 7777 1003', at).catch(() => undefined);
			await expect(ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, view.code, '0812 7777 1003', at)).rejects.toMatchObject({ status: 429 });
			await expect(ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, view.code, '0812 7777 1003', { address: 'another' })).resolves.toMatchObject({ code: view.code });
		});
	});

	describe('listRemembered', () => {
		it('should list the remembered checkouts newest first and skip a code with a wrong token', async () => {
			const a = await place('0812 7777 1004');
			const b = await place('0812 7777 1005');
			const list = await ctx.services.buyerOrders.listRemembered(PUBLIC_ACTOR, [
				{ code: a.code, token: a.token },
				{ code: b.code, token: 'x'.repeat(43) },
				{ code: 'CIG-2224', token: a.token }
			]);
			expect(list.map((v) => v.code)).toEqual([a.code]);
		});
	});
});

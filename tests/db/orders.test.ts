import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders, demoProduct, demoStock } from '../helpers/demo-orders';
import { OrderService } from '../../src/lib/server/orders/order.service';
import { parseQris } from '../../src/lib/server/payments/qris';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Product } from '../../src/lib/server/db/schema';
import type { CheckoutInput } from '../../src/lib/validation/checkout';

let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let mt: UserActor;
let key = 0;
const k = () => `test-key-${Date.now()}-${++key}`;

const product = (slug: string): Promise<Product> => demoProduct(ctx, slug);
const stock = (slug: string) => demoStock(ctx, slug);
const buyer = { name: 'Siti', whatsapp: '081234567890' };

beforeAll(async () => {
	({ ctx, cigadung, jj, mt } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`${OrderService.name} (${TEST_DIALECT})`, () => {
	describe('checkout', () => {
		it('should make one order per shop with prices, delivery fees and a dynamic QRIS from the database', async () => {
			const ketempling = await product('ketempling-original-250-g');
			const sambal = await product('sambal-cumi-150-ml');
			const before = await stock('ketempling-original-250-g');
			const input: CheckoutInput = {
				buyer,
				lines: [
					{ productId: ketempling.id, quantity: 2 },
					{ productId: sambal.id, quantity: 1 }
				],
				shops: { 'ketempling-jj': { delivery: 'pickup', payment: 'cod' }, 'sambal-mt': { delivery: 'local', payment: 'qris', address: 'RW 03, dekat masjid' } },
				note: 'Tolong yang pedas'
			};
			const view = await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, input, k());
			expect(view.code).toMatch(/^CIG-[2-9A-Z]{4}$/);
			const byShop = Object.fromEntries(view.orders.map((o) => [o.shop.slug, o]));
			expect(byShop['ketempling-jj']).toMatchObject({ status: 'baru', subtotal: 24000, deliveryFee: 0, total: 24000, payment: { method: 'cod' } });
			expect(byShop['sambal-mt']).toMatchObject({ subtotal: 25000, deliveryFee: 5000, total: 30000, address: 'RW 03, dekat masjid' });
			const qris = parseQris(byShop['sambal-mt'].payment.qris!);
			// the demo's sample QRIS is in the shop's own name (and city), still marked a sample; parseQris checked its CRC
			expect(qris).toMatchObject({ isDynamic: true, amount: 30000, merchantName: 'Sambal MT', merchantCity: 'Kab. Kuningan', nmid: 'ID1020017611473' });
			expect(byShop['sambal-mt'].payment).toMatchObject({ merchantName: 'Sambal MT', qrisSample: true });
			expect(await stock('ketempling-original-250-g')).toBe(before! - 2);
		});

		it('should return the same checkout for the same idempotency key, without taking stock twice', async () => {
			const p = await product('basreng-original-200-g');
			const before = await stock('basreng-original-200-g');
			const input: CheckoutInput = { buyer, lines: [{ productId: p.id, quantity: 1 }], shops: { 'basreng-as': { delivery: 'pickup', payment: 'cod' } } };
			const key1 = k();
			const [a, b] = await Promise.all([ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, input, key1), ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, input, key1)]);
			const c = await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, input, key1);
			expect(b.code).toBe(a.code);
			expect(c).toEqual(a);
			expect(await stock('basreng-original-200-g')).toBe(before! - 1);
		});

		it('should never oversell: 50 parallel checkouts for the last 5 units make exactly 5 orders', async () => {
			const p = await product('gemblong-gula-merah-isi-10');
			await ctx.database.db.updateTable('product').set({ stock: 5 }).where('id', '=', p.id).execute();
			const results = await Promise.allSettled(
				Array.from({ length: 50 }, () => ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: 1 }], shops: { 'gemblong-s': { delivery: 'pickup', payment: 'cod' } } }, k()))
			);
			const ok = results.filter((r) => r.status === 'fulfilled');
			const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
			expect(ok).toHaveLength(5);
			expect(refused).toHaveLength(45);
			for (const r of refused) expect(r.reason).toMatchObject({ code: 'out_of_stock', status: 409, params: { product: 'Gemblong Gula Merah isi 10' } });
			expect(await stock('gemblong-gula-merah-isi-10')).toBe(0);
			const orders = await ctx.database.db.selectFrom('order_item').select((eb) => eb.fn.sum<number>('quantity').as('n')).where('product_id', '=', p.id).executeTakeFirstOrThrow();
			expect(Number(orders.n)).toBe(5);
		});

		it('should serve carts holding the same two products in opposite orders at once, without a deadlock', async () => {
			// stock is taken in one fixed order (order.repository placeCheckout): on PostgreSQL A-then-B against
			// B-then-A could otherwise deadlock and one buyer would be told "busy" (503)
			const a = await product('donat-gula');
			const b = await product('keripik-singkong-balado-250-g');
			await ctx.database.db.updateTable('product').set({ stock: 1000 }).where('id', 'in', [a.id, b.id]).execute();
			const shops = { 'donat-n': { delivery: 'pickup', payment: 'cod' }, 'keripik-singkong-t': { delivery: 'pickup', payment: 'cod' } } as const;
			const results = await Promise.allSettled(
				Array.from({ length: 30 }, (_, i) =>
					ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: i % 2 ? [{ productId: a.id, quantity: 1 }, { productId: b.id, quantity: 2 }] : [{ productId: b.id, quantity: 2 }, { productId: a.id, quantity: 1 }], shops }, k())
				)
			);
			expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason?.code)).toEqual([]);
			expect(await stock('donat-gula')).toBe(1000 - 30);
			expect(await stock('keripik-singkong-balado-250-g')).toBe(1000 - 60);
		});

		it('should create nothing at all when one item of a multi-shop checkout runs out', async () => {
			const a = await product('donat-gula');
			const b = await product('keripik-singkong-balado-250-g');
			await ctx.database.db.updateTable('product').set({ stock: 1 }).where('id', '=', b.id).execute();
			const aBefore = await stock('donat-gula');
			const countBefore = Number((await ctx.database.db.selectFrom('shop_order').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
			await expect(
				ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: a.id, quantity: 1 }, { productId: b.id, quantity: 3 }], shops: { 'donat-n': { delivery: 'pickup', payment: 'cod' }, 'keripik-singkong-t': { delivery: 'pickup', payment: 'cod' } } }, k())
			).rejects.toMatchObject({ code: 'out_of_stock', params: { product: 'Keripik Singkong Balado 250 g', available: 1 } });
			expect(await stock('donat-gula')).toBe(aBefore);
			expect(Number((await ctx.database.db.selectFrom('shop_order').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(countBefore);
		});

		it.each([
			['a payment the shop does not accept', { 'ketempling-jj': { delivery: 'pickup', payment: 'qris' } }, 'payment_not_accepted'],
			['a delivery the shop does not offer', { 'ketempling-jj': { delivery: 'courier', payment: 'cod' } }, 'delivery_not_offered'],
			['no choice for the shop', {}, 'invalid']
		])('should refuse %s (422)', async (_l, shops, code) => {
			const p = await product('ketempling-pedas-250-g');
			await expect(ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: 1 }], shops: shops as CheckoutInput['shops'] }, k())).rejects.toMatchObject({ status: 422, code });
		});

		it('should refuse an order below the shop minimum with a message naming the amount', async () => {
			const shop = await ctx.services.shops.getBySlug(PUBLIC_ACTOR, cigadung, 'donat-n');
			await ctx.services.shops.saveOnboardingStep({ kind: 'system', purpose: 't' }, shop.id, 'pengiriman', { pickup: true, minOrder: '20000' });
			const p = await product('donat-gula');
			const order = (q: number) => ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: q }], shops: { 'donat-n': { delivery: 'pickup', payment: 'cod' } } }, k());
			await expect(order(2)).rejects.toMatchObject({ status: 422, code: 'below_minimum', params: { shop: 'Donat N', amount: 'Rp\u00a020.000' } });
			await expect(order(8)).resolves.toMatchObject({ orders: [{ subtotal: 20000 }] });
		});

		it('should refuse a bad phone number, a zero quantity and a product of another community', async () => {
			const p = await product('ketempling-pedas-250-g');
			const shops = { 'ketempling-jj': { delivery: 'pickup' as const, payment: 'cod' as const } };
			await expect(ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer: { name: 'Siti', whatsapp: '12345' }, lines: [{ productId: p.id, quantity: 1 }], shops }, k())).rejects.toMatchObject({ status: 422, issues: [{ field: 'buyer.whatsapp' }] });
			await expect(ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: 0 }], shops }, k())).rejects.toMatchObject({ status: 422 });
			const other = await ctx.services.communities.create({ kind: 'system', purpose: 't' }, { slug: 'lain', name: 'Desa Lain', regionCode: '32.08.18.2099', kind: 'desa', district: 'Desa A', regency: 'Kab B', province: 'Prov C' });
			await expect(ctx.services.orders.checkout(PUBLIC_ACTOR, other, { buyer, lines: [{ productId: p.id, quantity: 1 }], shops }, k())).rejects.toMatchObject({ messageKey: 'order.productGone' });
		});
	});

	describe('seller side', () => {
		it('should let the seller follow the order to the end; the buyer sees each status; others are refused', async () => {
			const p = await product('sambal-bawang-150-ml');
			const view = await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'transfer' } } }, k());
			const id = view.orders[0].id;
			expect(view.orders[0].payment.transfer).toMatchObject({ bank: 'BRI' });
			await expect(ctx.services.orders.getForSeller(jj, id)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.orders.setStatus(jj, id, 'dibatalkan')).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.orders.markPaid(jj, id)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.orders.inbox(jj, view.orders[0].shop.id)).rejects.toMatchObject({ status: 404 });
			const inbox = await ctx.services.orders.inbox(mt, view.orders[0].shop.id);
			expect(inbox.orders[0].id).toBe(id);
			expect(inbox.newCount).toBeGreaterThan(0);
			for (const s of ['dikonfirmasi', 'disiapkan', 'siap_diambil'] as const) await ctx.services.orders.setStatus(mt, id, s);
			await ctx.services.orders.markPaid(mt, id);
			await ctx.services.orders.setStatus(mt, id, 'selesai');
			await expect(ctx.services.orders.setStatus(mt, id, 'baru')).rejects.toMatchObject({ status: 409 });
			const seen = await ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, view.token);
			expect(seen.orders[0]).toMatchObject({ status: 'selesai', paid: true });
			await expect(ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, 'salah')).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, view.token.slice(0, -1) + 'x')).rejects.toMatchObject({ status: 404 });
		});

		it('should take a transfer receipt photo only with the checkout token and only for a transfer order', async () => {
			const sharp = (await import('sharp')).default;
			const photo = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#eeeeee' } }).jpeg().toBuffer();
			const p = await product('sambal-bawang-150-ml');
			const view = await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'transfer' } } }, k());
			const code = view.orders[0].code;
			await expect(ctx.services.paymentProofs.upload(PUBLIC_ACTOR, view.code, 'salah', code, photo, { address: '10.9.0.1' })).rejects.toMatchObject({ status: 404 });
			await ctx.services.paymentProofs.upload(PUBLIC_ACTOR, view.code, view.token, code, photo, { address: '10.9.0.1' });
			const seller = await ctx.services.orders.getForSeller(mt, view.orders[0].id);
			expect(seller.order.paymentProof).toEqual({ width: 900, height: 1200 });
			const cod = await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } }, k());
			await expect(ctx.services.paymentProofs.upload(PUBLIC_ACTOR, cod.code, cod.token, cod.orders[0].code, photo, { address: '10.9.0.1' })).rejects.toMatchObject({ status: 404 });
		});

		it('should put stock back exactly once when an order is cancelled', async () => {
			const p = await product('telur-ayam-1-kg');
			const before = await stock('telur-ayam-1-kg');
			const view = await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer, lines: [{ productId: p.id, quantity: 3 }], shops: { 'warung-m': { delivery: 'pickup', payment: 'cod' } } }, k());
			expect(await stock('telur-ayam-1-kg')).toBe(before! - 3);
			const owner = (await ctx.services.auth.loadActor((await ctx.database.db.selectFrom('app_user').select('id').where('email', '=', 'koordinator@cigadung.test').executeTakeFirstOrThrow()).id))!;
			const results = await Promise.allSettled([0, 1, 2].map(() => ctx.services.orders.setStatus(owner, view.orders[0].id, 'dibatalkan')));
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			expect(await stock('telur-ayam-1-kg')).toBe(before);
		});

		it('should count orders, items and turnover per shop per day for the coordinator only', async () => {
			const coord = (await ctx.services.auth.loadActor((await ctx.database.db.selectFrom('app_user').select('id').where('email', '=', 'koordinator@cigadung.test').executeTakeFirstOrThrow()).id))!;
			const stats = await ctx.services.orders.dailyStats(coord, cigadung, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
			expect(stats.reduce((s, r) => s + r.orders, 0)).toBeGreaterThanOrEqual(9);
			await expect(ctx.services.orders.dailyStats(jj, cigadung, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')).rejects.toMatchObject({ status: 403 });
		});
	});
});

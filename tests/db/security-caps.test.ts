import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop } from '../helpers/factories';
import { OrderService } from '../../src/lib/server/orders/order.service';
import { ORDER_CAPS } from '../../src/lib/server/orders/caps';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';

/**
 * Attacker review of issue 8, finding (d): one checkout of 30 lines at full stock emptied a village. Units are
 * capped per line (100) and per checkout (300): a clear message, nothing reserved, the cart keeps its lines.
 */
let ctx: TestContext;
let community: Community;
const shops: Shop[] = [];
const products: Product[] = [];

const choices = () => Object.fromEntries(shops.map((s) => [s.slug, { delivery: 'pickup', payment: 'cod' }]));
async function api(lines: { productId: string; quantity: number }[], key: string) {
	return callRoute(await routeByKey('POST /api/v1/communities/[slug]/checkouts'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { slug: community.slug }, json: { buyer: { name: 'Pak Borong', whatsapp: `0813 7000 ${key.slice(-4)}` }, lines, shops: choices() }, headers: { 'idempotency-key': key }, address: `198.51.100.${key.slice(-2)}` });
}
const stockLeft = async () => (await ctx.database.db.selectFrom('product').select('stock').where('shop_id', 'in', shops.map((s) => s.id)).execute()).reduce((sum, r) => sum + (r.stock ?? 0), 0);
const checkouts = async () => Number((await ctx.database.db.selectFrom('checkout').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'borong' });
	for (let s = 0; s < 3; s++) {
		shops.push(await makeShop(ctx.services, community, `Toko Borong ${s + 1}`));
		for (let p = 0; p < 10; p++) products.push(await makeProduct(ctx.services, shops[s], { name: `Kue Kering ${s + 1}-${p + 1}`, stock: 40 }));
	}
	products.push(await makeProduct(ctx.services, shops[0], { name: 'Beras Ketan 1 kg', stock: 500 }));
});
afterAll(() => ctx.cleanup());

describe(`${OrderService.name} units per line and per checkout (${TEST_DIALECT})`, () => {
	it('should refuse one checkout of 30 lines at full stock (1,200 units) with a clear message, reserving nothing', async () => {
		expect(ORDER_CAPS).toEqual({ perLine: 100, perCheckout: 300 });
		const before = await stockLeft();
		const r = await api(products.slice(0, 30).map((p) => ({ productId: p.id, quantity: 40 })), 'caps-key-0001');
		expect(r.status).toBe(422);
		expect(r.body).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('satu pesanan paling banyak 300 barang, pesanan ini 1200 barang') } });
		expect(await stockLeft()).toBe(before);
		expect(await checkouts()).toBe(0);
	});

	it('should refuse a line over 100 units naming the product, and accept exactly 100 per line and 300 in all', async () => {
		const ketan = products[30];
		const r = await api([{ productId: ketan.id, quantity: 101 }], 'caps-key-0002');
		expect(r.status).toBe(422);
		expect((r.body as { error: { message: string } }).error.message).toContain('Beras Ketan 1 kg paling banyak 100 per pesanan');
		// The same product twice in one checkout counts together.
		expect((await api([{ productId: ketan.id, quantity: 60 }, { productId: ketan.id, quantity: 60 }], 'caps-key-0003')).status).toBe(422);
		expect(await checkouts()).toBe(0);
		const ok = await api([{ productId: ketan.id, quantity: 100 }, ...products.slice(0, 5).map((p) => ({ productId: p.id, quantity: 40 }))], 'caps-key-0004');
		expect(ok.status).toBe(201);
		expect(await checkouts()).toBe(1);
	});

	it('should refuse the cart form over the cap with the message and keep the cart (cookie untouched, typed values kept)', async () => {
		const lines = products.slice(10, 30);
		const cart = JSON.stringify(lines.map((p) => [p.id, '', 40]));
		const form: Record<string, string> = { name: 'Bu Borong', whatsapp: '0813 7100 0001', idem: 'caps-form-key-0001' };
		for (const p of lines) form[`qty.${p.id}.`] = '40';
		for (const s of shops) Object.assign(form, { [`shop.${s.slug}.delivery`]: 'pickup', [`shop.${s.slug}.payment`]: 'cod' });
		const before = await stockLeft();
		const r = await callRoute(await routeByKey('POST /c/[community]/keranjang?/pesan'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: community.slug }, cookies: { [`ecrav_cart_${community.slug}`]: cart }, form });
		expect(r.status).toBe(400);
		expect((r.body as { message: string }).message).toContain('satu pesanan paling banyak 300 barang, pesanan ini 800 barang');
		expect((r.body as { message: string }).message).toContain('Keranjang Anda tidak berubah');
		expect((r.body as { values: Record<string, string> }).values).toMatchObject({ name: 'Bu Borong', whatsapp: '0813 7100 0001' });
		expect(Object.values(r.cookiesSet)).toEqual([]);
		expect(await stockLeft()).toBe(before);
	});

	it('should cap a typed quantity over 100 on the cart page and say so, ordering nothing', async () => {
		const p = products[30];
		const cart = JSON.stringify([[p.id, '', 1]]);
		const r = await callRoute(await routeByKey('POST /c/[community]/keranjang?/pesan'), { services: ctx.services, actor: PUBLIC_ACTOR }, {
			params: { community: community.slug },
			cookies: { [`ecrav_cart_${community.slug}`]: cart },
			form: { name: 'Bu Borong', whatsapp: '0813 7100 0002', idem: 'caps-form-key-0002', [`qty.${p.id}.`]: '250', [`shop.${shops[0].slug}.delivery`]: 'pickup', [`shop.${shops[0].slug}.payment`]: 'cod' }
		});
		expect(r.status).toBe(409);
		expect((r.body as { notices: string[] }).notices).toContain('Jumlah Beras Ketan 1 kg paling banyak 100. Jumlahnya kami ubah menjadi 100.');
		expect(await checkouts()).toBe(1);
	});
});

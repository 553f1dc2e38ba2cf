import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop } from '../helpers/factories';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { cartCookie } from '../../src/lib/server/web/cart';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';

/**
 * Issue 7 (Left 4): the cart page sent again after its order was placed (Back, a restored tab) says the order was
 * sent and places nothing; a double tap with the cart unchanged still answers with the same order.
 */
let ctx: TestContext;
let community: Community;
let shop: Shop;
let product: Product;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'kirim-lagi' });
	shop = await makeShop(ctx.services, community, 'Toko Kirim');
	product = await makeProduct(ctx.services, shop, { name: 'Opak', stock: 10 });
});
afterAll(() => ctx.cleanup());

const checkouts = async () => Number((await ctx.services.database.db.selectFrom('checkout').select((eb) => eb.fn.countAll().as('n')).where('community_id', '=', community.id).executeTakeFirstOrThrow()).n);

async function order(idem: string, cartFull: boolean) {
	const cookies: Record<string, string> = cartFull ? { [cartCookie(community.slug).name]: JSON.stringify([[product.id, '', 1]]) } : {};
	return callRoute(await routeByKey('POST /c/[community]/keranjang?/pesan'), { services: ctx.services, actor: PUBLIC_ACTOR }, {
		params: { community: community.slug },
		cookies,
		form: { idem, [`qty.${product.id}.`]: '1', name: 'Rina', whatsapp: '0812 5555 0101', [`shop.${shop.slug}.delivery`]: 'pickup', [`shop.${shop.slug}.payment`]: 'cod' }
	});
}

describe(`"Pesan sekarang" sent again (${TEST_DIALECT})`, () => {
	it('should say the order was sent, and create nothing, when the page comes back after its order', async () => {
		const first = await order('kunci-halaman-0001', true);
		expect(first.status, JSON.stringify(first.body)).toBe(303);
		expect(first.location).toMatch(/^\/pesanan\/[A-Z0-9-]+\?t=/);
		expect(await checkouts()).toBe(1);

		const again = await order('kunci-halaman-0001', false);
		expect(again.status).toBe(409);
		expect(again.body).toMatchObject({ alreadySent: true, notices: [] });
		expect(again.cookiesSet[cartCookie(community.slug).name] ?? '').toBe('');
		expect(await checkouts()).toBe(1);

		// A double tap (the cart still as the page showed it) is answered with the same order, as before.
		const doubleTap = await order('kunci-halaman-0001', true);
		expect(doubleTap.status).toBe(303);
		expect(doubleTap.location).toBe(first.location);
		expect(await checkouts()).toBe(1);
	});

	it('should still say the cart changed (not "sent") for a page whose own order was never placed', async () => {
		const r = await order('kunci-halaman-lain-0002', false);
		expect(r.status).toBe(409);
		expect(r.body).not.toHaveProperty('alreadySent');
		expect((r.body as { notices: string[] }).notices.join(' ')).toContain('Keranjang berubah');
		expect(await ctx.services.orders.isPlacedWithKey(PUBLIC_ACTOR, community, 'kunci-halaman-lain-0002')).toBe(false);
		expect(await ctx.services.orders.isPlacedWithKey(PUBLIC_ACTOR, { id: 'com_lain' }, 'kunci-halaman-0001')).toBe(false);
		expect(await ctx.services.orders.isPlacedWithKey(PUBLIC_ACTOR, community, '../!')).toBe(false);
		expect(await checkouts()).toBe(1);
	});
});

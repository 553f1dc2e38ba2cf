import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import { shopOrderToken } from '../../src/lib/server/orders/status-link';
import type { Community } from '../../src/lib/server/db/schema';

/**
 * Review 16:37 (HIGH): the seller's WhatsApp texts carried the buyer's checkout link, so Ketempling JJ's seller
 * could open Sambal MT's part of the same checkout — its note, pickup, QRIS and amount. A seller now holds only their
 * own order's link (its code, a token derived from the checkout's), which opens that order alone.
 */
let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let key = 0;

beforeAll(async () => {
	({ ctx, cigadung, jj } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

const productId = async (slug: string) => (await ctx.database.db.selectFrom('product').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const tokenOf = (path: string) => decodeURIComponent(/\?t=(.+)$/.exec(path)![1]);
const codeOf = (path: string) => decodeURIComponent(/^\/pesanan\/([^?]+)\?/.exec(path)![1]);

/** A checkout from two shops, each with its own note. */
async function twoShops() {
	const placed = await ctx.services.orders.placeCheckout(
		PUBLIC_ACTOR,
		cigadung,
		{
			buyer: { name: 'Rina Dua Toko', whatsapp: '081277779001' },
			lines: [
				{ productId: await productId('ketempling-original-250-g'), quantity: 1 },
				{ productId: await productId('sambal-cumi-150-ml'), quantity: 1 }
			],
			shops: {
				'ketempling-jj': { delivery: 'pickup', payment: 'cod', note: 'Catatan untuk JJ saja' },
				'sambal-mt': { delivery: 'pickup', payment: 'qris', note: 'Rahasia untuk Sambal MT saja' }
			}
		},
		`status-link-${++key}`
	);
	const view = placed.view;
	const jjOrder = view.orders.find((o) => o.shop.slug === 'ketempling-jj')!;
	const mtOrder = view.orders.find((o) => o.shop.slug === 'sambal-mt')!;
	return { view, jjOrder, mtOrder };
}

describe(`a seller's link to the buyer's order (${TEST_DIALECT})`, () => {
	it('should give the seller a link that opens only their own order, headed with its code, with no other shop\'s note', async () => {
		const { view, jjOrder, mtOrder } = await twoShops();
		const { statusPage } = await ctx.services.orders.getForSeller(jj, jjOrder.id);
		expect(statusPage!.code).toBe(jjOrder.code);
		expect(codeOf(statusPage!.path)).toBe(jjOrder.code);
		expect(tokenOf(statusPage!.path)).not.toBe(view.token);
		expect(statusPage!.path).not.toContain(view.code);

		const opened = await ctx.services.orders.getCheckout(PUBLIC_ACTOR, codeOf(statusPage!.path), tokenOf(statusPage!.path));
		expect(opened.code).toBe(jjOrder.code);
		expect(opened.orders.map((o) => o.code)).toEqual([jjOrder.code]);
		const seen = JSON.stringify(opened);
		for (const other of ['Rahasia untuk Sambal MT saja', 'Sambal MT', mtOrder.code, view.code, view.token]) expect(seen).not.toContain(other);
		expect(opened.orders[0].note).toBe('Catatan untuk JJ saja');
		// the token the page hands on (its own links: QRIS, receipt, "Pesanan saya") is the same one-order token
		expect(opened.token).toBe(tokenOf(statusPage!.path));
		// the buyer's own link still opens both
		expect((await ctx.services.orders.getCheckout(PUBLIC_ACTOR, view.code, view.token)).orders).toHaveLength(2);
	});

	it('should refuse what is not exactly one order\'s link: the checkout token with an order code, one order\'s token for another, a wrong token', async () => {
		const { view, jjOrder, mtOrder } = await twoShops();
		const refused = async (code: string, token: string) => expect(ctx.services.orders.getCheckout(PUBLIC_ACTOR, code, token)).rejects.toMatchObject({ status: 404 });
		await refused(jjOrder.code, view.token);
		await refused(mtOrder.code, shopOrderToken(view.token, jjOrder.code));
		await refused(view.code, shopOrderToken(view.token, jjOrder.code));
		const right = shopOrderToken(view.token, jjOrder.code);
		await refused(jjOrder.code, right.slice(0, -1) + (right.endsWith('A') ? 'B' : 'A'));
		await refused(jjOrder.code, '');
		// the receipt upload/view answers the same way: one order's link reaches only that order
		const jjToken = shopOrderToken(view.token, jjOrder.code);
		await expect(ctx.services.paymentProofs.forBuyer(PUBLIC_ACTOR, jjOrder.code, jjToken, mtOrder.code)).rejects.toMatchObject({ status: 404 });
	});

	it('should open the same single order from the lookup with the order\'s code and the buyer\'s number', async () => {
		const { view, jjOrder } = await twoShops();
		const found = await ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, jjOrder.code, '081277779001', { address: '10.9.0.1' });
		expect(found).toEqual({ code: jjOrder.code, token: shopOrderToken(view.token, jjOrder.code) });
		expect(await ctx.services.buyerOrders.lookup(PUBLIC_ACTOR, view.code, '081277779001', { address: '10.9.0.2' })).toEqual({ code: view.code, token: view.token });
	});
});

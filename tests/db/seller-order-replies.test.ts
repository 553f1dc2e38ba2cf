import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { callRoute, routeByKey } from '../helpers/routes';
import { sellerReplyText } from '../../src/lib/server/web/receipt';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/**
 * Issue 7 (left, items 3 and 5): the seller's WhatsApp reply carries the buyer's status-page link (a cancellation
 * too), and confirming, cancelling or marking paid answers 303 to the order's own address, not `?/status`.
 */
let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let mt: UserActor;
let key = 0;

beforeAll(async () => {
	({ ctx, cigadung, jj, mt } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

async function order() {
	const p = await ctx.database.db.selectFrom('product').select('id').where('slug', '=', 'sambal-bawang-150-ml').executeTakeFirstOrThrow();
	return ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer: { name: 'Siti', whatsapp: '081234567890' }, lines: [{ productId: p.id, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } }, `replies-${++key}`);
}

/** The seller's order page load, as SvelteKit calls it; a refusal comes back as its HTTP status. */
async function orderPage(id: string, actor: UserActor, cookies: Record<string, string> = {}): Promise<{ status: number; body?: unknown }> {
	const { load } = await import('../../src/routes/(seller)/jual/pesanan/[id]/+page.server');
	const jar = { ...cookies };
	try {
		const body = await load({
			params: { id },
			url: new URL(`http://ecrav.test/jual/pesanan/${id}`),
			locals: { services: ctx.services, actor, locale: 'id' },
			cookies: { get: (k: string) => jar[k], delete: (k: string) => delete jar[k] }
		} as never);
		return { status: 200, body };
	} catch (e) {
		return { status: (e as { status?: number }).status ?? 500 };
	}
}
const replyOf = (body: unknown) => new URL((body as { replyUrl: string }).replyUrl).searchParams.get('text') ?? '';

describe(`seller replies and order actions (${TEST_DIALECT})`, () => {
	it('should end the cancel reply with the buyer\'s status link, the one that opens the checkout', async () => {
		const view = await order();
		const id = view.orders[0].id;
		const { statusPath } = await ctx.services.orders.getForSeller(mt, id);
		expect(statusPath).toBe(`/pesanan/${view.code}?t=${view.token}`);

		const live = await orderPage(id, mt);
		expect(replyOf(live.body)).toContain(`\nLihat pesanan Anda: http://ecrav.test/pesanan/${view.code}?t=${view.token}`);

		await ctx.services.sellerInbox.cancel(mt, id, 'Stok habis', true);
		const text = replyOf((await orderPage(id, mt)).body);
		expect(text).toBe(`Halo Siti, mohon maaf pesanan ${view.orders[0].code} kami batalkan. Alasannya: Stok habis\nLihat pesanan Anda: http://ecrav.test/pesanan/${view.code}?t=${view.token}`);
		// the link is the buyer's own status page
		const [code, token] = [/\/pesanan\/([^?]+)\?t=(.+)$/.exec(text)![1], /\?t=(.+)$/.exec(text)![1]];
		expect((await ctx.services.orders.getCheckout(PUBLIC_ACTOR, decodeURIComponent(code), decodeURIComponent(token))).orders[0].status).toBe('dibatalkan');
		// without a link the text is unchanged (English too)
		const cancelled = (await ctx.services.orders.getForSeller(mt, id)).order;
		expect(sellerReplyText('en', cancelled, { name: 'Siti' }, 'https://x.test/pesanan/A?t=b')).toBe(`Hello Siti, we are sorry: order ${cancelled.code} was cancelled. The reason: Stok habis\nSee your order: https://x.test/pesanan/A?t=b`);
	});

	it('should answer confirm, mark paid and cancel with 303 to the order page and say "Tersimpan" there once', async () => {
		const view = await order();
		const id = view.orders[0].id;
		const confirm = await callRoute(await routeByKey('POST /jual/pesanan/[id]?/status'), { services: ctx.services, actor: mt }, { params: { id }, form: { to: 'dikonfirmasi' } });
		expect(confirm).toMatchObject({ status: 303, location: `/jual/pesanan/${id}` });
		expect(confirm.cookiesSet.ecrav_saved).toBe('order');
		const shown = await orderPage(id, mt, { ecrav_saved: 'order' });
		expect(shown.body).toMatchObject({ saved: true });
		expect((await orderPage(id, mt)).body).toMatchObject({ saved: false });

		const paid = await callRoute(await routeByKey('POST /jual/pesanan/[id]?/lunas'), { services: ctx.services, actor: mt }, { params: { id } });
		expect(paid).toMatchObject({ status: 303, location: `/jual/pesanan/${id}` });
		const helper = await callRoute(await routeByKey('POST /jual/pesanan/[id]?/batal'), { services: ctx.services, actor: mt }, { params: { id }, query: { toko: view.orders[0].shop.id }, form: { reason: 'Toko tutup', confirm: 'on' } });
		expect(helper).toMatchObject({ status: 303, location: `/jual/pesanan/${id}?toko=${view.orders[0].shop.id}` });
		expect((await ctx.services.orders.getForSeller(mt, id)).order).toMatchObject({ status: 'dibatalkan', cancelReason: 'Toko tutup' });
	});

	it('should keep a refused change on the page (no redirect) and refuse another shop\'s seller with 404, nothing changed', async () => {
		const view = await order();
		const id = view.orders[0].id;
		const noConfirm = await callRoute(await routeByKey('POST /jual/pesanan/[id]?/batal'), { services: ctx.services, actor: mt }, { params: { id }, form: { reason: 'Toko tutup' } });
		expect(noConfirm.status).toBe(400);
		expect(noConfirm.location).toBeUndefined();
		const foreign = await callRoute(await routeByKey('POST /jual/pesanan/[id]?/status'), { services: ctx.services, actor: jj }, { params: { id }, form: { to: 'dikonfirmasi' } });
		expect(foreign.status).toBe(404);
		expect((await orderPage(id, jj)).status).toBe(404);
		expect((await ctx.services.orders.getForSeller(mt, id)).order.status).toBe('baru');
	});
});

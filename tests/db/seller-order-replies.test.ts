import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { callRoute, routeByKey } from '../helpers/routes';
import { sellerReplyText } from '../../src/lib/server/web/receipt';
import { shopOrderToken } from '../../src/lib/server/orders/status-link';
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
	it('should end the cancel reply with the link to this shop\'s order (its own code and token)', async () => {
		const view = await order();
		const id = view.orders[0].id;
		const shopCode = view.orders[0].code;
		const own = `/pesanan/${shopCode}?t=${shopOrderToken(view.token, shopCode)}`;
		const { statusPage } = await ctx.services.orders.getForSeller(mt, id);
		expect(statusPage).toEqual({ code: shopCode, path: own });

		const live = await orderPage(id, mt);
		expect(replyOf(live.body)).toContain(`\nLihat pesanan Anda: http://ecrav.test${own}`);

		await ctx.services.sellerInbox.cancel(mt, id, 'Stok habis', true);
		const text = replyOf((await orderPage(id, mt)).body);
		expect(text).toBe(`Halo Siti, mohon maaf pesanan ${shopCode} di Sambal MT kami batalkan. Alasannya: Stok habis\nLihat pesanan Anda: http://ecrav.test${own}`);
		// the link opens the buyer's status page of this order
		const [code, token] = [/\/pesanan\/([^?]+)\?t=(.+)$/.exec(text)![1], /\?t=(.+)$/.exec(text)![1]];
		expect((await ctx.services.orders.getCheckout(PUBLIC_ACTOR, decodeURIComponent(code), decodeURIComponent(token))).orders[0].status).toBe('dibatalkan');
		// English too; without a link the reply names the shop order's own code
		const cancelled = (await ctx.services.orders.getForSeller(mt, id)).order;
		expect(sellerReplyText('en', cancelled, { name: 'Siti' }, { code: 'CIG-AAAA', url: 'https://x.test/pesanan/CIG-AAAA?t=b' })).toBe('Hello Siti, we are sorry: Sambal MT cancelled order CIG-AAAA. The reason: Stok habis\nSee your order: https://x.test/pesanan/CIG-AAAA?t=b');
		expect(sellerReplyText('id', cancelled, { name: 'Siti' })).toBe(`Halo Siti, mohon maaf pesanan ${cancelled.code} di Sambal MT kami batalkan. Alasannya: Stok habis`);
	});

	it('should name the order by the code its link opens (the shop order\'s own), never the checkout\'s, in every reply and the receipt text', async () => {
		const view = await order();
		const id = view.orders[0].id;
		const shopCode = view.orders[0].code;
		expect(shopCode).not.toBe(view.code);
		const link = `http://ecrav.test/pesanan/${shopCode}?t=${shopOrderToken(view.token, shopCode)}`;
		expect((await ctx.services.orders.getCheckout(PUBLIC_ACTOR, shopCode, shopOrderToken(view.token, shopCode))).code).toBe(shopCode);
		const receiptOf = (body: unknown) => (body as { receipt: { text: string; whatsappUrl: string } }).receipt;
		for (const to of [null, 'dikonfirmasi', 'disiapkan', 'siap_diambil', 'selesai'] as const) {
			if (to) await ctx.services.orders.setStatus(mt, id, to);
			const body = (await orderPage(id, mt)).body;
			const texts = [replyOf(body), receiptOf(body).text, new URL(receiptOf(body).whatsappUrl).searchParams.get('text') ?? ''];
			for (const text of texts) {
				expect(text, `${to}: ${text}`).not.toContain(view.code);
				expect(text, `${to}: ${text}`).not.toContain(view.token);
				expect(text.endsWith(`\nLihat pesanan Anda: ${link}`), `${to}: ${text}`).toBe(true);
			}
			// every text names the order, except the reply to a finished one ("terima kasih sudah berbelanja")
			expect(texts.filter((text) => text.split('\nLihat pesanan Anda: ')[0].includes(shopCode)).length).toBe(to === 'selesai' ? 2 : 3);
			// the confirmed order's receipt text ("nota") carries the link the buyer can open
			if (to === 'dikonfirmasi') expect(receiptOf(body).text).toBe(`Nota pesanan ${shopCode} dari Sambal MT: total Rp\u00a020.000.\nLihat pesanan Anda: ${link}`);
		}
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

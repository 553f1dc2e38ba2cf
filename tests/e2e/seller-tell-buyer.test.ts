import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';

/**
 * Issue 7 (left, items 3 and 4): after cancelling, the seller's order page offers one thing to do — tell the buyer
 * on WhatsApp, with a greeting, the reason and the buyer's order link — instead of two equal green buttons; the
 * confirmed order's receipt text carries that link too; and every such text names the order by the code its link
 * opens (the checkout's, the heading of the buyer's page), never the shop order's own code.
 */
vi.setConfig({ testTimeout: 150_000 });

let app: RunningApp;
let browser: Browser;
const sessions = new Map<string, string>();

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

/** One pickup order of Sambal Bawang from Sambal MT through the public API: its checkout (code, token, statusUrl, orders). */
async function placeOrder(buyer: string) {
	const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=sambal+bawang`)).json();
	const bawang = products.data.find((p: { shop: { slug: string } }) => p.shop.slug === 'sambal-mt');
	const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': `tell-buyer-${buyer.replace(/\W+/g, '-')}-${Date.now()}` },
		body: JSON.stringify({ buyer: { name: buyer, whatsapp: '081234567890' }, lines: [{ productId: bawang.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } })
	});
	expect(res.status, await res.clone().text()).toBe(201);
	return (await res.json()) as { code: string; token: string; statusUrl: string; orders: { code: string }[] };
}

const textOf = async (page: Page, name: string) => new URL((await page.getByRole('link', { name, exact: true }).getAttribute('href'))!).searchParams.get('text') ?? '';
const fits = async (page: Page, width: number) => expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);

for (const width of [390, 320] as const) {
	for (const js of [false, true]) {
		describe(`the seller tells the buyer at ${width} px, JS ${js ? 'on' : 'off'}`, () => {
			it('should put the buyer\'s link in the confirmed receipt text and leave one WhatsApp action after cancelling, naming the code the link opens', async () => {
				const buyer = `Rina ${width === 390 ? 'Lebar' : 'Sempit'} ${js ? 'Dengan' : 'Tanpa'} Skrip`;
				const checkout = await placeOrder(buyer);
				const shopCode = checkout.orders[0].code;
				expect(shopCode).not.toBe(checkout.code);

				const ctx = await contextFor(browser, app.baseUrl, 'mt@cigadung.test', { width, height: 844 }, sessions);
				await ctx.close();
				const seller = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID', javaScriptEnabled: js, storageState: JSON.parse(sessions.get('mt@cigadung.test')!) });
				const s = await seller.newPage();
				await s.goto(`${app.baseUrl}/jual/pesanan`);
				const href = (await s.locator('.inbox-rows li', { hasText: buyer }).first().locator('a').getAttribute('href'))!;
				await s.goto(app.baseUrl + href);
				await s.getByRole('button', { name: 'Konfirmasi pesanan' }).click();
				await s.waitForURL(app.baseUrl + href);

				// confirmed: the receipt's WhatsApp text (the nota) ends with this order's own link and names its code
				const nota = await textOf(s, 'Bagikan ke WhatsApp');
				const own = nota.split('\nLihat pesanan Anda: ')[1];
				expect(own).toMatch(new RegExp(`^${app.baseUrl}/pesanan/${shopCode}\\?t=[\\w-]+$`));
				expect(nota).toBe(`Nota pesanan ${shopCode} dari Sambal MT: total Rp\u00a020.000.\nLihat pesanan Anda: ${own}`);
				const reply = await textOf(s, 'Balas pembeli di WhatsApp');
				expect(reply).toBe(`Halo ${buyer}, pesanan ${shopCode} sudah kami konfirmasi. Total Rp\u00a020.000.\nLihat pesanan Anda: ${own}`);
				// never the buyer's checkout link, which opens every shop's part
				expect(reply).not.toContain(checkout.code);
				expect(reply).not.toContain(checkout.token);

				// cancel with a reason
				await s.getByText('Batalkan pesanan', { exact: true }).click();
				await s.getByLabel('Alasan pembatalan (dibaca pembeli)').fill('Sambal bawang habis hari ini');
				await s.getByLabel(/Ya, saya yakin membatalkan pesanan/).check();
				await s.getByRole('button', { name: 'Batalkan pesanan ini' }).click();
				await s.waitForURL(app.baseUrl + href);
				await expect(s.getByRole('status').filter({ hasText: 'Pesanan dibatalkan. Sekarang kabari pembeli dengan tombol "Kabari pembeli di WhatsApp".' }).count()).resolves.toBe(1);

				// one green WhatsApp action, greeting + reason + the link, named by the link's code
				await expect(s.locator('main a.btn.wa').count()).resolves.toBe(1);
				await expect(s.getByRole('link', { name: 'Bagikan ke WhatsApp' }).count()).resolves.toBe(0);
				await expect(s.getByRole('link', { name: 'Balas pembeli di WhatsApp' }).count()).resolves.toBe(0);
				const tell = s.getByRole('link', { name: 'Kabari pembeli di WhatsApp', exact: true });
				await expect(tell.isVisible()).resolves.toBe(true);
				const told = await textOf(s, 'Kabari pembeli di WhatsApp');
				expect(told).toBe(`Halo ${buyer}, mohon maaf pesanan ${shopCode} di Sambal MT kami batalkan. Alasannya: Sambal bawang habis hari ini\nLihat pesanan Anda: ${own}`);
				expect(new URL((await tell.getAttribute('href'))!).pathname).toBe('/6281234567890');
				await expect(s.getByText('Pesannya sudah berisi salam, alasan batal, dan tautan pesanan').isVisible()).resolves.toBe(true);
				// the receipt picture is still there, as a plain download
				await expect(s.getByRole('link', { name: 'Unduh gambar nota' }).count()).resolves.toBe(1);
				const box = (await tell.boundingBox())!;
				expect(box.height).toBeGreaterThanOrEqual(44);
				await fits(s, width);
				await s.screenshot({ path: `/tmp/field/tell-buyer-${width}-${js ? 'js' : 'nojs'}.png`, fullPage: true });

				// the link in the text opens the page headed with the same code, cancelled, with the reason
				const b = await (await browser.newContext({ viewport: { width, height: 844 }, javaScriptEnabled: js })).newPage();
				await b.goto(own);
				await expect(b.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(shopCode);
				await expect(b.getByText('Alasan pembatalan dari penjual: Sambal bawang habis hari ini').isVisible()).resolves.toBe(true);
				await b.context().close();
				await seller.close();
			});
		});
	}
}

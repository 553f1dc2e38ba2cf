import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

/**
 * Issue 7 (Left 4): after ordering, the buyer goes Back to the cart page their phone still holds and taps
 * "Pesan sekarang" again. The page said "Keranjang berubah…" above "Keranjang masih kosong"; it must say the order
 * was sent, link "Pesanan saya", and never place a second order. The phone's copy of the page is the exact HTML it
 * showed before ordering (same idempotency key), served from memory as a browser restoring a page would.
 */
vi.setConfig({ testTimeout: 150_000 });

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const phone = (width: number, js: boolean): Promise<BrowserContext> => browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });
const main = async (page: Page) => (await page.locator('main').innerText()).replace(/\u00a0/g, ' ');

let buyer = 0;
for (const width of [390, 320] as const) {
	for (const js of [false, true]) {
		describe(`"Pesan sekarang" again after ordering (${width} px, JS ${js ? 'on' : 'off'})`, () => {
			it('should say "Pesanan Anda sudah terkirim" with a link to /pesanan, and place no second order', async () => {
				const ctx = await phone(width, js);
				const page = await ctx.newPage();
				const cart = `${app.baseUrl}/c/cigadung/keranjang`;
				await page.goto(`${app.baseUrl}/c/cigadung/toko/ketempling-jj/ketempling-original-250-g`);
				await page.getByLabel('Jumlah').fill('1');
				await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
				await page.waitForURL(/\/keranjang$/);
				await page.getByLabel('Nama Anda').fill('Rina');
				await page.getByLabel('Nomor WhatsApp Anda').fill(`0812 7777 ${String(++buyer).padStart(2, '0')}${width}`);
				// "Hitung ulang" keeps what was typed in the page itself: this is the page the phone will show again.
				await page.getByRole('button', { name: 'Hitung ulang' }).click();
				await page.getByRole('button', { name: 'Pesan sekarang' }).waitFor();
				const held = await page.content();
				expect(held).toContain('name="idem"');

				await page.getByRole('button', { name: 'Pesan sekarang' }).click();
				await page.waitForURL(/\/pesanan\/CIG-[2-9A-Z]{4}\?t=/);
				const code = /\/pesanan\/(CIG-[2-9A-Z]{4})/.exec(page.url())![1];

				// Back: the phone shows its copy of the cart page (with the same idempotency key) and the buyer taps again.
				await page.route(
					(url) => url.pathname === '/c/cigadung/keranjang' && url.search === '',
					(route) => (route.request().method() === 'GET' ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: held }) : route.continue())
				);
				await page.goto(cart);
				await page.unroute(() => true);
				await page.getByRole('button', { name: 'Pesan sekarang' }).click();
				await page.getByText('Pesanan Anda sudah terkirim').first().waitFor({ timeout: 15_000 });
				const text = await main(page);
				expect(text).not.toContain('Keranjang berubah');
				expect(text).not.toContain('Pesanan belum dikirim');
				await expect(page.getByRole('link', { name: 'Lihat pesanan saya' }).getAttribute('href')).resolves.toBe('/pesanan');
				await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);

				// Exactly one order from this phone.
				await page.getByRole('link', { name: 'Lihat pesanan saya' }).click();
				await page.waitForURL(/\/pesanan$/);
				const codes = await page.getByRole('link', { name: /^CIG-/ }).allInnerTexts();
				expect(codes).toEqual([code]);
				await ctx.close();
			});
		});
	}
}

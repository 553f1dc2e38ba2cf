import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

/**
 * Issue 7, small items of the buyer's side: a wrong quantity on the cart is named and changes nothing (JS off); the
 * address field is only for delivery (labelled so without JS, hidden for "Ambil sendiri" with JS, never required for
 * pickup); the shop's "Chat penjual" and its WhatsApp number read well at 320 px (the number never breaks).
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
const seen = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ timeout: 15_000 }).then(() => true);
const fits = async (page: Page, width: number) => expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
const CUMI = '/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml';

async function addToCart(page: Page, path: string, quantity: string) {
	await page.goto(app.baseUrl + path);
	await page.getByLabel('Jumlah').fill(quantity);
	await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
	await page.waitForURL(/\/keranjang$/);
}

for (const width of [390, 320] as const) {
	describe(`buyer's small fixes at ${width} px`, () => {
		it('should name a wrong quantity on the cart beside its field and keep the line as it was (JS off)', async () => {
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			await addToCart(page, CUMI, '2');
			const field = page.getByLabel('Jumlah');
			for (const typed of ['abc', '-1', '1e3', '2.5', '']) {
				await field.fill(typed);
				await page.getByRole('button', { name: 'Hitung ulang' }).click();
				const message = typed ? `"${typed}" bukan jumlah untuk Sambal Cumi 150 ml. Tulis angka 1 sampai 100. Jumlahnya tetap 2.` : 'Jumlah untuk Sambal Cumi 150 ml belum diisi. Tulis angka 1 sampai 100. Jumlahnya tetap 2.';
				await expect(seen(page, message)).resolves.toBe(true);
				await expect(field.inputValue()).resolves.toBe('2');
				await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
			}
			await expect(seen(page, /Total semua toko: Rp\s50\.000/)).resolves.toBe(true);
			await fits(page, width);
			await ctx.close();
		});

		it('should label the address "hanya untuk diantar" and order a pickup without it (JS off)', async () => {
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			await addToCart(page, CUMI, '1');
			const address = page.getByLabel('Alamat atau RW/RT (hanya untuk diantar)');
			await expect(address.isVisible()).resolves.toBe(true);
			await expect(address.getAttribute('required')).resolves.toBeNull();
			await page.getByRole('radio', { name: 'Ambil sendiri' }).check();
			await page.getByLabel('Nama Anda').fill('Rina');
			await page.getByLabel('Nomor WhatsApp Anda').fill(`0812 6666 ${width}1`);
			await page.getByRole('button', { name: 'Pesan sekarang' }).click();
			await page.waitForURL(/\/pesanan\/CIG-/);
			await ctx.close();
		});

		it('should hide the address while "Ambil sendiri" is chosen and show it for "Diantar penjual" (JS on)', async () => {
			const ctx = await phone(width, true);
			const page = await ctx.newPage();
			await addToCart(page, CUMI, '1');
			const address = page.getByLabel('Alamat atau RW/RT (hanya untuk diantar)');
			await page.getByRole('radio', { name: 'Ambil sendiri' }).check();
			await expect(address.isVisible()).resolves.toBe(false);
			await page.getByRole('radio', { name: /Diantar penjual/ }).check();
			await expect(address.isVisible()).resolves.toBe(true);
			await address.fill('RW 02 RT 01');
			await page.getByRole('radio', { name: 'Ambil sendiri' }).check();
			await expect(address.isVisible()).resolves.toBe(false);
			// Opened again with pickup chosen: hidden from the start.
			await page.getByRole('button', { name: 'Hitung ulang' }).click();
			await page.waitForLoadState('load');
			await expect(page.getByRole('radio', { name: 'Ambil sendiri' }).isChecked()).resolves.toBe(true);
			await expect(address.isVisible()).resolves.toBe(false);
			await fits(page, width);
			await ctx.close();
		});

		for (const js of [false, true]) {
			it(`should keep "Nomor WhatsApp: 0812-…" on one line beside or under "Chat penjual" (JS ${js ? 'on' : 'off'})`, async () => {
				const ctx = await phone(width, js);
				const page = await ctx.newPage();
				await page.goto(`${app.baseUrl}/c/cigadung/toko/ketempling-jj`);
				const number = page.getByText(/^Nomor WhatsApp: /);
				await expect(number.innerText()).resolves.toMatch(/^Nomor WhatsApp: 0812-0000-00\d\d$/);
				const lines = await number.evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size);
				expect(lines).toBe(1);
				const button = await page.getByRole('link', { name: 'Chat penjual' }).boundingBox();
				const box = await number.boundingBox();
				// Beside the button (same row) or wholly under it — never wrapped around it.
				expect(box!.y >= button!.y + button!.height - 1 || Math.abs(box!.y + box!.height / 2 - (button!.y + button!.height / 2)) < button!.height / 2).toBe(true);
				await fits(page, width);
				await ctx.close();
			});
		}
	});
}

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

/**
 * Issue 7, the buyer's small items found on build 225e16b: every checkout field error at once (the address too),
 * the note's limit said beside it and a longer note refused with what was typed kept.
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

/** Sets a field's value the way a pasted or scripted post would, past its maxlength. */
const setValue = (page: Page, selector: string, value: string) =>
	page.locator(selector).evaluate((el, v) => ((el as HTMLTextAreaElement).value = v), value);

for (const width of [390, 320] as const) {
	for (const js of [false, true]) {
		describe(`buyer's field items at ${width} px, JS ${js ? 'on' : 'off'}`, () => {
			it('should show the name, number and address errors in one round, and order once they are fixed', async () => {
				const ctx = await phone(width, js);
				const page = await ctx.newPage();
				await addToCart(page, CUMI, '1');
				await page.getByRole('radio', { name: /Diantar penjual/ }).check();
				await page.getByLabel('Nama Anda').fill('');
				await page.getByLabel('Nomor WhatsApp Anda').fill('12345');
				await page.getByRole('button', { name: 'Pesan sekarang' }).click();
				await page.waitForLoadState();
				expect(page.url()).toMatch(/\/keranjang/);
				await expect(seen(page, 'Tulis nama Anda (minimal 2 huruf).')).resolves.toBe(true);
				await expect(seen(page, 'Tulis alamat atau RW/RT tujuan antar.')).resolves.toBe(true);
				await expect(page.getByLabel('Nomor WhatsApp Anda').getAttribute('aria-invalid')).resolves.toBe('true');
				await expect(page.getByLabel('Alamat atau RW/RT (hanya untuk diantar)').getAttribute('aria-invalid')).resolves.toBe('true');
				await expect(page.getByLabel('Nomor WhatsApp Anda').inputValue()).resolves.toBe('12345');
				await fits(page, width);
				await page.screenshot({ path: `/tmp/field/errors-${width}-${js ? 'js' : 'nojs'}.png`, fullPage: true });

				await page.getByLabel('Nama Anda').fill('Rina');
				await page.getByLabel('Nomor WhatsApp Anda').fill(`0812 7777 ${width}${js ? 1 : 2}`);
				await page.getByLabel('Alamat atau RW/RT (hanya untuk diantar)').fill('RW 02 RT 01');
				await page.getByRole('button', { name: 'Pesan sekarang' }).click();
				await page.waitForURL(/\/pesanan\/CIG-/);
				await ctx.close();
			});

			it('should say the note limit beside the field and refuse a longer note keeping what was typed', async () => {
				const ctx = await phone(width, js);
				const page = await ctx.newPage();
				await addToCart(page, CUMI, '1');
				const note = page.getByLabel(/^Catatan untuk/);
				await expect(note.getAttribute('maxlength')).resolves.toBe('500');
				await expect(seen(page, /Paling banyak 500 huruf\./)).resolves.toBe(true);
				if (js) {
					// Typing stops at the limit, which the hint has said.
					await note.fill('a'.repeat(600));
					await expect(note.inputValue()).resolves.toHaveLength(500);
				}
				const long = 'Tolong jangan terlalu pedas. '.repeat(20).trim();
				expect(long.length).toBeGreaterThan(500);
				await setValue(page, 'textarea[name$=".note"]', long);
				await page.getByRole('radio', { name: 'Ambil sendiri' }).check();
				await page.getByLabel('Nama Anda').fill('Rina');
				await page.getByLabel('Nomor WhatsApp Anda').fill(`0812 7778 ${width}${js ? 1 : 2}`);
				await page.getByRole('button', { name: 'Pesan sekarang' }).click();
				await page.waitForLoadState();
				expect(page.url()).toMatch(/\/keranjang/);
				await expect(seen(page, /Catatan terlalu panjang: paling banyak 500 huruf\./)).resolves.toBe(true);
				await expect(note.inputValue()).resolves.toBe(long);
				await expect(note.getAttribute('aria-invalid')).resolves.toBe('true');
				await fits(page, width);
				// Nothing was ordered: the lookup of this browser's orders lists none.
				await page.goto(`${app.baseUrl}/pesanan`);
				await expect(page.locator('a[href^="/pesanan/CIG-"]').count()).resolves.toBe(0);
				await ctx.close();
			});
		});
	}
}

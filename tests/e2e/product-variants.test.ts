import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor, type DemoLogin } from './pages';

/**
 * Issue 7 item 11 and the stranger's Enter finding: a variant shows its own stock and the word "habis", a sold-out
 * cart line says one thing, and Enter in the product editor saves instead of running "Susun deskripsi".
 */
vi.setConfig({ testTimeout: 180_000 });

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

const WIDTHS = [390, 320] as const;

/** A signed-in phone at `width`, with JavaScript on or off (the login is made once per demo account). */
async function seller(as: DemoLogin, width: number, js: boolean): Promise<BrowserContext> {
	if (!sessions.has(as)) await (await contextFor(browser, app.baseUrl, as, { width, height: 844 }, sessions)).close();
	return browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js, storageState: JSON.parse(sessions.get(as)!) });
}

const bodyText = (page: Page) => page.locator('main').innerText();

async function productIdByName(shop: string, name: string): Promise<{ id: string; url: string }> {
	const res = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?shop=${shop}&perPage=50`)).json();
	const p = (res.data as { id: string; name: string; url: string }[]).find((x) => x.name === name);
	if (!p) throw new Error(`no product ${name}`);
	return p;
}

describe('Enter in the product editor', () => {
	for (const width of WIDTHS) {
		for (const js of [false, true]) {
			it(`should save, never run "Susun deskripsi" or overwrite the description (${width} px, JS ${js ? 'on' : 'off'})`, async () => {
				const ctx = await seller('jj@cigadung.test', width, js);
				const page = await ctx.newPage();
				const jj = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/shops/ketempling-jj`)).json();
				const productId = jj.data.products[0].id as string;
				await page.goto(`${app.baseUrl}/jual/produk/${productId}`);
				const description = `Gurih dan renyah, dibuat pagi ini (${width}/${js}).`;
				await page.getByLabel('Deskripsi', { exact: true }).fill(description);
				// The helper's questions hold text too: Enter must not turn them into a new description.
				await page.getByText('Bantu tulis deskripsi').click();
				await page.getByLabel('Rasanya seperti apa?').fill('pedas manis');
				await page.getByLabel('Varian 1', { exact: true }).fill('Pedas');
				await page.getByLabel('Harga varian 1').fill('12.000');
				await page.getByLabel('Stok varian 1').fill(String(width === 390 ? 7 : 8));
				await Promise.all([page.waitForLoadState('load'), page.waitForResponse((r) => r.request().method() === 'POST'), page.getByLabel('Stok varian 1').press('Enter')]);
				await page.getByText('Tersimpan.').first().waitFor();
				expect(await bodyText(page)).not.toContain('Deskripsi sudah disusun');
				await page.goto(`${app.baseUrl}/jual/produk/${productId}`);
				await expect(page.getByLabel('Deskripsi', { exact: true }).inputValue()).resolves.toBe(description);
				await expect(page.getByLabel('Stok varian 1').inputValue()).resolves.toBe(String(width === 390 ? 7 : 8));
				await ctx.close();
			});
		}
	}
});

describe('stock of a variant', () => {
	for (const width of WIDTHS) {
		it(`should say "habis" for a sold-out variant, show each variant's own stock, and say one thing when a cart line sells out (${width} px, JS off)`, async () => {
			const name = `Keripik Uji Varian ${width}`;
			const sellerCtx = await seller('jj@cigadung.test', width, false);
			const editor = await sellerCtx.newPage();
			await editor.goto(`${app.baseUrl}/jual/produk/baru`);
			await editor.getByLabel('Nama produk').fill(name);
			await editor.getByLabel('Harga (Rp)').fill('10.000');
			await editor.getByLabel('Satuan').fill('bungkus');
			await editor.getByLabel('Stok', { exact: true }).fill('18');
			await editor.getByLabel('Judul varian').fill('Rasa');
			await editor.getByLabel('Varian 1', { exact: true }).fill('Pedas');
			await editor.getByLabel('Harga varian 1').fill('12.000');
			await editor.getByLabel('Stok varian 1').fill('0');
			await editor.getByLabel('Varian 2', { exact: true }).fill('Original');
			await editor.getByLabel('Harga varian 2').fill('10.000');
			await editor.getByLabel('Stok varian 2').fill('5');
			await Promise.all([editor.waitForURL(/\/jual\/produk\/prod_/), editor.getByRole('button', { name: 'Simpan' }).click()]);
			const editorUrl = editor.url().split('?')[0];
			const product = await productIdByName('ketempling-jj', name);

			const buyer = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: false });
			const page = await buyer.newPage();
			await page.goto(new URL(product.url, app.baseUrl).href);
			const options = await page.locator('#variantId option').allTextContents();
			expect(options.find((o) => o.startsWith('Pedas'))).toMatch(/habis/);
			expect(options.find((o) => o.startsWith('Original'))).not.toMatch(/habis/);
			const text = await bodyText(page);
			expect(text).not.toContain('Stok: 18');
			expect(text).toMatch(/Pedas: habis/);
			expect(text).toMatch(/Original: stok 5 bungkus/);
			await expect(page.locator('#variantId option', { hasText: 'Pedas' }).isDisabled()).resolves.toBe(true);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

			await page.getByLabel('Rasa').selectOption({ label: options.find((o) => o.startsWith('Original'))! });
			await page.getByLabel('Jumlah').fill('2');
			await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
			await page.waitForURL(/\/keranjang$/);
			await page.getByText('Keranjang (1)').first().waitFor();
			// Issue 7 item 14: the product name in the cart is a plain link, not a box that looks like a field.
			const look = await page.getByRole('link', { name: `${name} (Original)` }).evaluate((a) => {
				const s = getComputedStyle(a);
				return { display: s.display, border: s.borderTopStyle, underline: s.textDecorationLine };
			});
			expect(look).toEqual({ display: 'inline', border: 'none', underline: 'underline' });
			await page.getByLabel('Nama Anda').fill('Rina');
			await page.getByLabel('Nomor WhatsApp Anda').fill('0812 1111 2222');

			// The seller sells the last bags of Original elsewhere while the buyer's cart page is open.
			await editor.goto(editorUrl);
			await editor.getByLabel('Stok varian 2').fill('0');
			await editor.getByRole('button', { name: 'Simpan' }).last().click();
			await editor.getByText('Tersimpan.').first().waitFor();

			await page.getByRole('button', { name: 'Pesan sekarang' }).click();
			await page.getByText(/Pesanan belum dikirim/).first().waitFor();
			const after = await bodyText(page);
			expect(after).toContain(`${name} (Original) sudah habis`);
			expect(after).not.toMatch(/tinggal 0|Ubah jumlahnya/);
			expect(after.split(`${name} (Original)`).length - 1).toBe(1);
			expect((await page.getByRole('link', { name: /^Keranjang/ }).first().innerText()).trim()).toBe('Keranjang');
			expect(page.url()).toMatch(/\/keranjang/);
			await buyer.close();
			await sellerCtx.close();
		});
	}
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

vi.setConfig({ testTimeout: 180_000 });

let app: RunningApp;
let browser: Browser;

interface ApiProduct {
	id: string;
	name: string;
	url: string;
	stock: number | null;
	madeToOrder: boolean;
	price: number;
	priceMax: number;
	shop: { slug: string };
}
let products: ApiProduct[];

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	const res = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?shop=sambal-mt&perPage=50`)).json();
	const all = res.data as ApiProduct[];
	for (const p of all) p.stock = await stockOf(p);
	// products without sizes (Sambal Teri has sizes: its page asks for one first)
	products = all.filter((p) => !p.madeToOrder && p.price === p.priceMax && (p.stock ?? 0) >= 6);
	expect(products.length).toBeGreaterThanOrEqual(2);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

/** The stock a buyer sees on the product page ("Stok: 18 botol"); the API does not expose it. */
async function stockOf(p: ApiProduct): Promise<number> {
	const html = await (await fetch(p.url)).text();
	return Number(/Stok: (\d+)/.exec(html)?.[1] ?? 0);
}

const seen = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ timeout: 30_000 }).then(() => true);
const WIDTHS = [390, 320] as const;

async function phone(width: number, js: boolean): Promise<BrowserContext> {
	return browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });
}

async function addToCart(page: Page, p: ApiProduct, quantity: string) {
	await page.goto(new URL(p.url, app.baseUrl).href);
	await page.getByLabel('Jumlah').fill(quantity);
	await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
	await page.waitForURL(/\/keranjang$/);
}

const qty = (page: Page, p: ApiProduct) => page.locator(`input[name="qty.${p.id}."]`);

async function quantities(page: Page): Promise<Record<string, string>> {
	return page.locator('input[name^="qty."]').evaluateAll((els) => Object.fromEntries(els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value])));
}

for (const width of WIDTHS) {
	describe(`cart at ${width} px`, () => {
		it('should key quantities by product, say every change, and order exactly what it shows (JS off)', async () => {
			const [a, b] = products;
			b.stock = await stockOf(b);
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			await addToCart(page, a, '2');
			await addToCart(page, b, '1');

			// 0 for the first line: it leaves with a word, and the second line keeps its own quantity.
			await qty(page, a).fill('0');
			await page.getByRole('button', { name: 'Hitung ulang' }).click();
			await expect(seen(page, `${a.name} kami keluarkan dari keranjang karena jumlahnya 0.`)).resolves.toBe(true);
			expect(await quantities(page)).toEqual({ [`qty.${b.id}.`]: '1' });
			await expect(seen(page, 'Keranjang (1)')).resolves.toBe(true);

			// Text and negative numbers are refused beside the field; the field shows what will be ordered.
			await addToCart(page, a, '2');
			for (const typed of ['abc', '-1']) {
				await qty(page, b).fill(typed);
				await page.getByRole('button', { name: 'Hitung ulang' }).click();
				await expect(seen(page, `"${typed}" bukan jumlah untuk ${b.name}. Tulis angka 1 sampai 100. Jumlahnya tetap 1.`)).resolves.toBe(true);
				await expect(qty(page, b).getAttribute('aria-invalid')).resolves.toBe('true');
				expect(await quantities(page)).toEqual({ [`qty.${b.id}.`]: '1', [`qty.${a.id}.`]: '2' });
			}

			// 999 of the first line and "Pesan sekarang" at once: nothing is ordered until the buyer has seen the cap.
			await qty(page, b).fill('999');
			await page.getByLabel('Nama Anda').fill('Rina');
			await page.getByLabel('Nomor WhatsApp Anda').fill('0812 1111 2222');
			await page.getByRole('button', { name: 'Pesan sekarang' }).click();
			await expect(seen(page, /Pesanan belum dikirim/)).resolves.toBe(true);
			await expect(seen(page, `Maaf, ${b.name} tinggal ${b.stock}`)).resolves.toBe(true);
			expect(await quantities(page)).toEqual({ [`qty.${b.id}.`]: String(b.stock), [`qty.${a.id}.`]: '2' });
			await expect(page.getByLabel('Nama Anda').inputValue()).resolves.toBe('Rina');
			expect(page.url()).toMatch(/\/keranjang/);

			await qty(page, b).fill('1');
			await page.getByRole('button', { name: 'Pesan sekarang' }).click();
			await page.waitForURL(/\/pesanan\/CIG-/);
			const items = await page.locator('section.buy li').allTextContents();
			expect(items.map((s) => s.split(' — ')[0]).sort()).toEqual([`1 × ${b.name}`, `2 × ${a.name}`].sort());
			await ctx.close();
		});

		for (const js of [false, true]) {
			it(`should never remove anything when Enter is pressed in a field (JS ${js ? 'on' : 'off'})`, async () => {
				const [a, b] = products;
				const ctx = await phone(width, js);
				const page = await ctx.newPage();
				await addToCart(page, a, '1');
				await addToCart(page, b, '1');
				await page.getByLabel('Nomor WhatsApp Anda').fill('0812 3333 4444');
				await page.getByLabel('Nomor WhatsApp Anda').press('Enter');
				await page.waitForLoadState('load');
				await expect(page.getByLabel('Nomor WhatsApp Anda').inputValue()).resolves.toBe('0812 3333 4444');
				expect(Object.keys(await quantities(page)).sort()).toEqual([`qty.${a.id}.`, `qty.${b.id}.`].sort());
				await qty(page, a).fill('3');
				await qty(page, a).press('Enter');
				await page.waitForLoadState('load');
				expect(await quantities(page)).toEqual({ [`qty.${a.id}.`]: '3', [`qty.${b.id}.`]: '1' });
				await expect(seen(page, 'Keranjang (2)')).resolves.toBe(true);
				await ctx.close();
			});
		}
	});
}

describe('money typed the Indonesian way', () => {
	for (const width of WIDTHS) {
		it(`should store a delivery fee typed "Rp 3.000" as Rp 3.000 and refuse "3,5" with a message (${width} px, JS off)`, async () => {
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			await page.goto(`${app.baseUrl}/masuk`);
			await page.getByLabel('E-mail atau nomor WhatsApp').fill('mt@cigadung.test');
			await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
			await page.getByRole('button', { name: 'Masuk' }).click();
			await page.waitForURL(/\/jual$/);
			await page.goto(`${app.baseUrl}/jual/mulai/pengiriman`);
			await page.getByLabel(/Ongkos antar di sekitar/).fill('3,5');
			await page.getByLabel(/Minimal pesanan/).fill('abc');
			await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
			await expect(seen(page, 'Tulis jumlah rupiah tanpa koma, contoh 3.000 atau Rp 15.000.')).resolves.toBe(true);
			await expect(page.locator('#localFee[aria-invalid=true], #minOrder[aria-invalid=true]').count()).resolves.toBe(2);
			await expect(page.getByLabel(/Ongkos antar di sekitar/).inputValue()).resolves.toBe('3,5');
			await page.getByLabel(/Ongkos antar di sekitar/).fill(width === 390 ? 'Rp 3.000' : '3.000,-');
			await page.getByLabel(/Minimal pesanan/).fill(' 10 000 ');
			await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
			await page.waitForURL(/\/jual\/mulai\/pembayaran/);
			await page.goto(`${app.baseUrl}/jual/mulai/pengiriman`);
			await expect(page.getByLabel(/Ongkos antar di sekitar/).inputValue()).resolves.toBe('3000');
			await expect(page.getByLabel(/Minimal pesanan/).inputValue()).resolves.toBe('10000');

			const buyer = await phone(width, false);
			const b = await buyer.newPage();
			await addToCart(b, products[2] ?? products[0], '4');
			await expect(seen(b, /Diantar penjual \(Rp\s3\.000,/)).resolves.toBe(true);
			await expect(seen(b, 'Minimal pesanan Rp 10.000')).resolves.toBe(true);
			await buyer.close();
			await ctx.close();
		});
	}
});

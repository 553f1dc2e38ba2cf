import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';

/**
 * Issue 7, the buyer's small items found on build 225e16b: every checkout field error at once (the address too),
 * the note's limit said beside it and a longer note refused with what was typed kept; a cancelled order's own heading;
 * an order link without its token talks about the order; one status line that agrees with the payment; the note labelled.
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
				const counter = page.locator('[data-count-for^="note-"]');
				if (js) {
					// A counter follows the typing (the hint still says the limit)…
					await note.pressSequentially('Halo');
					await expect(counter.innerText()).resolves.toBe('4 dari 500 huruf');
					await expect(page.locator('[data-count-full-live]').textContent()).resolves.toBe('');
					// …and typing stops at the limit, which the counter then says, to screen readers too.
					await note.fill('a'.repeat(600));
					await expect(note.inputValue()).resolves.toHaveLength(500);
					await expect(counter.innerText()).resolves.toBe('500 dari 500 huruf — sudah batasnya, huruf berikutnya tidak masuk.');
					await expect(page.locator('[data-count-full-live]').textContent()).resolves.toBe('500 dari 500 huruf — sudah batasnya, huruf berikutnya tidak masuk.');
					await fits(page, width);
					await page.screenshot({ path: `/tmp/field/note-counter-${width}.png`, fullPage: true });
				} else {
					// Without JavaScript there is no counter; the hint's limit stays.
					await expect(counter.isVisible()).resolves.toBe(false);
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

/** Places one pickup order of Sambal Cumi through the API and answers its checkout (code, token, statusUrl). */
async function placeOrder(buyer: string, whatsapp: string, note = '', payment = 'cod'): Promise<{ code: string; token: string; statusUrl: string }> {
	const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=sambal+cumi`)).json();
	const cumi = products.data.find((p: { shop: { slug: string } }) => p.shop.slug === 'sambal-mt');
	const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': `field-items-${Date.now()}-${Math.random().toString(36).slice(2)}` },
		body: JSON.stringify({ buyer: { name: buyer, whatsapp }, lines: [{ productId: cumi.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment, note } } })
	});
	expect(res.status).toBe(201);
	return res.json();
}

/** Opens the seller's receipt page of the buyer's order (Sambal MT's seller) and runs `act` on it. */
async function asSeller(buyer: string, act: (page: Page) => Promise<void>) {
	const seller = await contextFor(browser, app.baseUrl, 'mt@cigadung.test', PHONE.viewport, sessions);
	const s = await seller.newPage();
	await s.goto(`${app.baseUrl}/jual/pesanan`);
	const href = (await s.locator('.inbox-rows li', { hasText: buyer }).first().locator('a').getAttribute('href'))!;
	await s.goto(app.baseUrl + href);
	await act(s);
	await seller.close();
}

describe('the buyer status page and the receipt', () => {
	for (const width of [390, 320] as const) {
		it(`should give a cancelled order its own heading and no thanks, on the link and after the lookup (${width} px, JS off)`, async () => {
			const buyer = `Rina Batal ${width}`;
			const wa = `0812 5555 ${width}1`;
			const checkout = await placeOrder(buyer, wa);
			await asSeller(buyer, async (s) => {
				await s.getByText('Batalkan pesanan', { exact: true }).click();
				await s.getByLabel('Alasan pembatalan (dibaca pembeli)').fill('Stok habis');
				await s.getByLabel(/Ya, saya yakin membatalkan pesanan/).check();
				await s.getByRole('button', { name: 'Batalkan pesanan ini' }).click();
				await s.waitForLoadState();
			});
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			await page.goto(checkout.statusUrl);
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`Pesanan ${checkout.code} dibatalkan`);
			await expect(page.getByText(/Terima kasih/).count()).resolves.toBe(0);
			await expect(seen(page, 'Status: Dibatalkan')).resolves.toBe(true);
			await fits(page, width);
			// The next day, from another phone: the lookup by code and number opens the same page.
			const other = await phone(width, false);
			const p2 = await other.newPage();
			await p2.goto(`${app.baseUrl}/pesanan`);
			await p2.getByLabel('Kode pesanan').fill(checkout.code);
			await p2.getByLabel(/Nomor WhatsApp/).fill(wa);
			await p2.getByRole('button', { name: 'Cari pesanan' }).click();
			await p2.waitForURL(/\/pesanan\/CIG-.*\?t=/);
			await expect(p2.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`Pesanan ${checkout.code} dibatalkan`);
			await expect(p2.getByText(/Terima kasih/).count()).resolves.toBe(0);
			await other.close();
			await ctx.close();
		});
	}

	it('should take a code without its link to the lookup with the code filled in, and a wrong link to the same (390 and 320 px, JS off)', async () => {
		const wa = '0812 5555 0002';
		const checkout = await placeOrder('Rina Tanpa Token', wa);
		for (const width of [390, 320]) {
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			// A wrong token: the order is not shown, the page talks about the order and leads to the lookup.
			const res = await page.goto(`${app.baseUrl}/pesanan/${checkout.code}?t=salah`);
			expect(res?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Pesanan tidak ditemukan');
			await expect(seen(page, /Buka tautan pesanan dari pesan WhatsApp Anda/)).resolves.toBe(true);
			await expect(page.getByText(/produknya sudah tidak dijual/).count()).resolves.toBe(0);
			await fits(page, width);
			await page.getByRole('link', { name: 'Cari pesanan saya' }).click();
			await page.waitForURL(/\/pesanan\?kode=CIG-[^#]+#lookup$/);
			await expect(page.getByLabel('Kode pesanan').inputValue()).resolves.toBe(checkout.code);
			// The code alone (read out over the phone, typed in the address bar): straight to the lookup, code filled in.
			await page.goto(`${app.baseUrl}/pesanan/${checkout.code}`);
			await page.waitForURL(/\/pesanan\?kode=CIG-[^#]+#lookup$/);
			await expect(seen(page, `Untuk membuka pesanan ${checkout.code}, tulis nomor WhatsApp yang Anda pakai saat memesan.`)).resolves.toBe(true);
			await expect(page.getByLabel('Kode pesanan').inputValue()).resolves.toBe(checkout.code);
			await fits(page, width);
			await page.getByLabel(/Nomor WhatsApp/).fill(wa);
			await page.getByRole('button', { name: 'Cari pesanan' }).click();
			await page.waitForURL(/\/pesanan\/CIG-.*\?t=/);
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(checkout.code);
			await ctx.close();
		}
	});

	it('should say one status line that agrees with the payment, and label the shop and the note on both receipts (JS off)', async () => {
		const buyer = 'Rina Lunas';
		const checkout = await placeOrder(buyer, '0812 5555 0003', 'Tidak terlalu pedas');
		await asSeller(buyer, async (s) => {
			await s.getByRole('button', { name: 'Uang sudah diterima' }).click();
			await s.waitForLoadState();
			const facts = await s.locator('dl.facts').first().innerText();
			expect(facts).toMatch(/^Toko\s+Sambal MT/);
			expect(facts).not.toContain('Tentang toko');
			await expect(s.locator('main').innerText()).resolves.toMatch(/Catatan\s+Tidak terlalu pedas/);
		});
		for (const width of [390, 320]) {
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			await page.goto(checkout.statusUrl);
			await expect(page.locator('[data-status]').innerText()).resolves.toBe('Status: Baru — menunggu konfirmasi penjual · Pembayaran sudah diterima penjual');
			await expect(page.getByText('Pembayaran sudah diterima penjual.', { exact: true }).count()).resolves.toBe(0);
			await expect(page.locator('dl.facts').first().innerText()).resolves.toMatch(/Catatan\s+Tidak terlalu pedas/);
			await fits(page, width);
			await page.screenshot({ path: `/tmp/field/status-paid-${width}.png`, fullPage: true });
			await ctx.close();
		}
	});

	it('should show the bank account number in groups of four and copy its plain digits (390 and 320 px)', async () => {
		const checkout = await placeOrder('Rina Transfer', '0812 5555 0004', '', 'transfer');
		for (const width of [390, 320]) {
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			await page.goto(checkout.statusUrl);
			const shown = page.locator('[data-account]');
			await expect(shown.innerText()).resolves.toMatch(/^\d{4}( \d{1,4})+$/);
			const digits = (await shown.innerText()).replace(/ /g, '');
			expect(digits).toMatch(/^0123010\d{6}$/);
			await expect(page.getByRole('button', { name: /Salin nomor rekening/, includeHidden: true }).getAttribute('data-copy')).resolves.toBe(digits);
			await expect(page.getByText(/Transfer tepat/).innerText()).resolves.toContain(`BRI ${(await shown.innerText()).replace(/ /g, '\u00a0')}`);
			await fits(page, width);
			await ctx.close();
		}
	});
});

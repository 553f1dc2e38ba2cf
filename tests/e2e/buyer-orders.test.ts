import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { parseQris } from '../../src/lib/server/payments/qris';

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

const seen = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ timeout: 15_000 }).then(() => true);
const phone = (width: number, js: boolean): Promise<BrowserContext> => browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });

async function addToCart(page: Page, path: string, quantity: string) {
	await page.goto(app.baseUrl + path);
	await page.getByLabel('Jumlah').fill(quantity);
	await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
	await page.waitForURL(/\/keranjang$/);
}

async function decodePng(bytes: Buffer): Promise<string> {
	const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
	if (!code) throw new Error('QR code did not decode');
	return code.data;
}

async function fits(page: Page, width: number) {
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
}

for (const width of [390, 320] as const) {
	describe(`the buyer after ordering at ${width} px`, () => {
		it('should save the QRIS as a PNG, show one total for all shops, list the order under "Pesanan saya", find it by code + number, and not show the old cart on Back (JS off)', async () => {
			const ctx = await phone(width, false);
			const page = await ctx.newPage();
			await addToCart(page, '/c/cigadung/toko/ketempling-jj/ketempling-original-250-g', '2');
			await addToCart(page, '/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml', '1');
			const mt = page.getByRole('region', { name: 'Sambal MT' });
			await mt.getByRole('radio', { name: /Diantar penjual/ }).check();
			await mt.getByLabel('Alamat atau RW/RT (hanya untuk diantar)').fill('RW 02 RT 01');
			await mt.getByRole('radio', { name: 'QRIS' }).check();
			await page.getByLabel('Nama Anda').fill('Dewi');
			const number = `0812 4444 ${width}0`;
			await page.getByLabel('Nomor WhatsApp Anda').fill(number);
			await page.getByRole('button', { name: 'Pesan sekarang' }).click();
			await page.waitForURL(/\/pesanan\/CIG-[2-9A-Z]{4}\?t=/);
			const code = /\/pesanan\/(CIG-[2-9A-Z]{4})/.exec(page.url())![1];
			await fits(page, width);
			// The status link can be sent to the buyer's own WhatsApp, so it is never lost.
			const self = new URL((await page.getByRole('link', { name: 'Kirim tautan pesanan ke WhatsApp saya' }).getAttribute('href'))!);
			expect(self.pathname).toBe(`/62${number.replace(/\D/g, '').slice(1)}`);
			expect(self.searchParams.get('text')).toContain(page.url());
			// "Rp" and the amount stay together (no-break space) on this page.
			await expect(page.locator('main').innerText()).resolves.not.toMatch(/Rp [\d]/);

			// One total for the whole checkout, and a way back to the catalog.
			await expect(seen(page, 'Total 2 toko: Rp 54.000')).resolves.toBe(true);
			await expect(page.getByRole('link', { name: '← Kembali ke katalog' }).first().getAttribute('href')).resolves.toBe('/c/cigadung');

			// "Simpan gambar QRIS": a PNG of the dynamic QRIS with the order's exact amount.
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Simpan gambar QRIS' }).click()]);
			expect(download.suggestedFilename()).toMatch(/^QRIS-CIG-[2-9A-Z]{4}\.png$/);
			const png = await readFile((await download.path())!);
			expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
			expect(parseQris(await decodePng(png))).toMatchObject({ isDynamic: true, amount: 30000 });
			// Without JavaScript the amount is plain text and no copy button shows.
			await expect(page.locator('.qris .copyable').textContent()).resolves.toContain('Rp\u00a030.000');
			await expect(page.locator('button[data-copy]').first().isVisible()).resolves.toBe(false);

			// Back after ordering: the cart is empty, not the old one with its items.
			await page.goBack();
			await page.waitForURL(/\/keranjang$/);
			await expect(seen(page, 'Keranjang masih kosong')).resolves.toBe(true);
			await expect(page.getByRole('button', { name: 'Pesan sekarang' }).count()).resolves.toBe(0);

			// "Pesanan saya" on this browser lists it.
			await page.goto(`${app.baseUrl}/pesanan`);
			await expect(page.getByRole('link', { name: code }).getAttribute('href')).resolves.toMatch(new RegExp(`^/pesanan/${code}\\?t=`));
			await expect(seen(page, 'Rp 54.000')).resolves.toBe(true);
			await fits(page, width);
			await ctx.close();

			// Another browser: nothing remembered; a wrong pair and an unknown code get the same neutral message.
			const other = await phone(width, false);
			const p2 = await other.newPage();
			await p2.goto(`${app.baseUrl}/pesanan`);
			await expect(seen(p2, 'Belum ada pesanan yang tersimpan di HP ini')).resolves.toBe(true);
			const neutral = 'Kode pesanan dan nomor WhatsApp ini tidak cocok dengan pesanan mana pun.';
			for (const [c, n] of [
				[code, '0812 4444 0000'],
				['CIG-2345', number]
			]) {
				await p2.getByLabel('Kode pesanan').fill(c);
				await p2.getByLabel('Nomor WhatsApp saat memesan').fill(n);
				await p2.getByRole('button', { name: 'Cari pesanan' }).click();
				await expect(seen(p2, neutral)).resolves.toBe(true);
				await expect(p2.getByLabel('Kode pesanan').inputValue()).resolves.toBe(c);
			}
			await p2.getByLabel('Kode pesanan').fill(code.toLowerCase());
			await p2.getByLabel('Nomor WhatsApp saat memesan').fill('+62 ' + number.slice(1));
			await p2.getByRole('button', { name: 'Cari pesanan' }).click();
			await p2.waitForURL(new RegExp(`/pesanan/${code}\\?t=`));
			await expect(seen(p2, 'Terima kasih, Dewi!')).resolves.toBe(true);
			await p2.goto(`${app.baseUrl}/pesanan`);
			await expect(p2.getByRole('link', { name: code }).count()).resolves.toBe(1);
			await other.close();
		});

		it('should add the delivery fee to the totals as soon as it is picked, and copy the amount and account number (JS on)', async () => {
			const ctx = await phone(width, true);
			await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl });
			const page = await ctx.newPage();
			await addToCart(page, '/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml', '2');
			await expect(seen(page, 'Total semua toko: Rp 50.000')).resolves.toBe(true);
			await page.getByRole('radio', { name: /Diantar penjual/ }).check();
			// No "Hitung ulang": the fee and the totals follow the choice at once.
			await expect(seen(page, 'Total semua toko: Rp 55.000')).resolves.toBe(true);
			await expect(page.locator('[data-fee-out]').textContent()).resolves.toBe('Rp\u00a05.000');
			await expect(page.locator('[data-total-out]').textContent()).resolves.toBe('Rp\u00a055.000');
			await page.getByRole('radio', { name: 'Ambil sendiri' }).check();
			await expect(seen(page, 'Total semua toko: Rp 50.000')).resolves.toBe(true);
			await page.getByRole('radio', { name: /Diantar penjual/ }).check();
			await page.getByLabel('Alamat atau RW/RT (hanya untuk diantar)').fill('RW 05');
			await page.getByRole('radio', { name: 'Transfer bank' }).check();
			await page.getByLabel('Nama Anda').fill('Eka');
			await page.getByLabel('Nomor WhatsApp Anda').fill(`0812 4445 ${width}0`);
			await page.getByRole('button', { name: 'Pesan sekarang' }).click();
			await page.waitForURL(/\/pesanan\/CIG-/);
			// The server priced it the same.
			await expect(seen(page, /Transfer tepat Rp\s55\.000 ke BRI/)).resolves.toBe(true);
			await fits(page, width);
			await page.getByRole('button', { name: 'Salin nomor rekening' }).click();
			await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(/^0123010\d{6}$/);
			await expect(seen(page, 'Tersalin')).resolves.toBe(true);
			await page.getByRole('button', { name: 'Salin jumlah' }).click();
			await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('55000');

			await page.goBack();
			await page.waitForURL(/\/keranjang$/);
			await expect(seen(page, 'Keranjang masih kosong')).resolves.toBe(true);
			await ctx.close();
		});
	});
}

describe('the QRIS picture and the lookup over HTTP', () => {
	it('should answer 404 for the QRIS picture without the status token, and keep the cart page out of every cache', async () => {
		const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=sambal+cumi`)).json();
		const cumi = products.data.find((p: { shop: { slug: string } }) => p.shop.slug === 'sambal-mt');
		const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': `qris-png-${Date.now()}` },
			body: JSON.stringify({ buyer: { name: 'Fajar', whatsapp: '081244460000' }, lines: [{ productId: cumi.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'qris' } } })
		});
		const c = await res.json();
		const order = c.orders[0].code;
		const ok = await fetch(`${app.baseUrl}/pesanan/${c.code}/qris/${order}?t=${c.token}`);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('image/png');
		expect(ok.headers.get('content-disposition')).toBe(`attachment; filename="QRIS-${order}.png"`);
		expect(parseQris(await decodePng(Buffer.from(await ok.arrayBuffer())))).toMatchObject({ amount: 25000 });
		expect((await fetch(`${app.baseUrl}/pesanan/${c.code}/qris/${order}?t=salah`)).status).toBe(404);
		expect((await fetch(`${app.baseUrl}/pesanan/${c.code}/qris/CIG-2345?t=${c.token}`)).status).toBe(404);
		const cart = await fetch(`${app.baseUrl}/c/cigadung/keranjang`);
		expect(cart.headers.get('cache-control')).toBe('no-store');
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { parseQris } from '../../src/lib/server/payments/qris';

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

async function addToCart(page: Page, path: string, quantity: string) {
	await page.goto(app.baseUrl + path);
	await page.getByLabel('Jumlah').fill(quantity);
	await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
	await page.waitForURL(/\/keranjang$/);
}

async function decodeQr(page: Page): Promise<string> {
	const png = await page.locator('.qris img').screenshot();
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
	if (!code) throw new Error('QR code did not decode');
	return code.data;
}

for (const width of [390, 320] as const) describe(`ordering across two shops at ${width} px`, () => {
	const AT = { ...PHONE, viewport: { width, height: 844 } };
	it('should check out with QRIS and COD, hand over to WhatsApp, and follow the seller’s status changes', async () => {
		const ctx = await browser.newContext(AT);
		const page = await ctx.newPage();
		await addToCart(page, '/c/cigadung/toko/ketempling-jj/ketempling-original-250-g', '2');
		await addToCart(page, '/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml', '1');
		await page.getByRole('radio', { name: 'QRIS' }).check();
		await page.getByLabel('Nama Anda').fill('Siti');
		await page.getByLabel('Nomor WhatsApp Anda').fill('0812-3456-7890');
		await page.getByRole('button', { name: 'Pesan sekarang' }).click();
		await page.waitForURL(/\/pesanan\/CIG-[2-9A-Z]{4}\?t=/);
		const statusUrl = page.url();
		await expect(seen(page, 'Terima kasih, Siti!')).resolves.toBe(true);
		const links = await page.getByRole('link', { name: 'Kirim pesanan ke WhatsApp penjual' }).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(links).toHaveLength(2);
		expect(links.some((l) => l.startsWith('https://wa.me/6281200000008?text='))).toBe(true);
		const mtLink = links.find((l) => l.startsWith('https://wa.me/6281200000022?text='))!;
		const text = new URL(mtLink).searchParams.get('text')!;
		expect(text).toContain('Kode pesanan: CIG-');
		expect(text).toContain('1 × Sambal Cumi 150 ml = Rp\u00a025.000');
		expect(text).toContain('Total: Rp\u00a025.000');
		expect(text).toContain('Pembayaran: QRIS');
		const payload = await decodeQr(page);
		expect(parseQris(payload)).toMatchObject({ isDynamic: true, amount: 25000, merchantName: 'Sambal MT', merchantCity: 'Kab. Kuningan' });
		await expect(seen(page, 'Bayar di tempat: siapkan uang pas Rp 24.000')).resolves.toBe(true);
		await ctx.close();

		const sellerCtx = await browser.newContext(AT);
		const seller = await sellerCtx.newPage();
		await seller.goto(`${app.baseUrl}/masuk`);
		await seller.getByLabel('E-mail atau nomor WhatsApp').fill('mt@cigadung.test');
		await seller.getByLabel('Kata sandi').fill('demo-cigadung-2024');
		await seller.getByRole('button', { name: 'Masuk' }).click();
		await seller.waitForURL(/\/jual$/);
		await seller.getByRole('link', { name: /^Pesanan baru \(\d+\)$/ }).click();
		await seller.getByRole('link', { name: /CIG-/ }).first().click();
		await seller.getByRole('button', { name: 'Konfirmasi pesanan' }).click();
		await expect(seen(seller, 'Dikonfirmasi')).resolves.toBe(true);
		await seller.getByRole('button', { name: 'Uang sudah diterima' }).click();
		await expect(seen(seller, 'sudah dibayar')).resolves.toBe(true);
		await seller.getByRole('button', { name: 'Mulai disiapkan' }).click();
		await seller.getByRole('button', { name: 'Siap diambil' }).click();
		await seller.getByRole('button', { name: 'Selesai' }).click();
		await expect(seen(seller, /^Selesai/)).resolves.toBe(true);
		await sellerCtx.close();

		const buyer = await browser.newContext({ ...AT, javaScriptEnabled: false });
		const b = await buyer.newPage();
		await b.goto(statusUrl);
		const statuses = await b.locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
		expect(statuses.sort()).toEqual(['baru', 'selesai']);
		await expect(seen(b, 'Status: Selesai · Pembayaran sudah diterima penjual')).resolves.toBe(true);
		const wrong = await b.goto(statusUrl.replace(/t=.*/, 't=salah'));
		expect(wrong?.status()).toBe(404);
		await buyer.close();
	});

	it('should check out with JavaScript disabled, recalculating the delivery fee with a button', async () => {
		const ctx = await browser.newContext({ ...AT, javaScriptEnabled: false });
		const page = await ctx.newPage();
		await addToCart(page, '/c/cigadung/toko/sambal-mt/sambal-bawang-150-ml', '2');
		await page.getByRole('radio', { name: /Diantar penjual/ }).check();
		await page.getByRole('button', { name: 'Hitung ulang' }).click();
		await expect(seen(page, 'Total semua toko: Rp 45.000')).resolves.toBe(true);
		await page.getByLabel('Nama Anda').fill('Budi');
		await page.getByLabel('Nomor WhatsApp Anda').fill('081298765432');
		await page.getByRole('button', { name: 'Pesan sekarang' }).click();
		await expect(seen(page, 'Tulis alamat atau RW/RT untuk diantar oleh Sambal MT.')).resolves.toBe(true);
		await page.getByLabel('Alamat atau RW/RT (hanya untuk diantar)').fill('RW 02 RT 01, rumah cat hijau');
		await page.getByRole('button', { name: 'Pesan sekarang' }).click();
		await page.waitForURL(/\/pesanan\//);
		await expect(seen(page, 'Rp 45.000')).resolves.toBe(true);
		await ctx.close();
	});
});

describe('checkout API', () => {
	it('should honour Idempotency-Key, answer 409 naming the product, and 422 for an unsupported payment', async () => {
		const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=gemblong+ketan`)).json();
		const gemblong = products.data[0];
		const body = { buyer: { name: 'Siti', whatsapp: '081234567890' }, lines: [{ productId: gemblong.id, variantId: null, quantity: 1 }], shops: { [gemblong.shop.slug]: { delivery: 'pickup', payment: 'cod' } } };
		const post = (b: unknown, key?: string) =>
			fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(b) });
		const first = await post(body, 'api-test-key-0001');
		expect(first.status).toBe(201);
		const a = await first.json();
		expect(a.orders[0]).toMatchObject({ shop: { slug: gemblong.shop.slug }, status: 'baru', total: 12000, payment: { method: 'cod' } });
		const again = await post(body, 'api-test-key-0001');
		expect(again.status).toBe(200);
		expect((await again.json()).code).toBe(a.code);
		const read = await (await fetch(`${app.baseUrl}/api/v1/checkouts/${a.code}?token=${a.token}`)).json();
		expect(read.orders[0].code).toBe(a.orders[0].code);
		expect((await fetch(`${app.baseUrl}/api/v1/checkouts/${a.code}?token=x`)).status).toBe(404);
		expect((await post(body)).status).toBe(400);
		const tooMany = await post({ ...body, lines: [{ productId: gemblong.id, quantity: 100 }] }, 'api-test-key-0002');
		expect(tooMany.status).toBe(409);
		expect((await tooMany.json()).error).toMatchObject({ code: 'out_of_stock', message: expect.stringContaining('Gemblong Ketan Wijen isi 10') });
		const qris = await post({ ...body, shops: { [gemblong.shop.slug]: { delivery: 'pickup', payment: 'qris' } } }, 'api-test-key-0003');
		expect(qris.status).toBe(422);
	});
});

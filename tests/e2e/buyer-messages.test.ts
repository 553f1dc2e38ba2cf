import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

vi.setConfig({ testTimeout: 120_000 });

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function addToCart(page: Page, path: string, quantity: string) {
	await page.goto(app.baseUrl + path);
	await page.getByLabel('Quantity').fill(quantity);
	await page.getByRole('button', { name: 'Add to cart' }).click();
	await page.waitForURL(/\/keranjang$/);
}

const RUNS = [
	{ width: 390, js: false },
	{ width: 320, js: true },
	{ width: 320, js: false },
	{ width: 390, js: true }
];

describe('the WhatsApp message to each seller', () => {
	RUNS.forEach(({ width, js }, n) => {
		it(`should be in Bahasa Indonesia for a buyer reading English, with fee, total, the shop’s own note and a link to the order (${width} px, JS ${js ? 'on' : 'off'})`, async () => {
			const ctx = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });
			const page = await ctx.newPage();
			await page.goto(`${app.baseUrl}/bahasa?ke=en`);
			await addToCart(page, '/c/cigadung/toko/ketempling-jj/ketempling-original-250-g', '2');
			await addToCart(page, '/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml', '1');
			const mtSection = page.getByRole('region', { name: 'Sambal MT' });
			await mtSection.getByRole('radio', { name: /Seller delivers/ }).check();
			await mtSection.getByLabel('Address or RW/RT (only for delivery)').fill('RW 02 RT 01, rumah cat hijau');
			await page.getByLabel('Note for Ketempling JJ (optional)').fill('Yang renyah ya');
			await page.getByLabel('Note for Sambal MT (optional)').fill('Tidak terlalu pedas');
			await page.getByLabel('Your name').fill('Alice');
			await page.getByLabel('Your WhatsApp number').fill(`0812 5555 ${n}${width}`);
			await page.getByRole('button', { name: 'Order now' }).click();
			await page.waitForURL(/\/pesanan\/CIG-/);
			const links = await page.getByRole('link', { name: 'Send the order to the seller on WhatsApp' }).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
			const texts = Object.fromEntries(links.map((l) => [new URL(l).pathname, new URL(l).searchParams.get('text')!]));
			const jj = texts['/6281200000008'];
			const mt = texts['/6281200000022'];
			expect(jj).toMatch(/^Halo Ketempling JJ, saya Alice memesan lewat E-Crav\.\nKode pesanan: CIG-/);
			expect(jj).toContain('2 × Ketempling Original 250 g = Rp\u00a024.000');
			expect(jj).toMatch(/\nSubtotal: Rp\u00a024\.000\nOngkos antar: Rp\u00a00\nTotal: Rp\u00a024\.000\nPengiriman: Ambil sendiri/);
			expect(jj).toContain('Catatan: Yang renyah ya');
			expect(jj).not.toContain('pedas');
			expect(mt).toMatch(/^Halo Sambal MT, saya Alice memesan lewat E-Crav\./);
			expect(mt).toMatch(/\nSubtotal: Rp\u00a025\.000\nOngkos antar: Rp\u00a05\.000\nTotal: Rp\u00a030\.000\nPengiriman: Diantar penjual — RW 02 RT 01, rumah cat hijau\nPembayaran: Bayar di tempat \(COD\)\nCatatan: Tidak terlalu pedas\n/);
			expect(mt).not.toContain('renyah');
			for (const text of [jj, mt]) {
				expect(text).toMatch(new RegExp(`Lihat pesanan: ${app.baseUrl.replace(/[.]/g, '\\.')}/jual/pesanan/ord_\\w+`));
				expect(text).not.toMatch(/Hello|Order code|Thank you|Delivery fee/);
			}
			// The link opens the order in the seller's inbox (after logging in).
			const orderPath = new URL(/Lihat pesanan: (\S+)/.exec(mt)![1]).pathname;
			const seller = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });
			const sp = await seller.newPage();
			await sp.goto(app.baseUrl + orderPath);
			await sp.waitForURL(/\/masuk/);
			await sp.getByLabel('E-mail atau nomor WhatsApp').fill('mt@cigadung.test');
			await sp.getByLabel('Kata sandi').fill('demo-cigadung-2024');
			await sp.getByRole('button', { name: 'Masuk' }).click();
			await sp.waitForURL((u) => u.pathname === orderPath);
			await expect(sp.getByText('Tidak terlalu pedas').count()).resolves.toBe(1);
			await expect(sp.getByText('Yang renyah ya').count()).resolves.toBe(0);
			await seller.close();
			await ctx.close();
		});
	});
});

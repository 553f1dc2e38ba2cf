import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';
import { expectNoHorizontalOverflow } from './a11y';

/**
 * Issue 8: a shop the coordinator opens from the roster is not public before its owner publishes a product. Its
 * page says it is not open yet (noindex, no WhatsApp number), and the catalog and the API leave it out.
 */
vi.setConfig({ testTimeout: 180_000 });

let app: RunningApp;
let browser: Browser;
const sessions = new Map<string, string>();

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('a roster shop before its owner publishes anything', () => {
	it('should say "not open yet" on its page and stay out of the catalog and the API (JS off, 320 px)', async () => {
		const coord = await contextFor(browser, app.baseUrl, 'koordinator@cigadung.test', PHONE.viewport, sessions);
		const page = await coord.newPage();
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);
		await page.getByLabel('Nama', { exact: true }).fill('Ibu Belum Buka');
		await page.getByLabel('Jenis usaha').fill('Penjual rengginang');
		await page.getByLabel('Nomor WhatsApp').fill('0812 6500 0001');
		await page.getByRole('button', { name: 'Tambah dan buat tautan' }).click();
		await page.goto(`${app.baseUrl}/koordinator/cigadung?q=${encodeURIComponent('Belum Buka')}`);
		await page.locator('a[href^="/jual?toko="]').first().click();
		const shopUrl = (await page.getByRole('link', { name: 'Lihat toko saya seperti pembeli' }).getAttribute('href'))!;
		const slug = new URL(shopUrl, app.baseUrl).pathname.split('/').pop()!;
		await coord.close();

		const buyer = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 800 }, javaScriptEnabled: false });
		const shop = await buyer.newPage();
		const res = await shop.goto(`${app.baseUrl}/c/cigadung/toko/${slug}`);
		expect(res?.status()).toBe(200);
		await expect(shop.getByText('Toko ini belum buka. Pemiliknya belum menampilkan produk apa pun.').count()).resolves.toBe(1);
		await expect(shop.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
		expect(await shop.locator('link[rel="canonical"]').count()).toBe(0);
		expect(await shop.locator('a[href*="wa.me"]').count()).toBe(0);
		expect(await shop.content()).not.toContain('6500');
		await expectNoHorizontalOverflow(shop);

		await shop.goto(`${app.baseUrl}/c/cigadung`);
		expect(await shop.locator(`a[href$="/toko/${slug}"]`).count()).toBe(0);
		await buyer.close();

		const list = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/shops`)).json();
		expect(list.data.map((s: { slug: string }) => s.slug)).not.toContain(slug);
		expect(list.data.length).toBeGreaterThan(0);
		expect((await fetch(`${app.baseUrl}/api/v1/communities/cigadung/shops/${slug}`)).status).toBe(404);
	});
});

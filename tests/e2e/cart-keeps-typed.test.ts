import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

vi.setConfig({ testTimeout: 180_000 });

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const PRODUCT = '/c/cigadung/toko/sambal-mt/sambal-bawang-150-ml';

async function add(page: Page) {
	await page.goto(`${app.baseUrl}${PRODUCT}`);
	await page.getByLabel('Jumlah').fill('1');
	await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
	await page.waitForURL(/\/keranjang$/);
}

const typed = (page: Page) =>
	Promise.all([
		page.getByRole('radio', { name: /Diantar penjual/ }).isChecked(),
		page.getByLabel('Alamat atau RW/RT (hanya untuk diantar)').inputValue(),
		page.getByLabel(/Catatan untuk Sambal MT/).inputValue(),
		page.getByLabel('Nama Anda').inputValue(),
		page.getByLabel('Nomor WhatsApp Anda').inputValue()
	]);

describe('cart keeps what the buyer typed at 390 px', () => {
	for (const js of [false, true]) {
		it(`should give back delivery, address, note, name and WhatsApp after leaving the cart, and forget them once ordered (JS ${js ? 'on' : 'off'})`, async () => {
			const ctx = await browser.newContext({ ...PHONE, viewport: { width: 390, height: 844 }, javaScriptEnabled: js });
			const page = await ctx.newPage();
			await add(page);
			await page.getByRole('radio', { name: /Diantar penjual/ }).check();
			await page.getByLabel('Alamat atau RW/RT (hanya untuk diantar)').fill('RW 02 RT 01, rumah cat hijau');
			await page.getByLabel(/Catatan untuk Sambal MT/).fill('Tidak terlalu pedas <b>ya</b>');
			await page.getByLabel('Nama Anda').fill('Siti Aminah');
			await page.getByLabel('Nomor WhatsApp Anda').fill('081298765432');
			await page.getByRole('button', { name: 'Hitung ulang' }).first().click();
			await page.waitForLoadState('load');
			const kept = [true, 'RW 02 RT 01, rumah cat hijau', 'Tidak terlalu pedas <b>ya</b>', 'Siti Aminah', '081298765432'];
			// Another product page, then "Tambah ke keranjang": everything typed is still there.
			await add(page);
			expect(await typed(page)).toEqual(kept);
			// Just coming back to the cart, too; and the page holding it is never stored by any cache.
			await page.goto(`${app.baseUrl}/c/cigadung`);
			const res = await page.goto(`${app.baseUrl}/c/cigadung/keranjang`);
			expect(res?.headers()['cache-control']).toContain('no-store');
			expect(await typed(page)).toEqual(kept);
			// Once ordered, they are cleared: the next cart starts empty.
			await page.getByRole('button', { name: 'Pesan sekarang' }).click();
			await page.waitForURL(/\/pesanan\//);
			await add(page);
			expect(await typed(page)).toEqual([false, '', '', '', '']);
			await ctx.close();
		});
	}
});

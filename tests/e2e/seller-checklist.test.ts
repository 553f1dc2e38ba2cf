import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './a11y';

/**
 * Issue 7 (left, items 1 and 2): the setup checklist ticked "Lokasi dan jam buka" with no opening hours, ticked
 * items were not links, and the seller home had no way to change shop data or payment. At 320 px, JS off.
 */

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const NARROW = { ...PHONE, viewport: { width: 320, height: 700 }, javaScriptEnabled: false };

async function login(page: Page, login: string) {
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL(/\/jual$/);
}

/** axe-core needs JavaScript in the page: check the same page, signed in as the same person, in a context with it on. */
async function expectAccessible(from: Page) {
	const ctx = await browser.newContext({ ...NARROW, javaScriptEnabled: true, storageState: await from.context().storageState() });
	const page = await ctx.newPage();
	await page.goto(from.url());
	await expectNoAxeViolations(page);
	await ctx.close();
}

const item = (page: Page, label: string) => page.locator('.checklist li').filter({ hasText: label });

describe('the seller checklist at 320 px without JavaScript', () => {
	it('should leave "Lokasi dan jam buka" unticked with an area but no hours, and tick it once the hours are saved', async () => {
		const ctx = await browser.newContext(NARROW);
		const page = await ctx.newPage();
		page.setDefaultTimeout(15_000);
		await login(page, 'jj@cigadung.test');

		// the demo shop has its RW but no opening hours
		const where = item(page, 'Lokasi dan jam buka');
		await expect(where.locator('[aria-hidden=true]').first().textContent()).resolves.toBe('○');
		await expect(where.getByRole('link').textContent()).resolves.toBe('belum: Lokasi dan jam buka');
		await expect(where.locator('.detail').textContent()).resolves.toMatch(/^RW \d{2} · jam buka belum diisi$/);
		const before = await page.getByRole('heading', { name: /Toko siap jualan/ }).textContent();

		// every item, ticked or not, is a link to where it is changed
		const links = page.locator('.checklist li a');
		await expect(links.count()).resolves.toBe(8);
		await expect(item(page, 'Nama toko').getByRole('link').getAttribute('href')).resolves.toBe('/jual/mulai/nama?ubah=1');
		await expect(item(page, 'Nama toko').getByRole('link').textContent()).resolves.toBe('sudah: Nama toko');
		await expect(item(page, 'Cara pembayaran').getByRole('link').getAttribute('href')).resolves.toBe('/jual/mulai/pembayaran?ubah=1');
		await expect(item(page, 'Produk pertama').getByRole('link').getAttribute('href')).resolves.toBe('#products');
		await expectNoHorizontalOverflow(page);
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Ubah lokasi dan jam buka' }).click();
		await page.waitForURL(/\/jual\/mulai\/lokasi\?ubah=1$/);
		await expect(page.getByRole('navigation', { name: 'Bagian data toko' }).getByRole('link', { name: 'Lokasi dan jam buka' }).getAttribute('aria-current')).resolves.toBe('page');
		await expectNoHorizontalOverflow(page);
		await expectAccessible(page);
		await page.getByLabel('Jam buka').fill('Setiap hari 08.00–16.00');
		await page.getByRole('button', { name: 'Simpan', exact: true }).click();

		// back home, told what was saved, and the item is ticked with what is stored
		await page.waitForURL(/\/jual$/);
		await expect(page.getByRole('status').filter({ hasText: 'Tersimpan: Lokasi dan jam buka.' }).count()).resolves.toBe(1);
		await expect(where.locator('[aria-hidden=true]').first().textContent()).resolves.toBe('✓');
		await expect(where.getByRole('link').textContent()).resolves.toBe('sudah: Lokasi dan jam buka');
		await expect(where.locator('.detail').textContent()).resolves.toMatch(/^RW \d{2} · Setiap hari 08\.00–16\.00$/);
		const count = (t: string | null) => Number(/\((\d)\/8\)/.exec(t ?? '')?.[1]);
		expect(count(await page.getByRole('heading', { name: /Toko siap jualan/ }).textContent())).toBe(count(before) + 1);

		// said once: a reload does not repeat it
		await page.reload();
		await expect(page.getByText('Tersimpan:').count()).resolves.toBe(0);
		await ctx.close();
	});

	it('should offer plain entries to change shop data, location and payment, each saving back to the home', async () => {
		const ctx = await browser.newContext(NARROW);
		const page = await ctx.newPage();
		page.setDefaultTimeout(15_000);
		await login(page, 'mt@cigadung.test');
		const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Data toko' }) });
		await expect(section.getByRole('link', { name: 'Ubah data toko' }).getAttribute('href')).resolves.toBe('/jual/mulai/nama?ubah=1');
		await expect(section.getByRole('link', { name: 'Ubah lokasi dan jam buka' }).getAttribute('href')).resolves.toBe('/jual/mulai/lokasi?ubah=1');
		await expect(section.getByRole('link', { name: 'Ubah pembayaran' }).getAttribute('href')).resolves.toBe('/jual/mulai/pembayaran?ubah=1');

		await section.getByRole('link', { name: 'Ubah pembayaran' }).click();
		await page.waitForURL(/\/jual\/mulai\/pembayaran\?ubah=1$/);
		await expect(page.getByText(/Langkah \d dari 8/).count()).resolves.toBe(0);
		await expectNoHorizontalOverflow(page);
		await expect(page.getByRole('checkbox', { name: 'Bayar di tempat (COD)' }).isChecked()).resolves.toBe(true);
		await page.getByRole('button', { name: 'Simpan', exact: true }).click();
		await page.waitForURL(/\/jual$/);
		await expect(page.getByText('Tersimpan: Cara pembayaran.').count()).resolves.toBe(1);

		await page.getByRole('link', { name: 'Ubah data toko' }).click();
		await page.waitForURL(/\/jual\/mulai\/nama\?ubah=1$/);
		const parts = page.getByRole('navigation', { name: 'Bagian data toko' });
		await expect(parts.getByRole('link').count()).resolves.toBe(7);
		await parts.getByRole('link', { name: 'Cerita singkat toko' }).click();
		await page.waitForURL(/\/jual\/mulai\/cerita\?ubah=1$/);
		await page.getByRole('link', { name: 'Batal, kembali ke toko saya' }).click();
		await page.waitForURL(/\/jual$/);
		await expect(page.getByText('Tersimpan:').count()).resolves.toBe(0);
		await expectNoHorizontalOverflow(page);
		await ctx.close();
	});

	it('should keep the wizard moving forward and say on the next step what was saved', async () => {
		const ctx = await browser.newContext(NARROW);
		const page = await ctx.newPage();
		page.setDefaultTimeout(15_000);
		await login(page, 'jj@cigadung.test');
		await page.goto(`${app.baseUrl}/jual/mulai/lokasi`);
		await expect(page.getByText('Langkah 5 dari 8').count()).resolves.toBe(1);
		await page.getByLabel('Tempat ambil pesanan').fill('Depan masjid');
		await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await page.waitForURL(/\/jual\/mulai\/pengiriman$/);
		await expect(page.getByRole('status').filter({ hasText: 'Tersimpan: Lokasi dan jam buka.' }).count()).resolves.toBe(1);

		// the editor shows a saved price the way it is typed and read: "13.000", not "13000"
		await page.goto(`${app.baseUrl}/jual`);
		await page.getByRole('link', { name: 'Ketempling Pedas 250 g' }).click();
		await expect(page.getByLabel('Harga (Rp)').inputValue()).resolves.toBe('13.000');
		await ctx.close();
	});
});

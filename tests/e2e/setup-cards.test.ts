import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';
import { expectNoHorizontalOverflow } from './a11y';

/**
 * Issue 8 (g), JS off: printing QR cards retires the setup links already made. The roster says which member has a
 * link out (made, not necessarily sent: E-Crav does not send it), and the print goes first to a page that names them
 * ("Tautan yang sudah dibuat untuk 1 anggota ini tidak berlaku lagi setelah kartu dicetak"); the PDF comes only from there.
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

describe('QR cards retire links, and say so first', () => {
	it('should name the ticked member whose link is out before printing, at 320 px without JS', async () => {
		await (await contextFor(browser, app.baseUrl, 'koordinator@cigadung.test', { width: 320, height: 800 }, sessions)).close();
		const ctx = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 800 }, javaScriptEnabled: false, storageState: JSON.parse(sessions.get('koordinator@cigadung.test')!) });
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);
		await page.getByLabel('Nama', { exact: true }).fill('Ibu Ëni Kartu');
		await page.getByLabel('Jenis usaha').fill('Penjual kue');
		await page.getByLabel('Nomor WhatsApp').fill('0812 6300 0001');
		await page.getByRole('button', { name: 'Tambah dan buat tautan' }).click();
		await expect(page.getByRole('heading', { name: /Ibu Ëni Kartu/ }).first().count()).resolves.toBeGreaterThan(0);

		await page.goto(`${app.baseUrl}/koordinator/cigadung?q=${encodeURIComponent('Ëni Kartu')}`);
		const card = page.locator('li.member-card', { has: page.getByRole('heading', { name: 'Ibu Ëni Kartu' }) });
		await expect(card.locator('.link-out').textContent()).resolves.toMatch(/^Tautan dibuat, berlaku sampai .+ — kirim ke Ibu Ëni Kartu lewat WhatsApp \(E-Crav tidak mengirimnya sendiri\)\. Mencetak kartu membatalkannya\.$/);
		await card.getByLabel('Pilih untuk kartu QR').check();
		await expectNoHorizontalOverflow(page);

		const [check] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: 'Cetak kartu QR (PDF)' }).click()]);
		await check.waitForLoadState();
		expect(new URL(check.url()).pathname).toBe('/koordinator/cigadung/kartu/periksa');
		await expect(check.getByRole('heading', { name: 'Tautan yang sudah dibuat untuk 1 anggota ini tidak berlaku lagi setelah kartu dicetak:' }).count()).resolves.toBe(1);
		await expect(check.getByRole('listitem').filter({ hasText: 'Ibu Ëni Kartu' }).count()).resolves.toBe(1);
		await expectNoHorizontalOverflow(check);
		await check.screenshot({ path: '/tmp/sec-b-cards-check.png', fullPage: true });

		const [pdf] = await Promise.all([check.waitForResponse((r) => r.url().endsWith('/koordinator/cigadung/kartu') && r.request().method() === 'POST'), check.getByRole('button', { name: 'Cetak 1 kartu QR' }).click().catch(() => {})]);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');

		// The old link is gone now, and the roster shows the new one as the link out.
		await page.goto(`${app.baseUrl}/koordinator/cigadung?q=${encodeURIComponent('Ëni Kartu')}`);
		await expect(card.locator('.link-out').count()).resolves.toBe(1);
		await ctx.close();
	});
});

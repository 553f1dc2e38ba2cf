import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';
import { expectNoHorizontalOverflow } from './a11y';

/**
 * Issue 10 item 4 in the browser, JavaScript off: the seller finds "Promosikan toko" on the home, downloads the A4
 * poster (a PDF of one A4 page), sees the shop link with `?src=whatsapp` ready to copy; the coordinator downloads the
 * community's catalog from the roster and opens a shop's poster page from its member card.
 */
vi.setConfig({ testTimeout: 180_000 });

let app: RunningApp;
let browser: Browser;
const sessions = new Map<string, string>();
const dir = mkdtempSync(join(tmpdir(), 'ecrav-posters-'));

function pdfInfo(bytes: Buffer, name: string): string {
	const file = join(dir, name);
	writeFileSync(file, bytes);
	return execFileSync('pdfinfo', [file]).toString('utf8');
}

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('Promosikan toko', () => {
	it('should let the seller download the A4 poster and copy the WhatsApp link at 390 px without JS', async () => {
		await (await contextFor(browser, app.baseUrl, 'mt@cigadung.test', PHONE.viewport, sessions)).close();
		const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, acceptDownloads: true, storageState: JSON.parse(sessions.get('mt@cigadung.test')!) });
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/jual`);
		await page.getByRole('link', { name: 'Promosikan toko' }).click();
		await page.waitForURL((u) => u.pathname === '/jual/promosi');
		await expect(page.getByRole('heading', { level: 1, name: 'Promosikan toko' }).count()).resolves.toBe(1);
		const link = await page.getByLabel('Tautan toko', { exact: true }).inputValue();
		expect(link).toBe(`${app.baseUrl}/c/cigadung/toko/sambal-mt?src=whatsapp`);
		await expectNoHorizontalOverflow(page);
		await page.screenshot({ path: join(dir, 'promosi-390.png'), fullPage: true });

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Poster besar (A4)' }).click()]);
		expect(new URL(download.url()).pathname).toBe('/jual/promosi/poster-a4.pdf');
		expect(download.suggestedFilename()).toBe('poster-sambal-mt-a4.pdf');
		const response = await ctx.request.get(download.url());
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		const bytes = readFileSync((await download.path())!);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const info = pdfInfo(bytes, 'a4.pdf');
		expect(info).toMatch(/Pages:\s+1\n/);
		expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);

		const a6 = await ctx.request.get(`${app.baseUrl}/jual/promosi/poster-a6.pdf`);
		expect(a6.headers()['content-type']).toBe('application/pdf');
		expect(pdfInfo(await a6.body(), 'a6.pdf')).toMatch(/Page size:\s+297\.6\d? x 419\.5\d? pts/);
		const catalog = await ctx.request.get(`${app.baseUrl}/jual/promosi/katalog.pdf`);
		expect(catalog.headers()['content-type']).toBe('application/pdf');

		// a seller reading the site in English still prints for the village's buyers, in Bahasa Indonesia
		await page.goto(`${app.baseUrl}/bahasa?ke=en`);
		await page.goto(`${app.baseUrl}/jual/promosi`);
		await expect(page.getByRole('heading', { level: 1, name: 'Promote your shop' }).count()).resolves.toBe(1);
		const english = await ctx.request.get(`${app.baseUrl}/jual/promosi/poster-a4.pdf`);
		writeFileSync(join(dir, 'en.pdf'), await english.body());
		const text = execFileSync('pdftotext', [join(dir, 'en.pdf'), '-']).toString('utf8');
		expect(text).toContain('Pesan online');
		expect(text).not.toContain('Order online');
		await ctx.close();
	});

	it("should give the coordinator the community catalog and each shop's posters from the roster", async () => {
		const ctx = await contextFor(browser, app.baseUrl, 'koordinator@cigadung.test', PHONE.viewport, sessions);
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Katalog semua toko (PDF)' }).click()]);
		expect(download.suggestedFilename()).toBe('katalog-cigadung.pdf');
		const response = await ctx.request.get(download.url());
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(pdfInfo(readFileSync((await download.path())!), 'desa.pdf')).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);

		const card = page.locator('li.member-card', { hasText: 'Sambal MT' }).first();
		await card.getByRole('link', { name: 'Poster' }).click();
		await page.waitForURL((u) => u.pathname === '/jual/promosi');
		const a4 = await ctx.request.get(`${app.baseUrl}/jual/promosi/poster-a4.pdf${new URL(page.url()).search}`);
		expect(a4.status()).toBe(200);
		expect(a4.headers()['content-disposition']).toBe('attachment; filename="poster-sambal-mt-a4.pdf"');
		await ctx.close();
	});
});

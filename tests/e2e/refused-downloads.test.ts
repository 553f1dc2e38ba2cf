import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { DEMO_PASSWORD } from './pages';

/**
 * Issue 10 review: a refused download on a seller's or coordinator's page (another shop's poster, the community's
 * katalog.pdf, another shop's Shopee file) showed a JSON body in the browser. Page routes answer the site's own HTML
 * 404 page, whatever the browser's Accept (a `download` link sends `*\/*`); the API keeps its JSON.
 */
let app: RunningApp;
let browser: Browser;
let jjShopId: string;

async function signedIn(login: string): Promise<BrowserContext> {
	const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, acceptDownloads: true });
	const page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
	await page.close();
	return ctx;
}

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	const db = new Database(join(app.dataDir, 'ecrav.sqlite'), { readonly: true });
	try {
		jjShopId = (db.prepare("select id from shop where slug = 'ketempling-jj'").get() as { id: string }).id;
	} finally {
		db.close();
	}
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('a refused download on a page route', () => {
	it("should show another seller the site's 404 page (HTML) for JJ's poster, catalog and Shopee file, and the community catalog", async () => {
		const ctx = await signedIn('mt@cigadung.test');
		const page = await ctx.newPage();
		const refused = [
			`/jual/promosi/poster-a4.pdf?toko=${jjShopId}`,
			`/jual/promosi/katalog.pdf?toko=${jjShopId}`,
			`/jual/shopee/unduh?toko=${jjShopId}`,
			'/koordinator/cigadung/katalog.pdf',
			'/koordinator/cigadung/ekspor/anggota.xlsx'
		];
		for (const path of refused) {
			// what a tapped `download` link sends, and what a typed address sends
			for (const accept of ['*/*', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8']) {
				const res = await ctx.request.get(`${app.baseUrl}${path}`, { headers: { accept } });
				expect(res.status(), `${path} (${accept})`).toBe(404);
				expect(res.headers()['content-type'], `${path} (${accept})`).toMatch(/^text\/html/);
				const html = await res.text();
				expect(html, path).toContain('Halaman tidak ditemukan');
				expect(html, path).not.toContain('"message"');
			}
			const shown = await page.goto(`${app.baseUrl}${path}`);
			expect(shown?.status(), path).toBe(404);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Halaman tidak ditemukan');
			// styled like every page: its stylesheet loads from the address shown
			await expect(page.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0))).resolves.toBeGreaterThan(10);
			await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		}
		await page.screenshot({ path: '/tmp/refused-download-390.png' });
		// the seller's own poster still downloads
		const own = await ctx.request.get(`${app.baseUrl}/jual/promosi/poster-a4.pdf`, { headers: { accept: '*/*' } });
		expect([own.status(), own.headers()['content-type']]).toEqual([200, 'application/pdf']);
		await ctx.close();
	}, 90_000);

	it('should answer a refused printing form (a POST that opens a PDF in a new tab) with a plain Indonesian page, not a bare one', async () => {
		// tester 2026-12-02: a refused card print opened SvelteKit's fallback page, its styles blocked by the strict policy
		const ctx = await signedIn('pendamping@cigadung.test');
		const res = await ctx.request.post(`${app.baseUrl}/koordinator/cigadung/pelatihan/trn_tidak_ada/kartu-absen`, { form: { memberId: 'x' }, headers: { accept: 'text/html', origin: app.baseUrl } });
		expect(res.status()).toBe(404);
		expect(res.headers()['content-type']).toMatch(/^text\/html/);
		const html = await res.text();
		expect(html).toContain('<html lang="id">');
		expect(html).toContain('<h1>Pelatihan tidak ditemukan.</h1>');
		expect(html).toContain('Tidak ada yang berubah. Tutup tab ini');
		expect(html).not.toMatch(/<style|<script/);
		await ctx.close();
	}, 60_000);

	it('should keep JSON for the API, and for a page-route caller that asks for JSON', async () => {
		const login = await (await fetch(`${app.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'mt@cigadung.test', password: DEMO_PASSWORD }) })).json();
		const api = await fetch(`${app.baseUrl}/api/v1/shops/${jjShopId}/exports/shopee.xlsx`, { headers: { authorization: `Bearer ${login.token}`, accept: '*/*' } });
		expect(api.status).toBe(404);
		expect(api.headers.get('content-type')).toMatch(/^application\/json/);
		expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');

		const ctx = await signedIn('mt@cigadung.test');
		const res = await ctx.request.get(`${app.baseUrl}/jual/shopee/unduh?toko=${jjShopId}`, { headers: { accept: 'application/json' } });
		expect(res.status()).toBe(404);
		expect(res.headers()['content-type']).toMatch(/^application\/json/);
		await ctx.close();
	}, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

/** Issue 8 item 12: CSP without 'unsafe-inline' scripts, COOP, HSTS on HTTPS, the same headers on /_app/ files. */

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

function scriptSrc(csp: string | null): string {
	return (csp ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
}

describe('security headers', () => {
	it("should send a CSP without 'unsafe-inline' scripts, COOP and nosniff on pages, the API and /_app/ files, and no HSTS over plain HTTP", async () => {
		const appFile = `/_app/${(await readdir('build/client/_app')).find((f) => f.endsWith('.json')) ?? 'version.json'}`;
		for (const path of ['/', '/c/cigadung', '/masuk', '/api/v1/communities', appFile, '/downscale.js']) {
			const res = await fetch(app.baseUrl + path);
			expect(res.status, path).toBe(200);
			const csp = res.headers.get('content-security-policy');
			expect(csp, path).toBeTruthy();
			expect(scriptSrc(csp), path).not.toContain('unsafe-inline');
			expect(csp, path).toContain("frame-ancestors 'none'");
			expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('strict-transport-security'), path).toBeNull();
		}
	});

	it('should let the seller pages work with no CSP violation in the browser', async () => {
		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
		});
		await page.goto(`${app.baseUrl}/masuk`);
		await page.getByLabel('E-mail atau nomor WhatsApp').fill('jj@cigadung.test');
		await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
		await page.getByRole('button', { name: 'Masuk' }).click();
		await page.waitForURL(/\/jual/);
		await page.locator('a[href^="/jual/produk/prod_"]').first().click();
		await page.waitForURL(/\/jual\/produk\/prod_/);
		// The editor's one script (photo downscale before upload) loaded and ran under the policy.
		await expect.poll(() => page.evaluate(() => [...document.scripts].some((s) => s.src.endsWith('/downscale.js')))).toBe(true);
		await page.goto(`${app.baseUrl}/c/cigadung`);
		expect(violations).toEqual([]);
		await context.close();
	});

	it('should send Strict-Transport-Security when ORIGIN is https', async () => {
		const https = await startApp({ ORIGIN: 'https://pasar.example', ECRAV_DEMO: 'off' });
		try {
			for (const path of ['/', '/healthz', '/_app/version.json']) {
				const res = await fetch(https.baseUrl + path);
				expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d{7,}/);
			}
		} finally {
			await https.stop();
		}
	});
});

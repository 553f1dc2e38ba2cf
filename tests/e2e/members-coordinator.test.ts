import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { DEMO_PASSWORD } from './pages';

/**
 * The coordinator's pages at 390 × 844 with JavaScript off (a village phone): the adoption funnel offers the
 * invite to members who cannot log in yet, and the scores page tells members known by one initial apart.
 */
let app: RunningApp;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let token = '';

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
	page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill('koordinator@cigadung.test');
	await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
	const login = await (await fetch(`${app.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'koordinator@cigadung.test', password: DEMO_PASSWORD }) })).json();
	token = login.token;
}, 180_000);
afterAll(async () => {
	await ctx?.close();
	await browser?.close();
	await app?.stop();
});

const api = (path: string, init: RequestInit = {}) => fetch(`${app.baseUrl}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

describe('adoption funnel: members without an account', () => {
	it('should say "Belum punya akun" and offer the invite instead of a WhatsApp nudge to /jual', async () => {
		await page.goto(`${app.baseUrl}/koordinator/cigadung/adopsi`);
		const items = page.locator('ul.stuck > li');
		const total = await items.count();
		expect(total).toBe(26);
		const without = items.filter({ hasText: 'Belum punya akun' });
		const withoutCount = await without.count();
		// the demo has two sellers with a login (JJ and MT); the other 24 cannot open /jual yet
		expect(withoutCount).toBe(24);
		for (const li of await without.all()) {
			expect(await li.locator('a.wa').count()).toBe(0);
			expect(await li.getByRole('button', { name: /^Undang pemilik/ }).count()).toBe(1);
		}
		// whoever gets a nudge can log in: no nudge sends a member without an account to /jual
		const nudges = await page.locator('a.wa').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).href)));
		expect(nudges.length).toBe(total - withoutCount);
		for (const li of await items.filter({ hasNotText: 'Belum punya akun' }).all()) expect(await li.locator('a.wa').count()).toBe(1);
	});

	it('should make the setup link with the roster\'s invite flow and show it with a WhatsApp send', async () => {
		await page.goto(`${app.baseUrl}/koordinator/cigadung/adopsi`);
		const donat = page.locator('ul.stuck > li').filter({ hasText: 'Donat N' });
		await donat.getByRole('button', { name: /^Undang pemilik/ }).click();
		await page.waitForLoadState('load');
		expect(new URL(page.url()).pathname).toBe('/koordinator/cigadung');
		expect((await page.locator('code.link').textContent())!.trim()).toMatch(/\/atur-sandi\/[A-Za-z0-9_-]{43}$/);
		expect(await page.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href')).toMatch(/^https:\/\/wa\.me\/62\d+\?text=/);
		// invited now, still without a password: the funnel still offers the invite (a fresh link), not /jual
		await page.goto(`${app.baseUrl}/koordinator/cigadung/adopsi`);
		const again = page.locator('ul.stuck > li').filter({ hasText: 'Donat N' });
		expect(await again.getByText('Belum punya akun').count()).toBe(1);
		expect(await again.locator('a.wa').count()).toBe(0);
	});
});

describe('test scores page', () => {
	it('should name each member with their shop, so members known by the same initial can be told apart', async () => {
		const programs = await (await api('/api/v1/communities/cigadung/programs')).json();
		const res = await api(`/api/v1/programs/${programs.data[0].id}/trainings`, { method: 'POST', body: JSON.stringify({ title: 'Foto produk dengan HP', startsAt: new Date().toISOString(), venue: 'Aula Kelurahan Cigadung' }) });
		expect(res.status).toBe(201);
		const training = await res.json();
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${training.id}/nilai`);
		const rows = (await page.locator('table.scores tbody th[scope="row"]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
		expect(rows.length).toBe(26);
		// the field report knows three sellers only as "U": each row still says who it is
		expect(rows.filter((r) => /^U /.test(r)).length).toBe(3);
		expect(new Set(rows).size).toBe(rows.length);
		expect(rows).toContain('MT Sambal MT');
		// the score fields are named the same way for a screen reader, and no phone number is shown
		expect(await page.getByLabel('Nilai Pre-test MT (Sambal MT)').count()).toBe(1);
		expect(await page.locator('table.scores').textContent()).not.toMatch(/08\d{2}|\+62|62\d{8}/);
	});
});

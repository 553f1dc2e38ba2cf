import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { formatDay } from '../../src/lib/utils/dates';
import { COORDINATOR_PAGES, contextFor, makeFixtures, type Fixtures, type PageToVisit } from './pages';

/**
 * Coordinators and facilitators read dates as people write them ("28 Nov 2024"), never as stored
 * ("2024-11-28"): the program list and header, the stage cards, the handover, the mentoring log and the due
 * list. The demo program carries stage and handover dates; a mentoring note with a follow-up today is added
 * so the member page and the due list have dates to show.
 */
let app: RunningApp;
let browser: Browser;
let fixtures: Fixtures;
const sessions = new Map<string, string>();
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/g;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	fixtures = await makeFixtures(browser, app.baseUrl, sessions);
	const ctx = await contextFor(browser, app.baseUrl, 'pendamping@cigadung.test', PHONE.viewport, sessions);
	const page = await ctx.newPage();
	await page.goto(app.baseUrl + fixtures.memberPath);
	const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
	await page.getByLabel('Topik').fill('Foto produk');
	await page.getByLabel('Catatan', { exact: true }).fill('Foto ulang di dekat jendela, 2 produk.');
	await page.getByLabel(/^Tanggal tindak lanjut/).fill(today);
	await Promise.all([page.waitForURL((u) => u.searchParams.has('tersimpan')), page.getByRole('button', { name: 'Simpan catatan' }).click()]);
	// a manual indicator with a dated value, for the plan page and the dashboard
	await page.goto(`${app.baseUrl}/koordinator/cigadung/program/${fixtures.programId}/rencana`);
	await page.locator('#new-label').fill('UMKM yang ikut bazar kelurahan');
	await page.locator('#new-unit').fill('UMKM');
	await page.getByRole('button', { name: 'Tambah indikator' }).click();
	const ind = page.locator('details').filter({ hasText: 'UMKM yang ikut bazar kelurahan' });
	await ind.locator('summary').click();
	await ind.getByLabel('Tanggal', { exact: true }).fill('2024-11-30');
	await ind.getByLabel('Angka').fill('4');
	await ind.getByRole('button', { name: 'Catat angka' }).click();
	await ctx.close();
}, 240_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function isoDatesOn(p: PageToVisit, path: string): Promise<string[]> {
	const ctx = await contextFor(browser, app.baseUrl, p.as, PHONE.viewport, sessions);
	try {
		const page = await ctx.newPage();
		const res = await page.goto(app.baseUrl + path);
		expect(res?.status(), path).toBe(200);
		// every text node, also inside closed <details> and screen-reader-only spans (not scripts or styles)
		const text = await page.evaluate(() => {
			const body = document.body.cloneNode(true) as HTMLElement;
			for (const el of body.querySelectorAll('script, style, template')) el.remove();
			return body.textContent ?? '';
		});
		return text.match(ISO_DAY) ?? [];
	} finally {
		await ctx.close();
	}
}

describe('dates on coordinator and facilitator pages', () => {
	it('should show the demo dates in Indonesian on the program page (stages and handover)', async () => {
		const ctx = await contextFor(browser, app.baseUrl, 'koordinator@cigadung.test', PHONE.viewport, sessions);
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/koordinator/cigadung/program/${fixtures.programId}`);
		const text = await page.locator('main').innerText();
		await ctx.close();
		expect(text).toContain('28 Okt 2024 – 6 Des 2024');
		expect(text).toContain('28 Nov 2024 – 3 Des 2024');
		expect(text).toMatch(/Tanggal serah terima\s+6 Des 2024/);
	});

	it('should show a manual indicator value with its day in Indonesian', async () => {
		const ctx = await contextFor(browser, app.baseUrl, 'koordinator@cigadung.test', PHONE.viewport, sessions);
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/koordinator/cigadung/program/${fixtures.programId}/dasbor`);
		const text = await page.locator('main').innerText();
		await ctx.close();
		expect(text).toContain('(30 Nov 2024)');
	});

	it('should show a mentoring follow-up in Indonesian on the member page and the due list', async () => {
		const ctx = await contextFor(browser, app.baseUrl, 'pendamping@cigadung.test', PHONE.viewport, sessions);
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pendampingan`);
		const due = await page.locator('main').innerText();
		await ctx.close();
		expect(due).toContain('Foto produk');
		expect(due).toContain(formatDay(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)));
	});

	it.each(COORDINATOR_PAGES.map((p) => [p.name, p] as const))('%s should show no ISO date', async (_, p) => {
		const path = typeof p.path === 'string' ? p.path : p.path(fixtures);
		expect(await isoDatesOn(p, path), `${p.name} (${path})`).toEqual([]);
	});
});

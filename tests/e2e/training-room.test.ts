import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { ensureProgramAndMembers } from './program-fixture';
import { expectNoAxeViolations } from './a11y';
import Database from 'better-sqlite3';
import { join } from 'node:path';

let app: RunningApp;
let browser: Browser;
let programId: string;
let coordToken: string;
let trainingId: string;
/** Members with no login yet (funnel level `invited`): ticked present, they stand at `hadir`. */
let newcomers: { memberId: string; name: string }[];
let seq = 0;

const call = async (method: string, path: string, token?: string, body?: unknown) => {
	const res = await fetch(app.baseUrl + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
	const type = res.headers.get('content-type') ?? '';
	return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
};
const token = async (login: string) => (await call('POST', '/api/v1/auth/login', undefined, { login, password: 'demo-cigadung-2024' })).body.token as string;
/** The facilitator's phone ticks a member present; `agoMs` back-dates the tick as a phone queue sending late would. */
const tickPresent = (memberId: string, agoMs = 0) => call('POST', `/api/v1/trainings/${trainingId}/attendance`, coordToken, { events: [{ id: `e2e-room-${++seq}-${Date.now()}`, memberId, present: true, at: new Date(Date.now() - agoMs).toISOString() }] });
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function signIn(context: BrowserContext, login: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
	return page;
}

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	({ programId } = ensureProgramAndMembers(app.dataDir));
	coordToken = await token('koordinator@cigadung.test');
	const created = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'Pelatihan Jualan Online', startsAt: new Date(Date.now() - 30 * 60_000).toISOString(), venue: 'Gedung Serbaguna Kelurahan Cigadung' });
	expect(created.status).toBe(201);
	trainingId = created.body.id;
	const funnel = await call('GET', `/api/v1/programs/${programId}/funnel`, coordToken);
	newcomers = (funnel.body.data as { memberId: string; name: string; level: string }[]).filter((m) => m.level === 'invited').map((m) => ({ memberId: m.memberId, name: m.name }));
	expect(newcomers.length).toBeGreaterThanOrEqual(2);
	// the demo's shops are all live already; two of them start over (their products archived), as a newcomer would
	const db = new Database(join(app.dataDir, 'ecrav.sqlite'));
	db.pragma('busy_timeout = 5000');
	for (const m of newcomers.slice(0, 2)) db.prepare("update product set status = 'archived' where shop_id = (select shop_id from member where id = ?)").run(m.memberId);
	db.close();
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe("the facilitator's list of the room", () => {
	it('should put a member stuck for more than 5 minutes first, live, on a 390×844 phone, and fit 320 px', async () => {
		const context = await browser.newContext(PHONE);
		const page = await signIn(context, 'pendamping@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${trainingId}`);
		await page.getByTestId('room-link').click();
		await page.waitForURL((u) => u.pathname.endsWith('/ruang'));
		await page.getByTestId('room-none-stuck').waitFor();
		const stuck = newcomers[0];
		const stuckRow = page.locator(`[data-testid="room-first"] [data-member="${stuck.memberId}"]`);
		expect(await stuckRow.count()).toBe(0);

		// checked in seven minutes ago and still at "Hadir": the list moves them to the top without a reload
		let reloads = 0;
		page.on('framenavigated', () => reloads++);
		const ticked = Date.now();
		expect((await tickPresent(stuck.memberId, 7 * 60_000)).status).toBe(200);
		await stuckRow.waitFor({ timeout: 4_000 });
		console.log(`facilitator list showed the stuck member after ${((Date.now() - ticked) / 1000).toFixed(2)} s`);
		expect(reloads).toBe(0);
		expect(await stuckRow.textContent()).toContain('sejak 7 menit');
		expect(await page.getByTestId('room-summary').textContent()).toMatch(/^1 tertahan lebih dari 5 menit/);

		// someone who just walked in is listed below, not among the stuck
		expect((await tickPresent(newcomers[1].memberId)).status).toBe(200);
		const fresh = page.locator(`[data-testid="room-rest"] [data-member="${newcomers[1].memberId}"][data-present="true"]`);
		await fresh.waitFor({ timeout: 4_000 });
		expect(await fresh.textContent()).toContain('baru saja');

		expect(await overflow(page)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: '/tmp/room-390.png' });
		await expectNoAxeViolations(page, "facilitator's list of the room");
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: '/tmp/room-320.png' });
		await context.close();
	});

	it('should refresh itself without JavaScript, and be no page at all for a seller', async () => {
		const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await signIn(context, 'koordinator@cigadung.test');
		const res = await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${trainingId}/ruang`);
		expect(res?.status()).toBe(200);
		expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
		expect(await page.locator(`[data-testid="room-first"] [data-member="${newcomers[0].memberId}"]`).count()).toBe(1);
		await context.close();

		const seller = await browser.newContext(PHONE);
		const sellerPage = await signIn(seller, 'jj@cigadung.test');
		expect((await sellerPage.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${trainingId}/ruang`))?.status()).toBe(404);
		await seller.close();
	});
});

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
		expect(await page.getByTestId('room-summary').textContent()).toMatch(/^0 minta bantuan · 1 tertahan lebih dari 5 menit/);

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

	it('should show a member\'s "minta bantuan" live on the list (first) and on the board tile, until the facilitator clears it', async () => {
		const board = await call('POST', `/api/v1/trainings/${trainingId}/board-links`, coordToken);
		expect(board.status).toBe(201);
		const projector = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'id-ID' });
		const boardPage = await projector.newPage();
		const stream = boardPage.waitForResponse((r) => r.url().endsWith('/events'));
		await boardPage.goto(board.body.url);
		await stream;

		const staff = await browser.newContext(PHONE);
		const list = await signIn(staff, 'pendamping@cigadung.test');
		await list.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${trainingId}/ruang`);
		let reloads = 0;
		list.on('framenavigated', () => reloads++);

		// the seller's phone, JavaScript off: a plain form button on her shop page
		const phone = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const seller = await signIn(phone, 'jj@cigadung.test');
		await seller.goto(`${app.baseUrl}/jual`);
		await seller.getByTestId('help-bar').waitFor();
		expect(await overflow(seller)).toBeLessThanOrEqual(0);
		const raised = Date.now();
		await seller.getByRole('button', { name: /Minta bantuan pendamping/ }).click();
		await seller.waitForURL((u) => u.pathname === '/jual');
		expect(await seller.getByTestId('help-bar').textContent()).toContain('Pendamping sudah diberi tahu');
		await seller.screenshot({ path: '/tmp/help-seller-390.png' });
		await seller.setViewportSize({ width: 320, height: 640 });
		expect(await overflow(seller)).toBeLessThanOrEqual(0);

		const row = list.locator('[data-testid="room-first"] li[data-help="true"]');
		await row.first().waitFor({ timeout: 3_000 });
		console.log(`facilitator list showed the raised hand after ${((Date.now() - raised) / 1000).toFixed(2)} s`);
		expect(reloads).toBe(0);
		expect(await list.locator('[data-testid="room-first"] li').first().getAttribute('data-help')).toBe('true');
		expect(await row.first().textContent()).toContain('JJ');
		const memberId = (await row.first().getAttribute('data-member'))!;
		const tile = boardPage.locator(`[data-member="${memberId}"]`);
		await expect.poll(() => tile.getAttribute('data-help'), { timeout: 2_000, interval: 100 }).toBe('true');
		expect(await tile.locator('.ask').textContent()).toContain('Minta bantuan');
		// nothing private on the projector: the tile holds the first name, the step and the flag
		expect(await tile.textContent()).not.toMatch(/\d{6,}/);
		await boardPage.screenshot({ path: '/tmp/help-board-1280.png' });
		await list.screenshot({ path: '/tmp/help-list-390.png' });
		await expectNoAxeViolations(list, "facilitator's list with a raised hand");

		// "Sudah dibantu": the flag comes down on the list and the board
		await row.first().getByRole('button', { name: 'Sudah dibantu: JJ' }).click();
		await list.waitForURL((u) => u.searchParams.get('tersimpan') === 'dibantu');
		expect(await list.locator(`li[data-member="${memberId}"]`).first().getAttribute('data-help')).toBe('false');
		await expect.poll(() => tile.getAttribute('data-help'), { timeout: 3_000, interval: 100 }).toBe('false');

		// she can raise it again and take it back herself
		await seller.goto(`${app.baseUrl}/jual`);
		await seller.getByRole('button', { name: /Minta bantuan pendamping/ }).click();
		await seller.getByRole('button', { name: /Batalkan/ }).click();
		await seller.waitForURL((u) => u.pathname === '/jual');
		expect(await seller.getByRole('button', { name: /Minta bantuan pendamping/ }).count()).toBe(1);
		await expect.poll(() => tile.getAttribute('data-help'), { timeout: 3_000, interval: 100 }).toBe('false');
		await Promise.all([projector.close(), staff.close(), phone.close()]);
	});

	it('should close attendance at the end of the day (ticks refused with a message) and give the one-page results PDF', async () => {
		const context = await browser.newContext(PHONE);
		const page = await signIn(context, 'koordinator@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${trainingId}`);
		const pdfHref = await page.getByTestId('results-pdf').getAttribute('href');
		await page.getByRole('button', { name: 'Tutup absensi' }).click();
		await page.getByTestId('attendance-closed').waitFor();
		expect(await page.getByTestId('attendance-closed').textContent()).toMatch(/^Absensi ditutup .* WIB\. Tidak ada absen/);
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		await page.locator('#akhir').screenshot({ path: '/tmp/day-end-390.png' });
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await overflow(page)).toBeLessThanOrEqual(0);

		const refused = await tickPresent(newcomers[1].memberId);
		expect(refused.status).toBe(409);
		expect(refused.body.error).toMatchObject({ code: 'attendance_closed' });
		expect(refused.body.error.message).toContain('sudah ditutup');

		const pdf = await page.request.get(`${app.baseUrl}${pdfHref}`);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

		await page.getByRole('button', { name: 'Buka absensi lagi' }).click();
		await page.getByRole('button', { name: 'Tutup absensi' }).waitFor();
		expect((await tickPresent(newcomers[1].memberId)).status).toBe(200);
		await context.close();
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { ensureProgramAndMembers } from './program-fixture';
import { expectNoAxeViolations } from './a11y';

let app: RunningApp;
let browser: Browser;
let programId: string;
let coordToken: string;
let sellerToken: string;
let trainingId: string;
let boardUrl: string;
/** Members with no login yet (funnel level `invited`), not present: ticked present, their tile loses 'belum hadir'. */
let newcomers: string[];
let seq = 0;

const call = async (method: string, path: string, token?: string, body?: unknown) => {
	const res = await fetch(app.baseUrl + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
	const type = res.headers.get('content-type') ?? '';
	return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
};
const token = async (login: string) => (await call('POST', '/api/v1/auth/login', undefined, { login, password: 'demo-cigadung-2024' })).body.token as string;
/** The facilitator's phone ticks a member present (the attendance API the phone's queue uses). */
const tickPresent = (memberId: string) => call('POST', `/api/v1/trainings/${trainingId}/attendance`, coordToken, { events: [{ id: `e2e-board-${++seq}-${Date.now()}`, memberId, present: true, at: new Date().toISOString() }] });
const tilePresent = (page: Page, memberId: string) => page.locator(`[data-member="${memberId}"]`).getAttribute('data-present', { timeout: 1000 }).catch(() => null);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	({ programId } = ensureProgramAndMembers(app.dataDir));
	[coordToken, sellerToken] = await Promise.all([token('koordinator@cigadung.test'), token('jj@cigadung.test')]);
	// a training starting now (the members are on the roster already), invited: everyone
	const created = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'Pelatihan Jualan Online', startsAt: new Date(Date.now() + 60_000).toISOString(), venue: 'Gedung Serbaguna Kelurahan Cigadung' });
	expect(created.status).toBe(201);
	trainingId = created.body.id;
	const funnel = await call('GET', `/api/v1/programs/${programId}/funnel`, coordToken);
	newcomers = (funnel.body.data as { memberId: string; level: string }[]).filter((m) => m.level === 'invited').map((m) => m.memberId);
	expect(newcomers.length).toBeGreaterThanOrEqual(3);
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('training board links', () => {
	it('should make a link for staff only, whose JSON shows first names and steps only', async () => {
		expect((await call('POST', `/api/v1/trainings/${trainingId}/board-links`, sellerToken)).status).toBe(404);
		expect((await call('POST', `/api/v1/trainings/${trainingId}/board-links`)).status).toBe(401);
		const made = await call('POST', `/api/v1/trainings/${trainingId}/board-links`, coordToken);
		expect(made.status).toBe(201);
		boardUrl = made.body.url;
		expect(boardUrl.startsWith(`${app.baseUrl}/papan/${trainingId}/`)).toBe(true);
		expect(Date.parse(made.body.expiresAt)).toBeGreaterThan(Date.now());

		const res = await fetch(boardUrl, { headers: { accept: 'application/json' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('referrer-policy')).toBe('no-referrer');
		const board = await res.json();
		expect(board.members.length).toBeGreaterThan(10);
		expect(board.counts.invited).toBe(board.members.length);
		for (const m of board.members) expect(Object.keys(m).sort()).toEqual(['firstName', 'help', 'memberId', 'present', 'step']);
		expect(JSON.stringify(board)).not.toMatch(/62\d{8,}|08\d{8,}/);
		expect(await call('GET', `/api/v1/trainings/${trainingId}/board`, coordToken)).toMatchObject({ status: 200, body: board });
		expect((await call('GET', `/api/v1/trainings/${trainingId}/board`, sellerToken)).status).toBe(404);
		// another training's id with this link, or a changed token: nothing
		const other = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'Pendampingan', startsAt: new Date().toISOString(), venue: 'Balai RW' });
		expect((await fetch(boardUrl.replace(trainingId, other.body.id), { headers: { accept: 'application/json' } })).status).toBe(404);
		expect((await fetch(boardUrl.slice(0, -2) + 'xx', { headers: { accept: 'application/json' } })).status).toBe(404);
	});

	it('should show tiles at 1280×720 without JavaScript and refresh itself within 10 s', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, javaScriptEnabled: false, locale: 'id-ID' });
		const page = await context.newPage();
		const response = await page.goto(boardUrl);
		expect(response?.status()).toBe(200);
		const headers = response!.headers();
		expect(headers['referrer-policy']).toBe('no-referrer');
		expect(headers['x-robots-tag']).toContain('noindex');
		const board = await (await fetch(boardUrl, { headers: { accept: 'application/json' } })).json();
		await expect.poll(() => page.locator('.tile').count()).toBe(board.members.length);
		// the total agrees with the tiles: everyone whose tile says Tayang (a chain: only members present today)
		const live = board.members.filter((m: { step: string }) => m.step === 'tayang').length;
		expect(board.counts.tayang).toBe(live);
		expect(board.members.filter((m: { step: string; present: boolean }) => m.step !== 'invited' && !m.present)).toEqual([]);
		expect(await page.getByTestId('board-total').textContent()).toBe(`${live} dari ${board.members.length} hadir dan sudah jualan online`);
		expect(await page.locator(`[data-member="${newcomers[0]}"] .where`).textContent()).toBe('belum hadir');
		expect(await page.locator(`[data-member="${board.members[0].memberId}"] .name`).textContent()).toBe(board.members[0].firstName);
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		// the total and the first rows are readable from the back of a hall: large type, on the first screen
		const totalSize = await page.getByTestId('board-total').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(totalSize).toBeGreaterThanOrEqual(40);
		// a village's list (26 sellers and the newcomers) fits the projector's first screen — a tile scrolled off is unreadable at
		// any size (stranger 2026-12-02: 28–32 tiles needed scrolling at 1280×720) — with names still ≥ 16 px (≈ 4 cm
		// letters on a 3 m wide wall), and no name broken inside a word
		const nameSize = await page.locator('.tile .name').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(nameSize).toBeGreaterThanOrEqual(16);
		expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: '/tmp/board-1280-nojs.png' });

		const member = newcomers[0];
		expect(await tilePresent(page, member)).toBe('false');
		const ticked = Date.now();
		expect((await tickPresent(member)).status).toBe(200);
		await expect.poll(() => tilePresent(page, member), { timeout: 13_000, interval: 250 }).toBe('true');
		const seconds = (Date.now() - ticked) / 1000;
		console.log(`board without JS showed the check-in after ${seconds.toFixed(1)} s`);
		expect(seconds).toBeLessThanOrEqual(12); // one refresh period (10 s) and the page load
		await context.close();
	});

	it('should mark a tile present within 2 s of the check-in with JavaScript (live events), at 1920×1080', async () => {
		const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
		const page = await context.newPage();
		const stream = page.waitForResponse((r) => r.url().endsWith('/events'));
		await page.goto(boardUrl);
		await stream;
		const member = newcomers[1];
		expect(await tilePresent(page, member)).toBe('false');
		const hadirBefore = Number(await page.locator('[data-count="hadir"]').textContent());
		const before = await page.getByTestId('board-total').textContent();
		let reloads = 0;
		page.on('framenavigated', () => reloads++);
		const ticked = Date.now();
		expect((await tickPresent(member)).status).toBe(200);
		await expect.poll(() => tilePresent(page, member), { timeout: 2_000, interval: 50 }).toBe('true');
		console.log(`board with JS showed the check-in after ${((Date.now() - ticked) / 1000).toFixed(2)} s`);
		expect(reloads).toBe(0); // updated in place, not by a reload
		expect(await page.locator(`[data-member="${member}"] .where`).textContent()).toBe('');
		expect(Number(await page.locator('[data-count="hadir"]').textContent())).toBe(hadirBefore + 1);
		expect(await page.getByTestId('board-total').textContent()).toBe(before);
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: '/tmp/board-1920-js.png' });
		await expectNoAxeViolations(page, 'board with JS, after a live update');
		await context.close();
	});

	it('should fit 390 and 320 px phones, and let the coordinator make the link with a QR code on the training page', async () => {
		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		await page.goto(boardUrl);
		expect(await page.locator('.tile').count()).toBeGreaterThan(10);
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: '/tmp/board-390.png', fullPage: false });
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		await page.setViewportSize(PHONE.viewport);

		await page.goto(`${app.baseUrl}/masuk`);
		await page.getByLabel('E-mail atau nomor WhatsApp').fill('koordinator@cigadung.test');
		await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
		await page.getByRole('button', { name: 'Masuk' }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${trainingId}`);
		await page.getByRole('button', { name: 'Buat tautan papan' }).click();
		const link = page.getByTestId('board-link');
		await link.waitFor();
		const href = await link.getAttribute('href');
		expect(href?.startsWith(`${app.baseUrl}/papan/${trainingId}/`)).toBe(true);
		expect(await page.getByRole('img', { name: 'Kode QR tautan papan' }).count()).toBe(1);
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: '/tmp/board-link-390.png', fullPage: false });
		await expectNoAxeViolations(page, 'training page with a new board link');
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		// the new link opens the same board
		expect((await fetch(href!, { headers: { accept: 'application/json' } })).status).toBe(200);
		await context.close();
	});
});

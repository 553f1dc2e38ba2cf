import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { ensureProgramAndMembers } from './program-fixture';

/**
 * Issue 9, coordinator re-test (stop 10): two sellers added to the roster today made a finished program's
 * session read "5 dari 29" instead of "5 dari 27". A session expects the members on the roster when it
 * started (training/expected.ts); one added later counts only once ticked present, as a walk-in.
 */
let app: RunningApp;
let browser: Browser;
let programId: string;
let members: { id: string; name: string }[];
let coordToken: string;

const call = async (method: string, path: string, token?: string, body?: unknown) => {
	const res = await fetch(app.baseUrl + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	({ programId, members } = ensureProgramAndMembers(app.dataDir));
	coordToken = (await call('POST', '/api/v1/auth/login', undefined, { login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' })).body.token as string;
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function login(page: Page) {
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill('koordinator@cigadung.test');
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}

const count = (page: Page) => page.locator('.big-count').first().textContent();

describe('a held session after members are added to the roster', () => {
	it('should keep "Hadir: 5 dari N" on the training page and the attendance page, and count a late member only once ticked', async () => {
		const n = members.length;
		const created = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'Peningkatan Kapasitas Bagi Para Pelaku UKM', startsAt: '2024-11-28T15:00:00+07:00', venue: 'Gedung Serbaguna Kelurahan Cigadung' });
		expect(created.status).toBe(201);
		const id = created.body.id as string;
		const ticked = await call('POST', `/api/v1/trainings/${id}/attendance`, coordToken, { events: members.slice(0, 5).map((m, i) => ({ id: `e2e-exp-${i}-${Date.now()}`, memberId: m.id, present: true, at: '2024-11-28T08:10:00Z' })) });
		expect(ticked.body.applied).toHaveLength(5);

		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		await login(page);
		const trainingPage = `${app.baseUrl}/koordinator/cigadung/pelatihan/${id}`;
		await page.goto(trainingPage);
		expect(await count(page)).toBe(`Hadir: 5 dari ${n}`);

		// today the coordinator adds two sellers on the roster page
		for (const [name, phone] of [
			['Ibu Nining Rahmawati', '0813 2222 1001'],
			['Pak Dadang Suhendar', '0813 2222 1002']
		]) {
			await page.goto(`${app.baseUrl}/koordinator/cigadung`);
			await page.getByLabel('Nama', { exact: true }).fill(name);
			await page.getByLabel('Jenis usaha').fill('Penjual kue basah');
			await page.getByLabel('Nomor WhatsApp').fill(phone);
			await page.getByRole('button', { name: 'Tambah dan buat tautan' }).click();
			await page.locator('#newlink').waitFor();
		}

		await page.goto(trainingPage);
		expect(await count(page)).toBe(`Hadir: 5 dari ${n}`);
		// on the invitation list, but marked as joined after the session started
		const late = page.locator('label.check', { hasText: 'Ibu Nining Rahmawati' });
		expect(await late.getByTestId('joined-after').textContent()).toContain('setelah sesi ini dimulai');
		expect(await page.getByTestId('joined-after').count()).toBe(2);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/training-expected-390.png`, fullPage: true });

		// the attendance page: the same count; the late members apart, under "Anggota lain"
		await page.goto(`${trainingPage}/hadir`);
		await expect.poll(() => count(page)).toBe(`Hadir: 5 dari ${n}`);
		expect(await page.locator('li.others').textContent()).toContain('Anggota lain');
		const nining = page.locator('li[data-member]', { hasText: 'Ibu Nining Rahmawati' });
		const laterRows = await page.locator('li.others ~ li[data-member]').allTextContents();
		expect(laterRows.some((t) => t.includes('Ibu Nining Rahmawati'))).toBe(true);
		expect(laterRows.some((t) => t.includes('Pak Dadang Suhendar'))).toBe(true);
		// she came after all (a walk-in): ticked, she counts on both sides
		await nining.locator('button').click();
		await expect.poll(() => nining.locator('button').getAttribute('aria-pressed')).toBe('true');
		await expect.poll(() => count(page)).toBe(`Hadir: 6 dari ${n + 1}`);
		await expect.poll(async () => page.getByText('belum terkirim').count()).toBe(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/hadir-others-390.png`, fullPage: true });

		await page.goto(trainingPage);
		expect(await count(page)).toBe(`Hadir: 6 dari ${n + 1}`);
		const api = await call('GET', `/api/v1/trainings/${id}/attendance`, coordToken);
		expect(api.body).toMatchObject({ present: 6, expected: n + 1 });
		await context.close();
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { ensureProgramAndMembers } from './program-fixture';

let app: RunningApp;
let browser: Browser;
let programId: string;
let members: { id: string; name: string }[];
let coordToken: string;
let sellerToken: string;

const call = async (method: string, path: string, token?: string, body?: unknown) => {
	const res = await fetch(app.baseUrl + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
	const type = res.headers.get('content-type') ?? '';
	return { status: res.status, body: type.includes('json') ? await res.json() : await res.arrayBuffer() };
};
const token = async (login: string) => (await call('POST', '/api/v1/auth/login', undefined, { login, password: 'demo-cigadung-2024' })).body.token as string;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	({ programId, members } = ensureProgramAndMembers(app.dataDir));
	coordToken = await token('koordinator@cigadung.test');
	sellerToken = await token('jj@cigadung.test');
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function login(page: Page, login: string) {
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}

describe('training attendance on a phone with a bad connection', () => {
	it('should create a training and keep a tick "belum terkirim" until a failed request is re-sent', async () => {
		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		await login(page, 'koordinator@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		await page.getByLabel('Judul pelatihan').fill('Peningkatan Kapasitas Bagi Para Pelaku UKM');
		await page.getByLabel('Tanggal dan jam mulai (WIB)').fill('2024-11-28T15:00');
		await page.getByLabel('Tempat').fill('Gedung Serbaguna Kelurahan Cigadung');
		await page.getByLabel('Narasumber').fill('Dinas Koperasi UKM Perdagangan dan Perindustrian Kabupaten Kuningan');
		await page.getByRole('button', { name: 'Simpan pelatihan' }).click();
		await page.waitForURL(/\/pelatihan\/trn_/);
		const trainingId = page.url().split('/').pop()!;
		expect(await page.getByText('Kamis, 28 November 2024 pukul 15.00 WIB').count()).toBe(1);
		await page.getByRole('link', { name: /Daftar hadir/ }).click();
		await page.waitForURL(/\/hadir$/);

		// the network drops the first tick's request
		let cut = 1;
		let sent = 0;
		await page.route('**/hadir/kirim', async (route) => {
			sent++;
			if (cut-- > 0) return route.abort('internetdisconnected');
			return route.continue();
		});
		const first = page.locator(`[data-member="${members[0].id}"] button`);
		await first.click();
		await expect.poll(() => first.textContent()).toContain('belum terkirim');
		await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
		// re-sent automatically, then confirmed
		await expect.poll(() => first.textContent(), { timeout: 15_000 }).not.toContain('belum terkirim');
		expect(sent).toBeGreaterThanOrEqual(2);
		const second = page.locator(`[data-member="${members[1].id}"] button`);
		await second.click();
		await expect.poll(() => second.getAttribute('aria-pressed')).toBe('true');
		// a wrong tap, undone by tapping again
		const third = page.locator(`[data-member="${members[2].id}"] button`);
		await third.click();
		await third.click();
		await expect.poll(() => third.getAttribute('aria-pressed')).toBe('false');
		await expect.poll(async () => (await page.getByText('belum terkirim').count())).toBe(0);

		const view = await call('GET', `/api/v1/trainings/${trainingId}/attendance`, coordToken);
		const present = view.body.data.filter((d: { present: boolean }) => d.present).map((d: { memberId: string }) => d.memberId);
		expect(present.sort()).toEqual([members[0].id, members[1].id].sort());
		expect(view.body.rate).toBeCloseTo(2 / members.length);

		// no page-width scroll on the phone
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/hadir-390.png`, fullPage: true });
		await context.close();
	});

	it('should work without JavaScript: each tick is a plain form post', async () => {
		const created = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'Foto produk dengan HP', startsAt: '2024-12-02T09:00:00+07:00', venue: 'Aula RW 03' });
		expect(created.status).toBe(201);
		const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await login(page, 'pendamping@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${created.body.id}/hadir`);
		await page.locator(`[data-member="${members[3].id}"] button`).click();
		await page.waitForLoadState('load');
		await expect.poll(() => page.locator(`[data-member="${members[3].id}"] button`).getAttribute('aria-pressed')).toBe('true');
		const view = await call('GET', `/api/v1/trainings/${created.body.id}/attendance`, coordToken);
		expect(view.body.data.find((d: { memberId: string }) => d.memberId === members[3].id).present).toBe(true);
		await context.close();
	});
});

describe('training API', () => {
	it('should create trainings and apply attendance events once, for the community only', async () => {
		const bad = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'x', startsAt: 'besok', venue: '' });
		expect(bad.status).toBe(422);
		expect(bad.body.error.message).toBeTruthy();
		expect((await call('POST', `/api/v1/programs/${programId}/trainings`, sellerToken, { title: 'Pelatihan', startsAt: '2024-12-01T09:00:00Z', venue: 'Balai' })).status).toBe(404);
		expect((await call('POST', `/api/v1/programs/${programId}/trainings`, undefined, { title: 'Pelatihan', startsAt: '2024-12-01T09:00:00Z', venue: 'Balai' })).status).toBe(401);
		const t = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'QRIS dan pesanan WhatsApp', startsAt: '2024-12-03T09:00:00Z', venue: 'Balai Kelurahan' });
		expect(t.status).toBe(201);
		const events = [
			{ id: 'evt-aaaaaaaa-1', memberId: members[0].id, present: true, at: '2024-12-03T09:05:00Z' },
			{ id: 'evt-aaaaaaaa-2', memberId: members[0].id, present: false, at: '2024-12-03T09:04:00Z' }
		];
		expect((await call('POST', `/api/v1/trainings/${t.body.id}/attendance`, coordToken, { events })).body).toEqual({ applied: ['evt-aaaaaaaa-1', 'evt-aaaaaaaa-2'], duplicates: [] });
		expect((await call('POST', `/api/v1/trainings/${t.body.id}/attendance`, coordToken, { events })).body).toEqual({ applied: [], duplicates: ['evt-aaaaaaaa-1', 'evt-aaaaaaaa-2'] });
		expect((await call('GET', `/api/v1/trainings/${t.body.id}/attendance`, sellerToken)).status).toBe(404);
		expect((await call('POST', `/api/v1/trainings/${t.body.id}/attendance`, sellerToken, { events: [{ ...events[0], id: 'evt-bbbbbbbb-1' }] })).status).toBe(404);
		const bogus = await call('POST', `/api/v1/trainings/${t.body.id}/attendance`, coordToken, { events: [{ id: 'evt-cccccccc-1', memberId: 'mbr_lain', present: true, at: '2024-12-03T09:06:00Z' }] });
		expect(bogus.status).toBe(404);
		const view = await call('GET', `/api/v1/trainings/${t.body.id}/attendance`, coordToken);
		expect(view.body.data.filter((d: { present: boolean }) => d.present).map((d: { memberId: string }) => d.memberId)).toEqual([members[0].id]);
		const doc = await call('GET', '/api/v1/openapi.json');
		expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/programs/{programId}/trainings', '/trainings/{trainingId}/attendance']));
	});
});

describe('tests and the evaluation report', () => {
	it('should take pre- and post-test scores for two members on the phone and print the attendance and the gain in the report', async () => {
		const created = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'Harga, QRIS dan pesanan WhatsApp', startsAt: '2024-12-05T09:00:00+07:00', venue: 'Balai Kelurahan Cigadung' });
		const id = created.body.id as string;
		await call('POST', `/api/v1/trainings/${id}/attendance`, coordToken, { events: [0, 1].map((i) => ({ id: `e2e-report-${i}-${Date.now()}`, memberId: members[i].id, present: true, at: '2024-12-05T02:10:00Z' })) });
		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		await login(page, 'pendamping@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${id}`);
		await page.getByRole('link', { name: /Nilai pre-test dan post-test/ }).click();
		await page.waitForURL(/\/nilai$/);
		await page.locator(`input[name="pre.${members[0].id}"]`).fill('40');
		await page.locator(`input[name="post.${members[0].id}"]`).fill('70');
		await page.locator(`input[name="pre.${members[1].id}"]`).fill('60');
		await page.locator(`input[name="post.${members[1].id}"]`).fill('90');
		await page.getByRole('button', { name: 'Simpan nilai' }).click();
		await page.getByText('Nilai tersimpan.').waitFor();
		expect(await page.locator('#gain').textContent()).toContain('g = 0,60');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		// a seller's token never sees the results
		expect((await call('GET', `/api/v1/trainings/${id}/results`, sellerToken)).status).toBe(404);
		const results = await call('GET', `/api/v1/trainings/${id}/results`, coordToken);
		expect(results.body).toMatchObject({ n: 2, gain: 0.6 });
		// the report, downloaded from the training page list as a coordinator would
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Data laporan/ }).first().click()]);
		expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
		const pdf = await call('GET', `/api/v1/programs/${programId}/report.pdf`, coordToken);
		expect(pdf.status).toBe(200);
		const file = join(app.dataDir, 'laporan.pdf');
		writeFileSync(file, Buffer.from(pdf.body as ArrayBuffer));
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
		expect(text).toContain('Kehadiran seluruh sesi');
		expect(text).toMatch(/Harga, QRIS dan pesanan WhatsApp 2 \d+ /);
		expect(text).toContain('g = 0,60');
		expect(text).toContain('DAFTAR HADIR');
		expect((await call('GET', `/api/v1/programs/${programId}/report.pdf`, sellerToken)).status).toBe(404);
		await context.close();
	});
});

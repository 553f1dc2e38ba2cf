import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoHorizontalOverflow } from './a11y';

// issue 9 re-test: "Salin sebagai templat" dropped the trainings' agenda and letter text
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function login(page: Page, login: string) {
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
}

describe('a copied program carries its trainings to be scheduled (JavaScript off, 390 px)', () => {
	it("should list the source's training with its agenda under 'Pelatihan dari templat' and make it a training of the copy once dated", async () => {
		const token = (await (await fetch(`${app.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' }) })).json()).token as string;
		const [demo] = (await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/programs`, { headers: { authorization: `Bearer ${token}` } })).json()).data as { id: string; name: string }[];
		const res = await fetch(`${app.baseUrl}/api/v1/programs/${demo.id}/trainings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ title: 'Peningkatan Kapasitas Pelaku UMKM', startsAt: '2024-11-28T08:00:00Z', venue: 'Gedung Serbaguna Kelurahan Cigadung' }) });
		expect(res.status).toBe(201);
		const source = (await res.json()).id as string;
		// the agenda and the letter as the coordinator typed them on the training page
		const db = new Database(join(app.dataDir, 'ecrav.sqlite'));
		try {
			db.pragma('busy_timeout = 5000');
			db.prepare('update training set agenda = ?, letter = ? where id = ?').run(JSON.stringify(['Pembukaan oleh Lurah', 'Materi: foto produk dengan HP']), JSON.stringify({ number: '005/77/Kel/XI/2024', subject: 'Undangan Pelatihan E-Commerce', body: 'Kami mengundang Bapak/Ibu pada:' }), source);
		} finally {
			db.close();
		}

		const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await ctx.newPage();
		await login(page, 'koordinator@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/program/${demo.id}`);
		const copy = page.getByRole('region', { name: 'Salin sebagai templat' });
		await copy.getByLabel('Nama program baru').fill('E-Crav Cigadung 2025');
		await copy.getByLabel('Tanggal mulai program baru').fill('2025-01-06');
		await copy.getByLabel('Tanggal selesai program baru').fill('2025-06-30');
		await Promise.all([page.waitForURL(/\?disalin=1$/), copy.getByRole('button', { name: 'Salin sebagai templat' }).click()]);

		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		const plans = page.getByRole('region', { name: 'Pelatihan dari templat' });
		const text = (await plans.innerText()).replace(/\s+/g, ' ');
		expect(text).toContain('Peningkatan Kapasitas Pelaku UMKM');
		expect(text).toContain('Program: E-Crav Cigadung 2025');
		expect(text).toContain('Materi: foto produk dengan HP');
		expect(text).toContain('Surat undangan: Undangan Pelatihan E-Commerce');
		await expectNoHorizontalOverflow(page);
		if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/pelatihan-templat-390.png`, fullPage: true });

		await page.getByRole('region', { name: 'Pelatihan dari templat' }).getByLabel('Tanggal dan jam mulai').fill('2025-02-20T09:00');
		await Promise.all([page.waitForURL(/\/pelatihan\/trn_/), page.getByRole('region', { name: 'Pelatihan dari templat' }).getByRole('button', { name: 'Jadwalkan pelatihan ini' }).click()]);
		const training = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
		expect(training).toContain('Peningkatan Kapasitas Pelaku UMKM');
		expect(training).toContain('Program: E-Crav Cigadung 2025');
		expect(training).toContain('20 Februari 2025');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		expect(await page.getByRole('region', { name: 'Pelatihan dari templat' }).count()).toBe(0);
		await ctx.close();
	}, 120_000);
});

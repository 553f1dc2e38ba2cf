import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { ensureProgramAndMembers } from './program-fixture';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	ensureProgramAndMembers(app.dataDir);
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

const reports = (page: Page) => page.locator('section[aria-labelledby="reports"]');

describe('evaluation report: kop and signer (JS off, 390 px)', () => {
	it('should say on the report list where to fill in the signer, and print the name and NIP typed there', async () => {
		const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await login(page);
		const list = `${app.baseUrl}/koordinator/cigadung/pelatihan`;
		await page.goto(list);
		// no training yet: the note says to create one, then fill in its letter
		await expect.poll(() => reports(page).textContent()).toContain('belum memuat nama dan NIP penanda tangan');
		expect(await reports(page).textContent()).toContain('buat pelatihan di bawah');
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await page.setViewportSize({ width: 390, height: 844 });

		await page.getByLabel('Judul pelatihan').fill('Pelatihan E-Commerce');
		await page.getByLabel('Tanggal dan jam mulai (WIB)').fill('2024-11-28T15:00');
		await page.getByLabel('Tempat').fill('Gedung Serbaguna Kelurahan Cigadung');
		await page.getByRole('button', { name: 'Simpan pelatihan' }).click();
		await page.waitForURL(/\/pelatihan\/trn_/);

		// the note now links to that training's letter form
		await page.goto(list);
		await reports(page).getByRole('link', { name: 'Pelatihan E-Commerce' }).click();
		await page.waitForURL(/\/pelatihan\/trn_[^/]+#surat$/);
		await page.getByLabel('Instansi pengirim (kop)').fill('Pemerintah Kabupaten Kuningan\nKecamatan Cigugur\nKelurahan Cigadung');
		await page.getByLabel('Alamat kantor (kop)').fill('Jl. Raya Cigadung No. 1, Kuningan');
		await page.getByLabel('Jabatan penanda tangan').fill('Lurah Cigadung');
		await page.getByLabel('Nama penanda tangan').fill('Budiana Suparman, SE');
		await page.getByLabel('NIP').fill('19750127 200801 1 002');
		await page.getByRole('button', { name: 'Simpan', exact: true }).click();
		await page.waitForLoadState();

		await page.goto(list);
		expect(await reports(page).textContent()).not.toContain('belum memuat');
		const href = await reports(page).getByRole('link', { name: /\(PDF\)/ }).getAttribute('href');
		const res = await page.request.get(app.baseUrl + href);
		expect(res.status()).toBe(200);
		const file = join(app.dataDir, 'laporan-e2e.pdf');
		writeFileSync(file, await res.body());
		const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
		expect(first).toContain('Jl. Raya Cigadung No. 1, Kuningan');
		expect(first).toContain('Budiana Suparman, SE');
		expect(first).toContain('NIP. 19750127 200801 1 002');
		await context.close();
	});
});

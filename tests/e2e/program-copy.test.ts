import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoHorizontalOverflow } from './a11y';
import { DEMO_PASSWORD } from './pages';
import { newId } from '../../src/lib/utils/ids';

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A phone with JavaScript off, signed in as this demo account. */
async function signedIn(login: string, width = 390): Promise<Page> {
	const ctx = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: false });
	contexts.push(ctx);
	const page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk?kembali=/koordinator/cigadung/program`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL((u) => u.pathname === '/koordinator/cigadung/program'), page.getByRole('button', { name: 'Masuk' }).click()]);
	await page.getByRole('link', { name: /E-Commerce Creative \(E-Crav\)/ }).click();
	return page;
}

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	// a second village, made as the operator makes one (the CLI)
	execFileSync('npx', ['tsx', 'scripts/ecrav.ts', 'create-community', '--slug', 'windujanten', '--name', 'Kelurahan Windujanten', '--region-code', '32.08.18.1003', '--kind', 'kelurahan', '--district', 'Cigugur', '--regency', 'Kabupaten Kuningan', '--province', 'Jawa Barat'], {
		env: { ...process.env, DATA_DIR: app.dataDir, DATABASE_URL: '' },
		stdio: 'pipe'
	});
}, 180_000);
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await app?.stop();
});

describe('copy a program as a template, JavaScript off', () => {
	it("should offer a coordinator of one village next year's copy in the same village, and say how to reach another village, at 320 px", async () => {
		const page = await signedIn('koordinator@cigadung.test', 320);
		const section = page.getByRole('region', { name: 'Salin sebagai templat' });
		expect(await section.getByLabel('Komunitas tujuan').locator('option').allTextContents()).toEqual(['Kelurahan Cigadung (komunitas ini)']);
		expect(await section.textContent()).toContain('Saat ini Anda belum terdaftar di kelurahan/desa lain.');
		expect(await section.textContent()).toContain('Minta pengelola E-Crav (admin) menambahkan akun Anda');
		// the evaluation report is linked from the program page
		expect(await page.getByRole('link', { name: /Laporan evaluasi E-Commerce Creative \(E-Crav\) \(PDF\)/ }).getAttribute('href')).toMatch(/\/koordinator\/cigadung\/pelatihan\/laporan\/prg_[^/]+\/pdf$/);
		await expectNoHorizontalOverflow(page);
	});

	it('should copy the demo program into the second village the facilitator also serves', async () => {
		const db = new Database(join(app.dataDir, 'ecrav.sqlite'));
		try {
			const user = db.prepare("select id from app_user where email = 'pendamping@cigadung.test'").get() as { id: string };
			const target = db.prepare("select id from community where slug = 'windujanten'").get() as { id: string };
			db.prepare('insert into membership (id, user_id, community_id, role, created_at) values (?, ?, ?, ?, ?)').run(newId('mem'), user.id, target.id, 'facilitator', new Date().toISOString());
		} finally {
			db.close();
		}
		const page = await signedIn('pendamping@cigadung.test');
		const section = page.getByRole('region', { name: 'Salin sebagai templat' });
		expect(await section.getByLabel('Komunitas tujuan').locator('option').allTextContents()).toEqual(['Kelurahan Cigadung (komunitas ini)', 'Kelurahan Windujanten']);
		expect(await section.textContent()).not.toContain('belum terdaftar');
		await section.getByLabel('Komunitas tujuan').selectOption({ label: 'Kelurahan Windujanten' });
		// the form asks for the new program's name and dates: without them nothing is made, and what was typed stays
		await section.getByLabel('Tanggal mulai program baru').fill('2025-03-01');
		await section.getByLabel('Tanggal selesai program baru').fill('2025-02-01');
		await section.getByLabel('Nama program baru').fill('  ');
		await section.getByRole('button', { name: 'Salin sebagai templat' }).click();
		const again = page.getByRole('region', { name: 'Salin sebagai templat' });
		expect(await again.locator('.field .err').allTextContents()).toContain('Nama program minimal 3 huruf.');
		expect(await again.getByLabel('Tanggal mulai program baru').inputValue()).toBe('2025-03-01');
		expect(await again.getByLabel('Komunitas tujuan').inputValue()).toBe('windujanten');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await again.getByLabel('Nama program baru').fill('E-Crav Windujanten 2025');
		await again.getByRole('button', { name: 'Salin sebagai templat' }).click();
		expect(await page.getByRole('region', { name: 'Salin sebagai templat' }).locator('.field .err').allTextContents()).toEqual(['Tanggal selesai tidak boleh sebelum tanggal mulai.']);
		expect(await page.getByRole('link', { name: /E-Crav Windujanten 2025/ }).count()).toBe(0);
		await again.getByLabel('Tanggal selesai program baru').fill('2025-08-31');
		await Promise.all([page.waitForURL(/\/koordinator\/windujanten\/program\/prg_[^/]+\?disalin=1$/), again.getByRole('button', { name: 'Salin sebagai templat' }).click()]);
		expect(await page.getByRole('status').textContent()).toContain('Program disalin sebagai templat.');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('E-Crav Windujanten 2025');
		expect(await page.getByText('1 Mar 2025 – 31 Agu 2025').count()).toBe(1);
		expect(await page.getByRole('list').filter({ hasText: 'Persiapan sosial' }).getByRole('listitem').count()).toBe(7);
		expect(await page.getByText('Kelompok UMKM Kharisma (TKM UMKM Kharisma)').count()).toBe(0);
		// the copy is in the second village only
		await page.goto(`${app.baseUrl}/koordinator/windujanten/program`);
		expect(await page.getByRole('link', { name: /E-Crav Windujanten 2025/ }).count()).toBe(1);
		// with no training carried over: the new program's sessions are planned in it
		await page.goto(`${app.baseUrl}/koordinator/windujanten/pelatihan`);
		expect(await page.getByText('E-Crav Windujanten 2025 (1 Mar 2025 – 31 Agu 2025)').count()).toBeGreaterThan(0);
		expect(await page.getByText('Belum ada pelatihan. Buat yang pertama di bawah.').count()).toBe(1);

		// next year's copy in the first village: two programs there, so the new-training hint points at the choice
		// (each option says its own dates) instead of listing every program's period
		await page.goto(`${app.baseUrl}/koordinator/cigadung/program`);
		await page.getByRole('link', { name: /E-Commerce Creative \(E-Crav\)/ }).first().click();
		const own = page.getByRole('region', { name: 'Salin sebagai templat' });
		await own.getByLabel('Nama program baru').fill('E-Crav Cigadung 2025');
		await own.getByLabel('Tanggal mulai program baru').fill('2025-01-06');
		await own.getByLabel('Tanggal selesai program baru').fill('2025-06-30');
		await Promise.all([page.waitForURL(/\/koordinator\/cigadung\/program\/prg_[^/]+\?disalin=1$/), own.getByRole('button', { name: 'Salin sebagai templat' }).click()]);
		expect(await page.getByRole('status').textContent()).toContain('bisa diubah di "Rencana & indikator"');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		expect(await page.getByLabel('Program').locator('option').allTextContents()).toEqual(expect.arrayContaining(['E-Commerce Creative (E-Crav) (28 Okt 2024 – 6 Des 2024)', 'E-Crav Cigadung 2025 (6 Jan 2025 – 30 Jun 2025)']));
		const hint = await page.locator('#startsAt-period').textContent();
		expect(hint).toContain('Masa tiap program tertulis di pilihan Program di atas');
		expect(hint).not.toContain('Masa program E-Commerce Creative');
	});
});

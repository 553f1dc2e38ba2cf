import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { DEMO_PASSWORD } from './pages';

let app: RunningApp;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

const OUTSIDE = 'Di luar masa program — tidak dihitung di laporan';
let trainingPath = '';

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	// the facilitator's phone with JavaScript off: the warning must be plain server-rendered text
	ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
	page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk?kembali=/koordinator/cigadung/pelatihan`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill('pendamping@cigadung.test');
	await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL((u) => u.pathname === '/koordinator/cigadung/pelatihan'), page.getByRole('button', { name: 'Masuk' }).click()]);
}, 180_000);
afterAll(async () => {
	await ctx?.close();
	await browser?.close();
	await app?.stop();
});

const fits = async (width: number) => {
	await page.setViewportSize({ width, height: 844 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
};

describe('a training dated outside the program (JavaScript off)', () => {
	it('should say the program period on the form, save the training, and warn on its page and in the list', async () => {
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		expect(await page.locator('#startsAt-period').textContent()).toContain('Masa program E-Commerce Creative (E-Crav): 28 Okt 2024 – 6 Des 2024.');
		expect(await page.getByLabel('Program').locator('option').first().textContent()).toBe('E-Commerce Creative (E-Crav) (28 Okt 2024 – 6 Des 2024)');
		await page.getByLabel('Judul pelatihan').fill('Sosialisasi awal');
		await page.getByLabel('Tanggal dan jam mulai (WIB)').fill('2024-10-20T09:00');
		await page.getByLabel('Tempat').fill('Balai RW 06');
		await Promise.all([page.waitForURL(/\/pelatihan\/trn_/), page.getByRole('button', { name: 'Simpan pelatihan' }).click()]);

		// saved, with the reason it will not count right under the title
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sosialisasi awal');
		const warning = page.getByTestId('outside-program');
		expect(await warning.textContent()).toContain('di luar masa program E-Commerce Creative (E-Crav) (28 Okt 2024 – 6 Des 2024) — tidak dihitung di laporan');
		await fits(320);
		await page.setViewportSize(PHONE.viewport);
		const trainingUrl = page.url();

		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		expect(await page.getByRole('listitem').filter({ hasText: 'Sosialisasi awal' }).first().textContent()).toContain(OUTSIDE);
		// the program's dashboard counts it as left out
		await page.goto(`${app.baseUrl}/koordinator/cigadung/program`);
		await page.getByRole('link', { name: /E-Commerce Creative \(E-Crav\)/ }).first().click();
		await page.getByRole('link', { name: 'Dasbor' }).click();
		expect(await page.getByTestId('outside-trainings').textContent()).toContain('1 pelatihan di luar masa program — tidak dihitung');
		const dashboardUrl = page.url();

		// the date was a typo: moved into the program, the warning goes
		await page.goto(trainingUrl);
		await page.getByLabel('Tanggal dan jam mulai (WIB)').fill('2024-11-28T09:00');
		await page.getByRole('button', { name: 'Simpan', exact: true }).click();
		expect(await page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' }).count()).toBe(1);
		expect(await page.getByTestId('outside-program').count()).toBe(0);
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		expect(await page.getByRole('listitem').filter({ hasText: 'Sosialisasi awal' }).first().textContent()).not.toContain(OUTSIDE);
		await page.goto(dashboardUrl);
		expect(await page.getByTestId('outside-trainings').count()).toBe(0);
		trainingPath = new URL(trainingUrl).pathname;
	});

	it("should show the training's own reaction summary: how many answered, the means and the 1–5 distribution", async () => {
		await page.goto(app.baseUrl + trainingPath);
		expect(await page.getByText('Belum ada peserta yang mengisi umpan balik').count()).toBe(1);
		// three members answered on their phones (written as the member pages store them); two of them were ticked present first
		const trainingId = trainingPath.split('/').pop()!;
		const db = new Database(join(app.dataDir, 'ecrav.sqlite'));
		let ids: string[] = [];
		try {
			ids = (db.prepare("select m.id from member m join community c on c.id = m.community_id where c.slug = 'cigadung' order by m.id limit 3").all() as { id: string }[]).map((r) => r.id);
		} finally {
			db.close();
		}
		await page.goto(`${app.baseUrl}${trainingPath}/hadir`);
		for (const id of ids.slice(0, 2)) {
			await page.locator(`li[data-member="${id}"] button`).click();
			expect(await page.locator(`li[data-member="${id}"] button`).getAttribute('aria-pressed')).toBe('true');
		}
		const write = new Database(join(app.dataDir, 'ecrav.sqlite'));
		try {
			write.pragma('busy_timeout = 5000');
			const add = write.prepare('insert into training_reaction (training_id, member_id, satisfaction, usefulness, confidence_before, confidence_now, created_at) values (?, ?, ?, ?, ?, ?, ?)');
			add.run(trainingId, ids[0], 5, 4, 2, 4, new Date().toISOString());
			add.run(trainingId, ids[1], 4, 4, 1, 5, new Date().toISOString());
			// not ticked present: shown nowhere in the figures
			add.run(trainingId, ids[2], 1, 1, 5, 1, new Date().toISOString());
		} finally {
			write.close();
		}
		await page.goto(app.baseUrl + trainingPath);
		expect(await page.getByTestId('reaction-answered').textContent()).toContain('2 peserta yang tercatat hadir sudah menjawab');
		const row = async (key: string) => (await page.getByTestId(`reaction-${key}`).locator('th, td').allTextContents()).map((s) => s.trim());
		expect(await row('satisfaction')).toEqual(['Kepuasan', '4,5', '0', '0', '0', '1', '1']);
		expect(await row('confidenceBefore')).toEqual(['Keyakinan sebelum pelatihan', '1,5', '1', '1', '0', '0', '0']);
		await fits(320);
		await page.setViewportSize(PHONE.viewport);
	});
});

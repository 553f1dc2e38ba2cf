import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoHorizontalOverflow } from './a11y';
import { ensureProgramAndMembers } from './program-fixture';
import { pdfPages } from '../helpers/pdf';

// issue 9 re-test: the report's coordinator signature printed the demo's first coordinator account (a seller), title twice
let app: RunningApp;
let browser: Browser;
let programId: string;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	({ programId } = ensureProgramAndMembers(app.dataDir));
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

/** Page 1 of the program's evaluation report as this browser downloads it, from "Mengetahui," on. */
async function signatures(page: Page): Promise<string> {
	const res = await page.context().request.get(`${app.baseUrl}/koordinator/cigadung/pelatihan/laporan/${programId}/pdf`);
	expect(res.status()).toBe(200);
	const first = pdfPages(Buffer.from(await res.body()), app.dataDir, `laporan-${Date.now()}`)[0];
	return first.slice(first.findIndex((l) => l.startsWith('Mengetahui,'))).join(' | ');
}

describe("the report's coordinator signature (JavaScript off, 320 px)", () => {
	it("should offer the coordinator's own name without its bracketed title, print nothing until saved, then the saved name once", async () => {
		const ctx = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
		const page = await ctx.newPage();
		await login(page, 'koordinator@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan`);
		const field = page.getByLabel('Nama penandatangan (koordinator)').first();
		// the account is "UJ (Koordinator TKM UMKM Kharisma)": offered as "UJ", printed nowhere until saved
		expect(await field.inputValue()).toBe('UJ');
		expect(await signatures(page)).not.toContain('UJ');
		await expectNoHorizontalOverflow(page);

		await field.fill('Hj. Euis Nurhayati');
		await Promise.all([page.waitForURL(/tersimpan=penandatangan/), page.getByRole('button', { name: 'Simpan nama penandatangan' }).first().click()]);
		expect(await page.getByRole('status').first().textContent()).toContain('Nama penandatangan laporan disimpan.');
		expect(await page.getByLabel('Nama penandatangan (koordinator)').first().inputValue()).toBe('Hj. Euis Nurhayati');
		const tail = await signatures(page);
		expect(tail).toContain('Hj. Euis Nurhayati');
		expect(tail.match(/Koordinator/g)).toHaveLength(1);
		await ctx.close();
	}, 120_000);
});

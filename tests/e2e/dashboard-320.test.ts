import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './a11y';
import { ensureProgramAndMembers } from './program-fixture';

// issue 9 re-test: the dashboard's monthly table was wider than a 320 px phone (it scrolled sideways in its box)
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

describe('program dashboard per month at 320 px (JavaScript off)', () => {
	it('should fit every month with its five numbers in 320 px: nothing in the section scrolls sideways', async () => {
		const ctx = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
		const page = await ctx.newPage();
		await login(page, 'pendamping@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/program/${programId}/dasbor`);
		const section = page.locator('section[aria-labelledby="months"]');
		const months = section.getByRole('listitem');
		expect(await months.count()).toBeGreaterThan(0);
		// every month says its orders placed and completed, turnover, members and products, with words
		const first = await months.first().innerText();
		for (const label of ['Pesanan masuk', 'Selesai', 'Omzet', 'Anggota', 'Produk']) expect(first).toContain(label);
		expect(first).toMatch(/Rp\s\d/);
		const wide = await section.evaluate((root) =>
			[root, ...root.querySelectorAll('*')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline').map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`)
		);
		expect(wide).toEqual([]);
		await expectNoHorizontalOverflow(page);
		if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/dasbor-320.png`, fullPage: true });
		await ctx.close();

		// the cards in place of the table: still no accessibility violation (axe needs JavaScript to run)
		const withJs = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
		const again = await withJs.newPage();
		await login(again, 'pendamping@cigadung.test');
		await again.goto(`${app.baseUrl}/koordinator/cigadung/program/${programId}/dasbor`);
		await expectNoAxeViolations(again);
		await withJs.close();
	}, 120_000);
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';
import { expectNoHorizontalOverflow } from './a11y';

/**
 * The seller's home page lists who changed the shop, its WhatsApp number and its payment details (issue 8 (a)/(b)),
 * through one ChangeHistory component: a coordinator's edit is labelled with the field, the seller's own edits carry
 * no "Bukan Anda" tag, and each row shows before and after. JS off: the page is server-rendered.
 */
vi.setConfig({ testTimeout: 180_000 });

let app: RunningApp;
let browser: Browser;
const sessions = new Map<string, string>();

async function submitStep(page: Page, url: string, fill: (page: Page) => Promise<void>) {
	await page.goto(url);
	await fill(page);
	await Promise.all([page.waitForURL((u) => u.href !== url), page.locator('main form button[type="submit"]').last().click()]);
}

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	const coord = await contextFor(browser, app.baseUrl, 'koordinator@cigadung.test', { width: 390, height: 844 }, sessions);
	const roster = await coord.newPage();
	await roster.goto(`${app.baseUrl}/koordinator/cigadung`);
	const shopLink = (await roster.locator('a[href^="/jual?toko="]', { hasText: /^Ketempling JJ$/ }).first().getAttribute('href'))!;
	const shopId = new URL(shopLink, app.baseUrl).searchParams.get('toko')!;
	await submitStep(roster, `${app.baseUrl}/jual/mulai/cerita?toko=${shopId}`, (p) => p.locator('textarea[name="story"]').fill('Cerita baru dari koordinator'));
	await coord.close();

	const jj = await contextFor(browser, app.baseUrl, 'jj@cigadung.test', { width: 390, height: 844 }, sessions);
	const page = await jj.newPage();
	await submitStep(page, `${app.baseUrl}/jual/mulai/whatsapp`, (p) => p.locator('input[name="whatsapp"]').fill('081299887766'));
	await submitStep(page, `${app.baseUrl}/jual/mulai/pembayaran`, async (p) => {
		await p.locator('input[name="transfer"]').check();
		await p.locator('input[name="bank"]').fill('BRI');
		await p.locator('input[name="accountNumber"]').fill('1234567890');
		await p.locator('input[name="accountName"]').fill('Ibu JJ');
	});
	await jj.close();
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('change history on /jual', () => {
	it.each([320, 390])('should list shop, WhatsApp and payment changes with before/after at %i px, JS off', async (width) => {
		const ctx = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: false, storageState: JSON.parse(sessions.get('jj@cigadung.test')!) });
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/jual`);

		const shop = page.getByRole('region', { name: 'Perubahan toko oleh orang lain' });
		await expect(shop.getByRole('listitem').first().textContent()).resolves.toContain('oleh UJ (Koordinator');
		await expect(shop.locator('.tag').first().textContent()).resolves.toBe('Cerita toko');
		await expect(shop.textContent()).resolves.toContain('Sesudah: Cerita baru dari koordinator');

		const whatsapp = page.getByRole('region', { name: 'Riwayat perubahan nomor WhatsApp' });
		await expect(whatsapp.textContent()).resolves.toMatch(/Sesudah: 0812[-\s]?9988[-\s]?7766/);
		expect(await whatsapp.locator('.tag').count()).toBe(0);

		const payment = page.getByRole('region', { name: 'Riwayat perubahan pembayaran' });
		await expect(payment.textContent()).resolves.toContain('Sesudah: BRI 1234567890 (Ibu JJ)');
		expect(await payment.getByText('Bukan Anda').count()).toBe(0);

		await expectNoHorizontalOverflow(page);
		if (width === 390) await page.screenshot({ path: '/tmp/sec-b-change-history.png', fullPage: true });
		await ctx.close();
	});
});

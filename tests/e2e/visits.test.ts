import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { DEMO_PASSWORD } from './pages';

/**
 * Visitor counts (issue 10 item 6) as a seller sees them: a buyer opens a product from a poster's QR code
 * (`?src=poster`) and taps "Pesan via WhatsApp" (JS off at Ketempling JJ, JS on at Sambal MT); each seller then finds
 * 1 visitor from "Poster" and 1 WhatsApp click on /jual/pengunjung. The Ketempling page was put in the page cache by a
 * bot first (not counted), so the buyer's view is answered from the cache and still counted. The coordinator sees both
 * shops. The pages fit 390 and 320 px.
 */
vi.setConfig({ testTimeout: 150_000 });

let app: RunningApp;
let browser: Browser;
/** Two buyers' phones: same address here (127.0.0.1), so only the user agent tells them apart. */
const BUYER_UA = (model: string) => `Mozilla/5.0 (Linux; Android 13; ${model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36`;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp({ ECRAV_VISITS_FLUSH_MS: '200' }), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function signedIn(login: string, width = 390): Promise<BrowserContext> {
	const ctx = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: false });
	ctx.setDefaultTimeout(15_000);
	const page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
	await page.close();
	return ctx;
}

const total = async (page: Page, key: string) => Number(await page.locator(`dd[data-total="${key}"]`).innerText());

/** The seller's page, reloaded until the batch is written (every 200 ms here). */
async function sellerNumbers(login: string, width: number) {
	const ctx = await signedIn(login, width);
	const page = await ctx.newPage();
	for (let i = 0; i < 20; i++) {
		await page.goto(`${app.baseUrl}/jual/pengunjung`);
		if ((await total(page, 'whatsappClicks')) > 0) break;
		await page.waitForTimeout(300);
	}
	return { ctx, page };
}

const cases = [
	{ js: false, product: '/c/cigadung/toko/ketempling-jj/ketempling-original-250-g', seller: 'jj@cigadung.test', cachedFirst: true, phone: 'SM-A145F' },
	{ js: true, product: '/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml', seller: 'mt@cigadung.test', cachedFirst: false, phone: 'Redmi 10C' }
];

for (const c of cases) {
	describe(`a poster visitor who taps WhatsApp (JS ${c.js ? 'on' : 'off'})`, () => {
		it('should show the seller 1 visitor from "Poster" and 1 WhatsApp click', async () => {
			const url = `${app.baseUrl}${c.product}?src=poster`;
			if (c.cachedFirst) {
				// A crawler fetches the page first: not counted, but it puts the page in the cache for the buyer.
				const res = await fetch(url, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } });
				expect(res.status).toBe(200);
			}
			const buyer = await browser.newContext({ ...PHONE, userAgent: BUYER_UA(c.phone), javaScriptEnabled: c.js });
			const page = await buyer.newPage();
			await page.route(/^https:\/\/wa\.me\//, (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: 'WhatsApp' }));
			const opened = await page.goto(url);
			expect(opened?.status()).toBe(200);
			const [toWhatsapp] = await Promise.all([page.waitForRequest((r) => r.url().startsWith('https://wa.me/'), { timeout: 15_000 }), page.getByRole('button', { name: 'Pesan via WhatsApp' }).click()]);
			expect(new URL(toWhatsapp.url()).pathname).toMatch(/^\/62\d+$/);
			await buyer.close();

			for (const width of [390, 320]) {
				const { ctx, page: seller } = await sellerNumbers(c.seller, width);
				await expect(seller.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Pengunjung toko');
				expect(await total(seller, 'visitors')).toBe(1);
				expect(await total(seller, 'whatsappClicks')).toBe(1);
				expect(await total(seller, 'views')).toBe(1);
				await expect(seller.locator('li[data-source="poster"]').innerText()).resolves.toMatch(/^Poster\s+1$/);
				await expect(seller.locator('li[data-source="direct"]').count()).resolves.toBe(0);
				await expect(seller.getByRole('img', { name: 'Pengunjung per hari' }).count()).resolves.toBe(1);
				await expect(seller.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
				await seller.screenshot({ path: `/tmp/visits-seller-${c.js ? 'js' : 'nojs'}-${width}.png`, fullPage: true });
				// The seller's own look at their shop is not counted.
				if (width === 320) {
					await seller.goto(`${app.baseUrl}${c.product}`);
					await seller.goto(`${app.baseUrl}/jual/pengunjung?hari=30`);
					await seller.waitForTimeout(600);
					await seller.goto(`${app.baseUrl}/jual/pengunjung?hari=30`);
					expect(await total(seller, 'views')).toBe(1);
					await expect(seller.getByRole('link', { name: '30 hari' }).getAttribute('aria-current')).resolves.toBe('page');
				}
				await ctx.close();
			}
		});
	});
}

describe('the coordinator', () => {
	it('should see the community and each shop, linked from the roster', async () => {
		for (const width of [390, 320]) {
			const ctx = await signedIn('koordinator@cigadung.test', width);
			const page = await ctx.newPage();
			await page.goto(`${app.baseUrl}/koordinator/cigadung`);
			await page.getByRole('link', { name: 'Pengunjung', exact: true }).click();
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Pengunjung katalog');
			expect(await total(page, 'visitors')).toBe(2);
			expect(await total(page, 'whatsappClicks')).toBe(2);
			await expect(page.locator('li[data-source="poster"]').innerText()).resolves.toMatch(/^Poster\s+2$/);
			for (const shop of ['Ketempling JJ', 'Sambal MT']) {
				await expect(page.locator(`li[data-shop="${shop}"] [data-k="visitors"]`).innerText()).resolves.toBe('1');
				await expect(page.locator(`li[data-shop="${shop}"] [data-k="whatsappClicks"]`).innerText()).resolves.toBe('1');
			}
			await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
			await page.screenshot({ path: `/tmp/visits-coordinator-${width}.png`, fullPage: true });
			await ctx.close();
		}
	});
});

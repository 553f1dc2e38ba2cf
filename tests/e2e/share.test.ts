import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const phone = (js: boolean): Promise<BrowserContext> => browser.newContext({ ...PHONE, viewport: { width: 390, height: 844 }, javaScriptEnabled: js });

async function sellerContext(login: string): Promise<BrowserContext> {
	const ctx = await phone(false);
	const page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
	await page.close();
	return ctx;
}

describe('share images and "Bagikan"', () => {
	it('should give a product page (390 px, JS off) an og:image that is a 1200×630 JPEG, and a "Bagikan" link to wa.me with name, price and link', async () => {
		const ctx = await phone(false);
		const page = await ctx.newPage();
		const pageUrl = `${app.baseUrl}/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml`;
		await page.goto(pageUrl);
		const og = await page.locator('meta[property="og:image"]').getAttribute('content');
		expect(og).toMatch(/\/bagikan\.jpg\?v=[0-9a-f]{24}$/);
		await expect(page.locator('meta[property="og:image:width"]').getAttribute('content')).resolves.toBe('1200');
		await expect(page.locator('meta[property="og:image:height"]').getAttribute('content')).resolves.toBe('630');
		await expect(page.locator('meta[name="twitter:card"]').getAttribute('content')).resolves.toBe('summary_large_image');

		const res = await fetch(og!);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/jpeg');
		expect(res.headers.get('cache-control')).toContain('immutable');
		const bytes = Buffer.from(await res.arrayBuffer());
		const meta = await sharp(bytes).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
		// Stored: the second request answers the same bytes; an old or missing version gets the image with a short cache.
		const again = await fetch(og!);
		expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
		const stale = await fetch(og!.replace(/\?v=.*/, '?v=000'));
		expect([stale.status, stale.headers.get('cache-control')]).toEqual([200, 'public, max-age=300']);

		// "Bagikan lewat WhatsApp" is a plain link: it works with JavaScript off.
		const share = page.getByRole('link', { name: 'Bagikan lewat WhatsApp' });
		const href = (await share.getAttribute('href'))!;
		expect(href.startsWith('https://wa.me/?text=')).toBe(true);
		await ctx.route('https://wa.me/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
		const [request] = await Promise.all([ctx.waitForEvent('request', { predicate: (r) => r.url().startsWith('https://wa.me/'), timeout: 15_000 }), share.click()]);
		const opened = new URL(request.url());
		expect(opened.origin + opened.pathname).toBe('https://wa.me/');
		const text = opened.searchParams.get('text') ?? '';
		expect(text).toContain('Sambal Cumi 150 ml');
		expect(text).toContain('Rp\u00a025.000');
		expect(text).toContain(`${pageUrl}?src=whatsapp`);

		// "Unduh gambar untuk status WA": the 1080×1080 image, as a download.
		const statusHref = await page.getByRole('link', { name: 'Unduh gambar untuk status WA' }).getAttribute('href');
		const status = await fetch(new URL(statusHref!, app.baseUrl));
		expect(status.headers.get('content-disposition')).toMatch(/^attachment; filename="sambal-cumi-150-ml-status-wa\.jpg"$/);
		const sm = await sharp(Buffer.from(await status.arrayBuffer())).metadata();
		expect([sm.format, sm.width, sm.height]).toEqual(['jpeg', 1080, 1080]);
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await ctx.close();
	});

	it("should show 'Bagikan' on the seller's product page, and answer 404 for the share image once the product is hidden", async () => {
		const ctx = await sellerContext('jj@cigadung.test');
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/jual`);
		const productPath = (await page.locator('a[href^="/jual/produk/prod_"]').first().getAttribute('href'))!;
		await page.goto(app.baseUrl + productPath);
		await expect(page.getByRole('heading', { name: 'Bagikan' }).count()).resolves.toBe(1);
		const href = (await page.getByRole('link', { name: 'Bagikan lewat WhatsApp' }).getAttribute('href'))!;
		const text = new URL(href).searchParams.get('text') ?? '';
		const publicUrl = /(http:\/\/\S+)\?src=whatsapp/.exec(text)?.[1];
		expect(publicUrl).toMatch(/\/c\/cigadung\/toko\/ketempling-jj\//);
		const statusHref = (await page.getByRole('link', { name: 'Unduh gambar untuk status WA' }).getAttribute('href'))!;
		expect((await fetch(new URL(statusHref, app.baseUrl))).status).toBe(200);
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);

		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sembunyikan' }).click()]);
		await expect(page.getByRole('link', { name: 'Bagikan lewat WhatsApp' }).count()).resolves.toBe(0);
		await expect(page.getByText('belum bisa dibagikan').count()).resolves.toBe(1);
		expect((await fetch(`${publicUrl}/bagikan.jpg`)).status).toBe(404);
		expect((await fetch(new URL(statusHref, app.baseUrl))).status).toBe(404);
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Tampilkan di toko' }).click()]);
		expect((await fetch(`${publicUrl}/bagikan.jpg`)).status).toBe(200);
		await ctx.close();
	});
	it("should share the shop from the seller's home and 'Promosikan toko' with ?src=whatsapp on the link, and the link opens the shop", async () => {
		const ctx = await sellerContext('jj@cigadung.test');
		const page = await ctx.newPage();
		for (const path of ['/jual', '/jual/promosi']) {
			await page.goto(`${app.baseUrl}${path}`);
			const links = page.locator('a[href^="https://wa.me/?text="]');
			await expect(links.count(), path).resolves.toBeGreaterThan(0);
			for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
				const text = new URL(href).searchParams.get('text') ?? '';
				const urls = text.match(/https?:\/\/\S+/g) ?? [];
				expect(urls.length, `${path}: ${text}`).toBeGreaterThan(0);
				for (const u of urls) expect(new URL(u).searchParams.get('src'), `${path}: ${u}`).toBe('whatsapp');
				const shop = urls.find((u) => new URL(u).pathname === '/c/cigadung/toko/ketempling-jj');
				expect(shop, `${path}: ${text}`).toBeDefined();
				const res = await fetch(shop!.replace(/^https?:\/\/[^/]+/, app.baseUrl));
				expect(res.status).toBe(200);
			}
		}
		await ctx.close();
	});
});

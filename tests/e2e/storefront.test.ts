import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { join } from 'node:path';
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

async function findKetemplingAndOrder(page: Page, width: number) {
	await page.goto(`${app.baseUrl}/c/cigadung`);
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Katalog Kelurahan Cigadung');
	await page.getByLabel('Cari produk').fill('ketempling');
	await page.getByRole('button', { name: 'Cari' }).click();
	await page.waitForURL(/q=ketempling/);
	await expect(page.getByText('5 produk untuk "ketempling"').waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
	await page.getByRole('link', { name: /Ketempling Original 250 g/ }).click();
	await page.waitForURL(/\/toko\/ketempling-jj\/ketempling-original-250-g$/);

	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ketempling Original 250 g');
	await expect(page.locator('.buy .price').textContent()).resolves.toBe('Rp\u00a012.000');
	// Price and the order button are visible without scrolling on a 390 or 320 × 844 phone; WhatsApp comes right after.
	const add = await page.getByRole('button', { name: 'Tambah ke keranjang' }).boundingBox();
	expect(add && add.y + add.height).toBeLessThanOrEqual(844);
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
	// "Pesan via WhatsApp" sends the form's choice to our route, which answers 303 to the seller's wa.me link.
	const wa = page.getByRole('button', { name: 'Pesan via WhatsApp' });
	const [toWhatsapp] = await Promise.all([page.waitForRequest((r) => r.url().startsWith('https://wa.me/'), { timeout: 15_000 }), wa.click()]);
	const url = new URL(toWhatsapp.url());
	expect(url.origin + url.pathname).toBe('https://wa.me/6281200000008');
	const text = url.searchParams.get('text') ?? '';
	expect(text).toContain('Halo Ketempling JJ, saya mau pesan:\n1 × Ketempling Original 250 g (Rp\u00a012.000 per bungkus) = Rp\u00a012.000');
	expect(text).toContain(`${app.baseUrl}/c/cigadung/toko/ketempling-jj/ketempling-original-250-g`);
}

for (const width of [390, 320] as const) {
	describe(`storefront on a ${width} px phone`, () => {
		const AT = { ...PHONE, viewport: { width, height: 844 } };
		it('should let a buyer search "ketempling", open a result and reach the seller on WhatsApp', async () => {
			const context = await browser.newContext(AT);
			const page = await context.newPage();
			await findKetemplingAndOrder(page, width);
			await context.close();
		});

		it('should work the same with JavaScript disabled', async () => {
			const context = await browser.newContext({ ...AT, javaScriptEnabled: false });
			const page = await context.newPage();
			await findKetemplingAndOrder(page, width);
			await context.close();
		});

		it('should open a shop with its chat link and show a friendly 404 for unknown pages', async () => {
			const context = await browser.newContext({ ...AT, javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(`${app.baseUrl}/c/cigadung/toko/sambal-mt`);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sambal MT');
			const chat = await page.getByRole('link', { name: 'Chat penjual' }).getAttribute('href');
			// Through the counting redirect (visitor counts: a WhatsApp click), which answers 303 to the seller's wa.me link.
			expect(chat).toBe('/c/cigadung/toko/sambal-mt/whatsapp.url');
			const hop = await page.request.get(app.baseUrl + chat!, { maxRedirects: 0 });
			expect(hop.status()).toBe(303);
			expect(hop.headers()['location']).toMatch(/^https:\/\/wa\.me\/6281200000022\?text=/);
			await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
			for (const path of ['/c/tidak-ada', '/c/cigadung/toko/tidak-ada', '/c/cigadung/toko/sambal-mt/tidak-ada', '/halaman/acak']) {
				const res = await page.goto(app.baseUrl + path);
				expect(res?.status(), path).toBe(404);
				await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Halaman tidak ditemukan');
			}
			await context.close();
		});
	});
}

describe('storefront on a phone', () => {

	it('should send no JavaScript and mark the demo on the catalog page', async () => {
		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(r.url());
		});
		await page.goto(`${app.baseUrl}/c/cigadung`);
		expect(scripts).toEqual([]);
		await expect(page.locator('script').count()).resolves.toBe(0);
		await expect(page.getByRole('complementary', { name: 'Catatan demo' }).textContent()).resolves.toContain('Nomor WhatsApp di sini fiktif');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('id');
		// Lazy images carry their size, so nothing jumps while they load.
		const imgs = await page.locator('.grid img').evaluateAll((els) => els.map((e) => [e.getAttribute('width'), e.getAttribute('loading')]));
		expect(imgs.length).toBeGreaterThan(4);
		expect(imgs.every(([w]) => w === '300')).toBe(true);
		expect(imgs.slice(4).every(([, l]) => l === 'lazy')).toBe(true);
		await context.close();
	});

	it('should suggest other words when a search finds nothing', async () => {
		const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${app.baseUrl}/c/cigadung?q=kripik+kentang`);
		await expect(page.getByText('Belum ada "kripik kentang".').waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
		await page.getByRole('link', { name: 'keripik', exact: true }).click();
		await page.waitForURL(/q=keripik/);
		await expect(page.getByRole('link', { name: /Keripik Singkong Balado/ }).count()).resolves.toBeGreaterThan(0);
		await context.close();
	});

	it('should switch to English and back without JavaScript', async () => {
		const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${app.baseUrl}/c/cigadung?q=sambal`);
		await page.getByRole('link', { name: 'Ganti bahasa ke English' }).click();
		await page.waitForURL(/\/c\/cigadung\?q=sambal$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kelurahan Cigadung catalog');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
		await page.getByRole('link', { name: 'Switch language to Bahasa Indonesia' }).click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Katalog Kelurahan Cigadung');
		await context.close();
	});

	it('should give link previews (Open Graph) and schema.org Product data on product pages', async () => {
		const res = await fetch(`${app.baseUrl}/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml`);
		const html = await res.text();
		expect(html).toContain('<meta property="og:title" content="Sambal Cumi 150 ml · Rp\u00a025.000"');
		// The generated 1200×630 share image (tests/e2e/share.test.ts fetches it), versioned by content.
		expect(html).toMatch(/<meta property="og:image" content="http:\/\/127\.0\.0\.1:\d+\/c\/cigadung\/toko\/sambal-mt\/sambal-cumi-150-ml\/bagikan\.jpg\?v=[0-9a-f]{24}"/);
		const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');
		expect(ld).toMatchObject({ '@type': 'Product', name: 'Sambal Cumi 150 ml', offers: { priceCurrency: 'IDR', price: 25000 } });
	});

	it('should show a changed price at once, although public pages are cached', async () => {
		const url = `${app.baseUrl}/c/cigadung/toko/basreng-as/basreng-original-200-g`;
		const before = await (await fetch(url)).text();
		expect(before).toContain('Rp\u00a013.000');
		expect(await (await fetch(url)).text()).toBe(before);
		const db = new Database(join(app.dataDir, 'ecrav.sqlite'));
		db.prepare("UPDATE product SET price = 14500 WHERE slug = 'basreng-original-200-g'").run();
		db.close();
		const after = await (await fetch(url)).text();
		expect(after).toContain('Rp\u00a014.500');
		expect(after).not.toContain('Rp\u00a013.000');
		const list = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=basreng+original`)).json();
		expect(list.data[0].price).toBe(14500);
	});
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoAxeViolations } from './a11y';

/**
 * Issue 7 (Left 3 and the "abc" quantity): on a product with variants the headline shows the price range or the
 * chosen variant's price, "Pesan via WhatsApp" carries the variant and quantity (JS off: a GET form → 303 → wa.me,
 * which the page's CSP must allow), the catalog card says "mulai", and "abc" as a quantity adds nothing and says why.
 */
vi.setConfig({ testTimeout: 150_000 });

let app: RunningApp;
let browser: Browser;
let product: { id: string; url: string };
let variantIds: Record<string, string>;
const NAME = 'Kopi Uji Pilihan';

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	const post = async (path: string, body: unknown, token?: string) =>
		(await fetch(app.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json();
	const { token } = await post('/api/v1/auth/login', { login: 'jj@cigadung.test', password: 'demo-cigadung-2024' });
	const shops = await (await fetch(app.baseUrl + '/api/v1/me/shops', { headers: { authorization: `Bearer ${token}` } })).json();
	await post(
		`/api/v1/shops/${shops.data[0].id}/products`,
		{ name: NAME, categorySlug: 'camilan-keripik', price: 15000, unit: 'bungkus', stock: 9, published: true, variantTitle: 'Berat', variants: [{ label: '100 g', price: 15000, stock: 5 }, { label: '250 g', price: 32500, stock: 3 }] },
		token
	);
	const list = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?shop=ketempling-jj&perPage=50`)).json();
	product = (list.data as { id: string; name: string; url: string }[]).find((p) => p.name === NAME)!;
	expect(list.data.find((p: { name: string }) => p.name === NAME)).toMatchObject({ price: 15000, priceMax: 32500 });
	// The variants' ids, as the product page's own form offers them.
	const html = await (await fetch(app.baseUrl + new URL(product.url).pathname)).text();
	variantIds = Object.fromEntries([...html.matchAll(/<option value="([^"]+)"[^>]*>([^<]+?) — /g)].map((m) => [m[2], m[1]]));
	expect(Object.keys(variantIds)).toEqual(['100 g', '250 g']);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const phone = (width: number, js: boolean): Promise<BrowserContext> => browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });
const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).replace(/\u00a0/g, ' ').trim();
async function fits(page: Page, width: number) {
	await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
}

for (const width of [390, 320] as const) {
	for (const js of [false, true]) {
		describe(`a product with variants at ${width} px, JS ${js ? 'on' : 'off'}`, () => {
			it('should show the range, then the chosen variant\'s price, and send variant and quantity to WhatsApp', async () => {
				const ctx = await phone(width, js);
				const page = await ctx.newPage();
				// This machine has no way out to wa.me: answer it here, so the navigation ends instead of racing an error page.
				await page.route(/^https:\/\/wa\.me\//, (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: 'WhatsApp' }));
				await page.goto(app.baseUrl + new URL(product.url).pathname);
				expect(await text(page, '.buy .price')).toBe('Rp 15.000 – Rp 32.500');
				await fits(page, width);
				await page.getByLabel('Berat').selectOption(variantIds['250 g']);
				// With JavaScript the headline follows at once; without it the range stays until the page is asked again.
				expect(await text(page, '.buy .price')).toBe(js ? 'Rp 32.500' : 'Rp 15.000 – Rp 32.500');
				await page.getByLabel('Jumlah').fill('2');
				// Our route answers 303 to wa.me; the browser follows it only if the page's CSP (form-action) allows wa.me.
				const [toWhatsapp] = await Promise.all([page.waitForRequest((r) => r.url().startsWith('https://wa.me/')), page.getByRole('button', { name: 'Pesan via WhatsApp' }).click()]);
				const url = new URL(toWhatsapp.url());
				expect(url.pathname).toMatch(/^\/62812000000\d\d$/);
				const message = url.searchParams.get('text')!.replace(/\u00a0/g, ' ');
				expect(message).toContain(`2 × ${NAME} (250 g) (Rp 32.500 per bungkus) = Rp 65.000`);
				expect(message).toContain(`?variantId=${variantIds['250 g']}`);

				await page.waitForURL(/^https:\/\/wa\.me\//);
				// The link in the message opens the page with that variant chosen and its price in the headline.
				const shared = new URL(/https?:\/\/\S+/.exec(message)![0]);
				await page.goto(app.baseUrl + shared.pathname + shared.search);
				expect(await text(page, '.buy .price')).toBe('Rp 32.500');
				await expect(page.getByLabel('Berat').inputValue()).resolves.toBe(variantIds['250 g']);
				await ctx.close();
			});

			it('should add nothing for "abc", say why beside the field and keep what was typed', async () => {
				const ctx = await phone(width, js);
				const page = await ctx.newPage();
				await page.goto(app.baseUrl + new URL(product.url).pathname);
				await page.getByLabel('Berat').selectOption(variantIds['250 g']);
				await page.getByLabel('Jumlah').fill('abc');
				await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
				await page.getByText('"abc" bukan jumlah').first().waitFor();
				expect(new URL(page.url()).pathname).toBe(new URL(product.url).pathname);
				await expect(page.getByLabel('Jumlah').inputValue()).resolves.toBe('abc');
				await expect(page.getByLabel('Jumlah').getAttribute('aria-invalid')).resolves.toBe('true');
				await expect(page.getByLabel('Berat').inputValue()).resolves.toBe(variantIds['250 g']);
				expect((await page.getByRole('link', { name: /^Keranjang/ }).first().innerText()).trim()).toBe('Keranjang');
				await fits(page, width);
				if (js) await expectNoAxeViolations(page);
				// "0" through WhatsApp is refused the same way, and nothing leaves for wa.me.
				const sent: string[] = [];
				page.on('request', (r) => r.url().startsWith('https://wa.me/') && sent.push(r.url()));
				await page.getByLabel('Jumlah').fill('0');
				await page.getByRole('button', { name: 'Pesan via WhatsApp' }).click();
				await page.getByText('Jumlahnya paling sedikit 1').first().waitFor();
				expect(sent).toEqual([]);
				await ctx.close();
			});
		});
	}

	it(`should say "mulai Rp 15.000" on the catalog card when variant prices differ (${width} px, JS off)`, async () => {
		const ctx = await phone(width, false);
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/c/cigadung/toko/ketempling-jj`);
		const card = page.locator('article.card', { hasText: NAME });
		expect((await card.locator('.price').innerText()).replace(/\u00a0/g, ' ')).toBe('mulai Rp 15.000');
		// A product with one price keeps its plain price.
		expect((await page.locator('article.card .price').allInnerTexts()).map((p) => p.replace(/\u00a0/g, ' '))).toContain('Rp 13.000');
		await fits(page, width);
		await ctx.close();
	});
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './a11y';

/** Issue 10 item 5: English pages have URLs of their own (/en/…), linked by hreflang; a first visit follows Accept-Language. */
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const PHONE_EN = { ...PHONE, locale: 'en-US' };
const GOOGLEBOT = 'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** Every internal link of the page (href attributes that start with one slash), as written. */
const internalLinks = (page: Page) => page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('//')));

describe('English store pages at /en', () => {
	it('should show /en/c/cigadung in English at 390 px without JavaScript, keep its links in English and name both languages', async () => {
		const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await ctx.newPage();
		const res = await page.goto(`${app.baseUrl}/en/c/cigadung`);
		expect(res?.status()).toBe(200);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kelurahan Cigadung catalog');
		await expect(page.getByLabel('Search products').isVisible()).resolves.toBe(true);
		const links = await internalLinks(page);
		const store = links.filter((h) => /^\/(en)?(\/|$|\?)/.test(h) && !h.startsWith('/bahasa') && !h.startsWith('/masuk') && !h.startsWith('/media'));
		expect(store.length).toBeGreaterThan(10);
		for (const h of store) expect(h, h).toMatch(/^\/en(\/|$|\?)/);
		const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (ls) => ls.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
		expect(alternates).toEqual([
			['id', `${app.baseUrl}/c/cigadung`],
			['en', `${app.baseUrl}/en/c/cigadung`],
			['x-default', `${app.baseUrl}/c/cigadung`]
		]);
		expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${app.baseUrl}/en/c/cigadung`);
		expect(await page.getAttribute('meta[property="og:url"]', 'content')).toBe(`${app.baseUrl}/en/c/cigadung`);
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await page.screenshot({ path: '/tmp/english-catalog-390.png' });

		// Search, a shop, a product and its breadcrumbs stay English; the order form posts to an English URL and lands in the English cart.
		await page.getByLabel('Search products').fill('sambal');
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		await page.waitForURL(/\/en\/c\/cigadung\?q=sambal/);
		await page.getByRole('link', { name: /Sambal Cumi 150 ml/ }).first().click();
		await page.waitForURL(/\/en\/c\/cigadung\/toko\/sambal-mt\/sambal-cumi-150-ml/);
		const jsonLd = await page.$$eval('script[type="application/ld+json"]', (ss) => ss.map((s) => s.textContent ?? '').join('\n'));
		expect(jsonLd).toContain(`${app.baseUrl}/en/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml`);
		expect(jsonLd).not.toContain(`${app.baseUrl}/c/cigadung/toko/sambal-mt"`);
		expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${app.baseUrl}/en/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml`);
		await page.getByRole('button', { name: 'Add to cart' }).click();
		await page.waitForURL(`${app.baseUrl}/en/c/cigadung/keranjang`);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Cart');
		expect(await page.getByRole('link', { name: /Sambal Cumi 150 ml/ }).getAttribute('href')).toBe('/en/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml');
		// The same cart on the Indonesian URL (one cart, whichever language).
		await page.goto(`${app.baseUrl}/c/cigadung/keranjang`);
		await expect(page.getByRole('link', { name: /Sambal Cumi 150 ml/ }).count()).resolves.toBe(1);
		await ctx.close();
	});

	it('should fit English shop, product, cart and order lookup pages on a 320 px phone, with JS on, and pass axe-core', async () => {
		const ctx = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 700 } });
		const page = await ctx.newPage();
		for (const path of ['/en', '/en/c/cigadung/toko/sambal-mt', '/en/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml', '/en/c/cigadung/keranjang', '/en/pesanan']) {
			const res = await page.goto(app.baseUrl + path);
			expect(res?.status(), path).toBe(200);
			expect(await page.getAttribute('html', 'lang'), path).toBe('en');
			await expectNoHorizontalOverflow(page, path);
			await expectNoAxeViolations(page, path);
			for (const h of await internalLinks(page)) if (/^\/(c\/|pesanan)/.test(h)) throw new Error(`${path} links to the Indonesian ${h}`);
		}
		await page.goto(`${app.baseUrl}/en/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml`);
		await page.screenshot({ path: '/tmp/english-product-320.png', fullPage: true });
		// An order link without its token goes to the English order lookup, the code filled in.
		await page.goto(`${app.baseUrl}/en/pesanan/CIG-ZZZZ`);
		expect(new URL(page.url()).pathname).toBe('/en/pesanan');
		expect(new URL(page.url()).searchParams.get('kode')).toBe('CIG-ZZZZ');
		await ctx.close();
	});

	it('should send one index signal per English view, and the shop structured data at its English URL', async () => {
		const plain = await (await fetch(`${app.baseUrl}/en/c/cigadung`)).text();
		expect(plain).toContain(`<link rel="canonical" href="${app.baseUrl}/en/c/cigadung"`);
		expect(plain).not.toMatch(/<meta name="robots"/);
		for (const q of ['?q=keripik', '?sort=cheapest', '?page=2', '?category=camilan-keripik']) {
			const html = await (await fetch(`${app.baseUrl}/en/c/cigadung${q}`)).text();
			expect(html, q).toContain('<meta name="robots" content="noindex, follow"');
			expect(html, q).not.toContain('rel="canonical"');
			expect(html, q).toContain(`hreflang="en" href="${app.baseUrl}/en/c/cigadung${q}"`);
		}
		const shop = await (await fetch(`${app.baseUrl}/en/c/cigadung/toko/sambal-mt`)).text();
		expect(shop).toContain(`<link rel="canonical" href="${app.baseUrl}/en/c/cigadung/toko/sambal-mt"`);
		expect(shop).toContain(`<meta property="og:url" content="${app.baseUrl}/en/c/cigadung/toko/sambal-mt"`);
		const ld = [...shop.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
		expect(ld.find((x) => x['@type'] === 'LocalBusiness')?.url).toBe(`${app.baseUrl}/en/c/cigadung/toko/sambal-mt`);
		expect(ld.find((x) => x['@type'] === 'BreadcrumbList')?.itemListElement.map((i: { item: string }) => i.item)).toEqual([`${app.baseUrl}/en/c/cigadung`, `${app.baseUrl}/en/c/cigadung/toko/sambal-mt`]);
		// The Indonesian page keeps Indonesian URLs.
		const id = await (await fetch(`${app.baseUrl}/c/cigadung/toko/sambal-mt`)).text();
		expect(id).toContain(`<link rel="canonical" href="${app.baseUrl}/c/cigadung/toko/sambal-mt"`);
	});

	it('should answer 404 for a workspace under /en (/en/jual is no page) and keep /jual itself', async () => {
		for (const path of ['/en/jual', '/en/koordinator/cigadung', '/en/masuk', '/en/api/v1/communities']) {
			const res = await fetch(app.baseUrl + path, { redirect: 'manual' });
			expect(res.status, path).toBe(404);
		}
		const jual = await fetch(`${app.baseUrl}/jual`, { redirect: 'manual' });
		expect([302, 303]).toContain(jual.status);
	});
});

describe('first visit and the language switch', () => {
	it('should send a browser that prefers English to the /en URL on its first visit (Vary: Accept-Language)', async () => {
		const ctx = await browser.newContext(PHONE_EN);
		const page = await ctx.newPage();
		const first = await page.goto(`${app.baseUrl}/c/cigadung/toko/sambal-mt`);
		expect(new URL(page.url()).pathname).toBe('/en/c/cigadung/toko/sambal-mt');
		expect(first?.status()).toBe(200);
		const redirect = await first?.request().redirectedFrom()?.response();
		expect(redirect?.status()).toBe(302);
		expect(redirect?.headers()['vary']).toMatch(/accept-language/i);
		expect(await page.getByRole('link', { name: 'Back to the catalog' }).getAttribute('href')).toBe('/en/c/cigadung');
		await ctx.close();
	});

	it('should keep the Indonesian page when the visitor chose Indonesian (cookie), even with an English browser', async () => {
		const ctx = await browser.newContext(PHONE_EN);
		await ctx.addCookies([{ name: 'lang', value: 'id', url: app.baseUrl }]);
		const page = await ctx.newPage();
		const res = await page.goto(`${app.baseUrl}/c/cigadung`);
		expect(res?.request().redirectedFrom()).toBeNull();
		expect(new URL(page.url()).pathname).toBe('/c/cigadung');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Katalog Kelurahan Cigadung');
		expect(res?.headers()['vary']).toMatch(/accept-language/i);
		await ctx.close();
	});

	it('should never redirect a search engine, whatever language it asks for, and answer the same page on repeat (page cache)', async () => {
		for (let i = 0; i < 2; i++) {
			const res = await fetch(`${app.baseUrl}/c/cigadung`, { redirect: 'manual', headers: { 'user-agent': GOOGLEBOT, 'accept-language': 'en-US,en;q=0.9' } });
			expect(res.status).toBe(200);
			const html = await res.text();
			expect(html).toContain('<html lang="id"');
			expect(html).toContain(`hreflang="en" href="${app.baseUrl}/en/c/cigadung"`);
		}
		// A cached Indonesian page never answers the English URL, and the cache never skips the redirect decision.
		const en = await (await fetch(`${app.baseUrl}/en/c/cigadung`, { headers: { 'user-agent': GOOGLEBOT } })).text();
		expect(en).toContain('<html lang="en"');
		const browserFirst = await fetch(`${app.baseUrl}/c/cigadung`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0', 'accept-language': 'en-GB,en;q=0.9' } });
		expect(browserFirst.status).toBe(302);
		expect(browserFirst.headers.get('location')).toBe('/en/c/cigadung');
	});

	it('should switch language to the other URL without JavaScript, and remember the choice', async () => {
		const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/c/cigadung?q=sambal`);
		await page.getByRole('link', { name: 'Ganti bahasa ke English' }).click();
		await page.waitForURL(`${app.baseUrl}/en/c/cigadung?q=sambal`);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect((await ctx.cookies()).find((c) => c.name === 'lang')?.value).toBe('en');
		// The English choice now wins on Indonesian URLs too (a link shared in Indonesian opens in English).
		await page.goto(`${app.baseUrl}/c/cigadung/toko/sambal-mt`);
		expect(new URL(page.url()).pathname).toBe('/en/c/cigadung/toko/sambal-mt');
		await page.getByRole('link', { name: 'Switch language to Bahasa Indonesia' }).click();
		await page.waitForURL(`${app.baseUrl}/c/cigadung/toko/sambal-mt`);
		expect(await page.getAttribute('html', 'lang')).toBe('id');
		expect((await ctx.cookies()).find((c) => c.name === 'lang')?.value).toBe('id');
		await ctx.close();
	});
});

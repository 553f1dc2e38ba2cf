import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type RunningApp } from './harness';
import { findAll, parseXml } from '../helpers/xml';

/**
 * Issue 10 item 5 (search engines) and item 2 (feeds), fetched over HTTP from the built app as a crawler or a catalog
 * importer would: the documents parse, their links open, private areas are kept out.
 */
vi.setConfig({ testTimeout: 120_000 });

let app: RunningApp;

beforeAll(async () => {
	app = await startApp();
}, 180_000);
afterAll(async () => {
	await app?.stop();
});

describe('sitemap and robots.txt', () => {
	it('should serve a sitemap whose product URLs open with 200, with an ETag a crawler can revalidate', async () => {
		const res = await fetch(`${app.baseUrl}/sitemap.xml`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
		const xml = await res.text();
		const locs = findAll(parseXml(xml), 'loc').map((l) => l.text);
		expect(locs).toContain(`${app.baseUrl}/c/cigadung`);
		const products = locs.filter((l) => /^\/c\/cigadung\/toko\/[^/]+\/[^/]+$/.test(new URL(l).pathname));
		expect(products.length).toBeGreaterThan(5);
		for (const l of [products[0]!, products.at(-1)!, locs.find((x) => /\/toko\/[^/]+$/.test(x))!]) expect((await fetch(l)).status, l).toBe(200);

		const etag = res.headers.get('etag')!;
		expect(etag).toMatch(/^"/);
		const again = await fetch(`${app.baseUrl}/sitemap.xml`, { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(await fetch(`${app.baseUrl}/sitemap-1.xml`).then((r) => r.status)).toBe(404);
		expect(await fetch(`${app.baseUrl}/sitemap-x.xml`).then((r) => r.status)).toBe(404);
	});

	it('should point robots.txt to the sitemap and keep the workspaces, API, cart and orders out', async () => {
		const res = await fetch(`${app.baseUrl}/robots.txt`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		const lines = (await res.text()).split('\n');
		expect(lines).toContain(`Sitemap: ${app.baseUrl}/sitemap.xml`);
		for (const p of ['/jual', '/koordinator', '/api/', '/pesanan', '/c/*/keranjang']) expect(lines).toContain(`Disallow: ${p}`);
	});
});

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

describe('product feeds', () => {
	it('should serve the catalog feed as RSS 2.0 with g: fields whose links and images open', async () => {
		const res = await fetch(`${app.baseUrl}/c/cigadung/feed.xml`, { headers: { 'accept-encoding': 'gzip' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
		const rss = parseXml(await res.text());
		expect(rss.attributes['xmlns:g']).toBe('http://base.google.com/ns/1.0');
		const items = findAll(rss, 'item');
		expect(items.length).toBeGreaterThan(5);
		const field = (i: (typeof items)[number], n: string) => i.children.find((c) => c.name === n)?.text ?? '';
		for (const i of items) {
			expect(field(i, 'g:price')).toMatch(/^\d+ IDR$/);
			expect(['in stock', 'out of stock']).toContain(field(i, 'g:availability'));
			expect(field(i, 'g:condition')).toBe('new');
			expect(field(i, 'g:brand').length).toBeGreaterThan(0);
		}
		const first = items[0]!;
		expect((await fetch(field(first, 'g:link'))).status).toBe(200);
		const image = await fetch(field(first, 'g:image_link'));
		expect(image.status).toBe(200);
		expect(image.headers.get('content-type')).toMatch(/^image\//);
		expect((await fetch(`${app.baseUrl}/c/tidak-ada/feed.xml`)).status).toBe(404);
	});

	it('should serve CSV (BOM, integer prices) and JSON per community and per shop', async () => {
		const json = await fetch(`${app.baseUrl}/c/cigadung/produk.json`);
		expect(json.status).toBe(200);
		expect(json.headers.get('etag')).toMatch(/^"/);
		const body = (await json.json()) as { items: { price: number; shop: { slug: string } }[] };
		expect(body.items.length).toBeGreaterThan(5);
		for (const i of body.items) expect(Number.isInteger(i.price)).toBe(true);
		const shop = body.items[0]!.shop.slug;
		const shopJson = (await (await fetch(`${app.baseUrl}/c/cigadung/toko/${shop}/produk.json`)).json()) as { items: { shop: { slug: string } }[] };
		expect(shopJson.items.length).toBeGreaterThan(0);
		expect(shopJson.items.every((i) => i.shop.slug === shop)).toBe(true);

		const csv = await fetch(`${app.baseUrl}/c/cigadung/toko/${shop}/produk.csv`);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="produk-/);
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(bytes).split('\r\n');
		expect(lines[0]).toBe('id,item_group_id,title,variant,description,price,currency,availability,stock,unit,category,shop,shop_link,link,image_link,updated_at');
		expect((await fetch(`${app.baseUrl}/c/cigadung/produk.csv`)).status).toBe(200);
		expect((await fetch(`${app.baseUrl}/c/cigadung/toko/tidak-ada/produk.csv`)).status).toBe(404);
	});
});

/** Every JSON-LD block of a page, parsed (a block that does not parse fails the test). */
async function jsonLdOf(url: string): Promise<{ html: string; blocks: Record<string, unknown>[] }> {
	const res = await fetch(url);
	expect(res.status, url).toBe(200);
	const html = await res.text();
	const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
	return { html, blocks };
}

describe('structured data and index signals', () => {
	it('should describe a shop as a LocalBusiness with its region and breadcrumbs, and a product with breadcrumbs beside Product', async () => {
		const sitemap = await (await fetch(`${app.baseUrl}/sitemap.xml`)).text();
		const locs = findAll(parseXml(sitemap), 'loc').map((l) => l.text);
		const shopUrl = locs.find((l) => /\/toko\/[^/]+$/.test(l))!;
		const productUrl = locs.find((l) => l.startsWith(`${shopUrl}/`))!;

		const shop = await jsonLdOf(shopUrl);
		const business = shop.blocks.find((b) => b['@type'] === 'LocalBusiness')!;
		expect(business).toMatchObject({ url: shopUrl, address: { '@type': 'PostalAddress', addressCountry: 'ID', addressRegion: 'Jawa Barat' } });
		expect(String(business.name).length).toBeGreaterThan(0);
		// The page shows the WhatsApp number, so the telephone may be there; it must be the same number.
		expect(business.telephone).toMatch(/^\+62\d{8,13}$/);
		expect(shop.html).toContain(String(business.telephone).replace('+62', '0').slice(0, 4));
		const shopCrumbs = shop.blocks.find((b) => b['@type'] === 'BreadcrumbList') as { itemListElement: { position: number; item: string }[] };
		expect(shopCrumbs.itemListElement.map((i) => i.item)).toEqual([`${app.baseUrl}/c/cigadung`, shopUrl]);
		expect(shop.html).toContain(`<link rel="canonical" href="${shopUrl}"`);

		const product = await jsonLdOf(productUrl);
		expect(product.blocks.map((b) => b['@type']).sort()).toEqual(['BreadcrumbList', 'Product']);
		const crumbs = product.blocks.find((b) => b['@type'] === 'BreadcrumbList') as { itemListElement: { position: number; item: string }[] };
		expect(crumbs.itemListElement.map((i) => [i.position, i.item])).toEqual([
			[1, `${app.baseUrl}/c/cigadung`],
			[2, shopUrl],
			[3, productUrl]
		]);
	});

	it('should send one signal per catalog view: canonical on the plain catalog, noindex (and no canonical) on filtered or paged views', async () => {
		const plain = await (await fetch(`${app.baseUrl}/c/cigadung`)).text();
		expect(plain).toContain(`<link rel="canonical" href="${app.baseUrl}/c/cigadung"`);
		expect(plain).not.toMatch(/<meta name="robots"/);
		for (const q of ['?q=keripik', '?sort=cheapest', '?page=2', '?category=camilan-keripik']) {
			const html = await (await fetch(`${app.baseUrl}/c/cigadung${q}`)).text();
			expect(html, q).toContain('<meta name="robots" content="noindex, follow"');
			expect(html, q).not.toContain('rel="canonical"');
		}
	});
});

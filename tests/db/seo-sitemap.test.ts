import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import { findAll, parseXml } from '../helpers/xml';
import { SitemapService, robotsTxt } from '../../src/lib/server/seo/sitemap.service';
import { SeoRepository } from '../../src/lib/server/seo/seo.repository';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { NotFoundError } from '../../src/lib/server/errors';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';

/** Issue 10 item 5: the sitemap lists exactly what a visitor can open — nothing hidden, archived, drafted or empty. */
let ctx: TestContext;
let village: Community;
let other: Community;
let open: Shop;
let hidden: Shop;
let roster: Shop;
let farShop: Shop;
let shown: Product;
let hostile: Product;
let far: Product;
const ORIGIN = 'https://ecrav.example';

beforeAll(async () => {
	ctx = await createTestContext();
	village = await makeCommunity(ctx.services, { slug: 'desa-peta' });
	other = await makeCommunity(ctx.services, { slug: 'desa-lain' });
	await makeCommunity(ctx.services, { slug: 'desa-kosong' });
	open = await makeShop(ctx.services, village, 'Toko <&"> Terbuka');
	hidden = await makeShop(ctx.services, village, 'Toko Disembunyikan');
	roster = await makeShop(ctx.services, village, 'Toko Baru');
	farShop = await makeShop(ctx.services, other, 'Toko Jauh');
	shown = await makeProduct(ctx.services, open, { name: 'Keripik Pisang' });
	hostile = await makeProduct(ctx.services, open, { name: 'Sambal <b>&"pedas"</b> \'level\' 5' });
	await makeProduct(ctx.services, open, { name: 'Kue Draf', published: false });
	const archived = await makeProduct(ctx.services, open, { name: 'Dodol Lama' });
	await ctx.services.products.setStatus(system, archived.id, 'archived');
	await makeProduct(ctx.services, hidden, { name: 'Rengginang Tersembunyi' });
	await ctx.database.db.updateTable('shop').set({ status: 'hidden' }).where('id', '=', hidden.id).execute();
	await makeProduct(ctx.services, roster, { name: 'Kue Belum Terbit', published: false });
	far = await makeProduct(ctx.services, farShop, { name: 'Opak Jauh' });
});
afterAll(() => ctx.cleanup());

/** Every page in Indonesian and at its English URL (`/en…`). */
const pagePaths = () =>
	[
		'/',
		'/c/desa-lain',
		'/c/desa-peta',
		`/c/desa-lain/toko/${farShop.slug}`,
		`/c/desa-peta/toko/${open.slug}`,
		`/c/desa-lain/toko/${farShop.slug}/${far.slug}`,
		`/c/desa-peta/toko/${open.slug}/${shown.slug}`,
		`/c/desa-peta/toko/${open.slug}/${hostile.slug}`
	];
const expected = () => pagePaths().flatMap((p) => [ORIGIN + p, ORIGIN + (p === '/' ? '/en' : `/en${p}`)]);

const locsOf = (xml: string) => findAll(parseXml(xml), 'loc').map((l) => l.text);

describe(`${SitemapService.name} (${TEST_DIALECT})`, () => {
	describe('sitemap', () => {
		it('should list the home page, communities showing products, open shops and public products only', async () => {
			const xml = await ctx.services.sitemap.sitemap(PUBLIC_ACTOR, ORIGIN);
			const root = parseXml(xml);
			expect(root.name).toBe('urlset');
			expect(root.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
			expect(locsOf(xml).sort()).toEqual(expected().sort());
			expect(xml).not.toMatch(/desa-kosong|tersembunyi|draf|dodol|belum-terbit/i);
		});

		it('should give every URL a lastmod: the later of the page and its newest public product', async () => {
			const urls = findAll(parseXml(await ctx.services.sitemap.sitemap(PUBLIC_ACTOR, ORIGIN)), 'url');
			for (const u of urls) expect(u.children.find((c) => c.name === 'lastmod')?.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
			const shopUrl = urls.find((u) => u.children[0]!.text === `${ORIGIN}/c/desa-peta/toko/${open.slug}`)!;
			const products = await ctx.database.db.selectFrom('product').select('updated_at').where('shop_id', '=', open.id).where('status', '=', 'published').execute();
			const newest = products.map((p) => p.updated_at).sort().at(-1)!;
			expect(shopUrl.children[1]!.text >= newest).toBe(true);
		});

		it("should move the lastmod of a shop, its products, its community and the home page when the seller edits the shop's profile, and no one else's", async () => {
			const lastmods = async () => new Map(findAll(parseXml(await ctx.services.sitemap.sitemap(PUBLIC_ACTOR, ORIGIN)), 'url').map((u) => [u.children[0]!.text.replace(ORIGIN, ''), u.children.find((c) => c.name === 'lastmod')!.text]));
			const before = await lastmods();
			await new Promise((r) => setTimeout(r, 5));
			const edited = await ctx.services.shops.saveOnboardingStep(system, open.id, 'cerita', { story: 'Keripik buatan sendiri sejak 1998, digoreng tiap pagi.' });
			const after = await lastmods();
			const moved = [`/c/desa-peta/toko/${open.slug}`, `/c/desa-peta/toko/${open.slug}/${shown.slug}`, `/c/desa-peta/toko/${open.slug}/${hostile.slug}`, '/c/desa-peta', '/'];
			for (const path of [...moved, ...moved.map((p) => (p === '/' ? '/en' : `/en${p}`))]) {
				expect(after.get(path), path).toBe(edited.updated_at);
				expect(after.get(path)! > before.get(path)!, path).toBe(true);
			}
			for (const path of ['/c/desa-lain', `/c/desa-lain/toko/${farShop.slug}`, `/c/desa-lain/toko/${farShop.slug}/${far.slug}`]) expect(after.get(path), path).toBe(before.get(path));
		});

		it('should name, on each URL, the Indonesian and English pages and x-default (Indonesian) as xhtml:link alternates', async () => {
			const xml = await ctx.services.sitemap.sitemap(PUBLIC_ACTOR, ORIGIN);
			expect(parseXml(xml).attributes['xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
			const urls = findAll(parseXml(xml), 'url');
			expect(urls).toHaveLength(pagePaths().length * 2);
			const product = `/c/desa-peta/toko/${open.slug}/${shown.slug}`;
			for (const loc of [ORIGIN + product, `${ORIGIN}/en${product}`]) {
				const u = urls.find((x) => x.children[0]!.text === loc)!;
				const links = u.children.filter((c) => c.name === 'xhtml:link').map((c) => [c.attributes.rel, c.attributes.hreflang, c.attributes.href]);
				expect(links).toEqual([
					['alternate', 'id', ORIGIN + product],
					['alternate', 'en', `${ORIGIN}/en${product}`],
					['alternate', 'x-default', ORIGIN + product]
				]);
			}
			const home = urls.find((x) => x.children[0]!.text === `${ORIGIN}/en`)!;
			expect(home.children.filter((c) => c.name === 'xhtml:link').map((c) => c.attributes.href)).toEqual([`${ORIGIN}/`, `${ORIGIN}/en`, `${ORIGIN}/`]);
		});

		it('should drop a product from the sitemap once it is archived', async () => {
			const extra = await makeProduct(ctx.services, farShop, { name: 'Peyek Sebentar' });
			expect(locsOf(await ctx.services.sitemap.sitemap(PUBLIC_ACTOR, ORIGIN))).toContain(`${ORIGIN}/c/desa-lain/toko/${farShop.slug}/${extra.slug}`);
			await ctx.services.products.setStatus(system, extra.id, 'archived');
			expect(locsOf(await ctx.services.sitemap.sitemap(PUBLIC_ACTOR, ORIGIN))).not.toContain(`${ORIGIN}/c/desa-lain/toko/${farShop.slug}/${extra.slug}`);
			expect(locsOf(await ctx.services.sitemap.sitemap(PUBLIC_ACTOR, ORIGIN))).not.toContain(`${ORIGIN}/en/c/desa-lain/toko/${farShop.slug}/${extra.slug}`);
		});
	});

	describe('sitemapPage', () => {
		it('should become an index of pages that together list every URL once when there are more than fit in one file', async () => {
			// 6 URLs a file: 3 pages, each in both languages (8 pages → 3 files).
			const small = new SitemapService(new SeoRepository(ctx.database.db), 6);
			const index = parseXml(await small.sitemap(PUBLIC_ACTOR, ORIGIN));
			expect(index.name).toBe('sitemapindex');
			const pages = findAll(index, 'loc').map((l) => l.text);
			expect(pages).toEqual([1, 2, 3].map((n) => `${ORIGIN}/sitemap-${n}.xml`));
			const all: string[] = [];
			for (let n = 1; n <= 3; n++) {
				const locs = locsOf(await small.sitemapPage(PUBLIC_ACTOR, ORIGIN, n));
				expect(locs.length).toBeLessThanOrEqual(6);
				all.push(...locs);
			}
			expect(all.sort()).toEqual(expected().sort());
		});

		it('should answer 404 for a page that does not exist (or when one file holds everything)', async () => {
			const small = new SitemapService(new SeoRepository(ctx.database.db), 6);
			await expect(small.sitemapPage(PUBLIC_ACTOR, ORIGIN, 4)).rejects.toBeInstanceOf(NotFoundError);
			await expect(small.sitemapPage(PUBLIC_ACTOR, ORIGIN, 0)).rejects.toBeInstanceOf(NotFoundError);
			await expect(ctx.services.sitemap.sitemapPage(PUBLIC_ACTOR, ORIGIN, 1)).rejects.toBeInstanceOf(NotFoundError);
		});
	});
});

describe('robotsTxt', () => {
	it('should point to the sitemap by absolute URL and keep private areas out', () => {
		const txt = robotsTxt(ORIGIN);
		expect(txt).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
		for (const p of ['/jual', '/koordinator', '/api/', '/pesanan', '/c/*/keranjang', '/en/pesanan', '/en/c/*/keranjang', '/masuk']) expect(txt.split('\n')).toContain(`Disallow: ${p}`);
		expect(txt).not.toMatch(/^Disallow: \/c\/?$/m);
	});
});

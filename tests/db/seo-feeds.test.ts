import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import { findAll, parseXml, type XmlElement } from '../helpers/xml';
import { FeedService, catalogFeedXml, productsCsv, productsJson } from '../../src/lib/server/seo/feed.service';
import { parseCsv } from '../../src/lib/server/members/member-file';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { NotFoundError } from '../../src/lib/server/errors';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';

/** Issue 10 item 2: catalog feed (RSS 2.0 + g:), CSV and JSON per community and shop — public products only, hostile text safe. */
let ctx: TestContext;
let village: Community;
let other: Community;
let open: Shop;
let hidden: Shop;
let farShop: Shop;
let plain: Product;
let hostile: Product;
let sized: Product;
let noPhoto: Product;
const ORIGIN = 'https://ecrav.example';
const HOSTILE_SHOP = 'Toko <&"> \'Bu\' Ani';
const HOSTILE_NAME = '=HYPERLINK("http://x.invalid","klik") <b>&"</b>';

const jpeg = () => sharp({ create: { width: 900, height: 900, channels: 3, background: { r: 200, g: 150, b: 90 } } }).jpeg().toBuffer();

beforeAll(async () => {
	ctx = await createTestContext();
	village = await makeCommunity(ctx.services, { slug: 'desa-umpan' });
	other = await makeCommunity(ctx.services, { slug: 'desa-tetangga' });
	open = await makeShop(ctx.services, village, HOSTILE_SHOP);
	hidden = await makeShop(ctx.services, village, 'Toko Disembunyikan');
	farShop = await makeShop(ctx.services, other, 'Toko Tetangga');
	plain = await makeProduct(ctx.services, open, { name: 'Keripik Pisang', price: 12000, stock: 0, description: 'Renyah.\nManis gurih.' });
	hostile = await makeProduct(ctx.services, open, { name: HOSTILE_NAME, description: '+62 812 <script>alert(1)</script> & "kutip" \'satu\'', price: 15000 });
	sized = await makeProduct(ctx.services, open, {
		name: 'Sambal Bawang',
		price: 20000,
		variantTitle: 'Ukuran',
		variants: [
			{ label: '@100 gr', price: 15000, stock: 0 },
			{ label: '250 gr', price: 32500, stock: 4 }
		]
	});
	noPhoto = await makeProduct(ctx.services, open, { name: 'Kerupuk Tanpa Foto', price: 5000 });
	for (const p of [plain, hostile, sized]) await ctx.services.products.addPhoto(system, p.id, await jpeg());
	await makeProduct(ctx.services, open, { name: 'Kue Draf', published: false });
	const archived = await makeProduct(ctx.services, open, { name: 'Dodol Diarsipkan' });
	await ctx.services.products.setStatus(system, archived.id, 'archived');
	await makeProduct(ctx.services, hidden, { name: 'Rengginang Tersembunyi' });
	await ctx.database.db.updateTable('shop').set({ status: 'hidden' }).where('id', '=', hidden.id).execute();
	await makeProduct(ctx.services, farShop, { name: 'Opak Tetangga' });
}, 60_000);
afterAll(() => ctx.cleanup());

const itemsOf = (slug: string, shop?: string) => ctx.services.feeds.items(PUBLIC_ACTOR, ORIGIN, slug, shop);
const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name)?.text;

describe(`${FeedService.name} (${TEST_DIALECT})`, () => {
	describe('items', () => {
		it('should list only published products of active shops of this community, one item per variant', async () => {
			const { items } = await itemsOf('desa-umpan');
			const ids = items.map((i) => i.id).sort();
			const variants = await ctx.database.db.selectFrom('product_variant').select(['id', 'label']).where('product_id', '=', sized.id).orderBy('position').execute();
			expect(ids).toEqual([plain.id, hostile.id, noPhoto.id, ...variants.map((v) => v.id)].sort());
			expect(JSON.stringify(items)).not.toMatch(/Draf|Diarsipkan|Tersembunyi|Tetangga/);
			const small = items.find((i) => i.id === variants[0]!.id)!;
			expect(small).toMatchObject({ groupId: sized.id, variant: '@100 gr', price: 15000, inStock: false, title: 'Sambal Bawang - @100 gr' });
			expect(small.link).toBe(`${ORIGIN}/c/desa-umpan/toko/${open.slug}/${sized.slug}?variantId=${variants[0]!.id}`);
			expect(items.find((i) => i.id === variants[1]!.id)).toMatchObject({ groupId: sized.id, price: 32500, inStock: true, stock: 4 });
			expect(items.find((i) => i.id === plain.id)).toMatchObject({ groupId: null, inStock: false, stock: 0, price: 12000 });
		});

		it('should answer 404 for an unknown community, a hidden shop and a shop of another community', async () => {
			await expect(itemsOf('tidak-ada')).rejects.toBeInstanceOf(NotFoundError);
			await expect(itemsOf('desa-umpan', hidden.slug)).rejects.toBeInstanceOf(NotFoundError);
			await expect(itemsOf('desa-umpan', farShop.slug)).rejects.toBeInstanceOf(NotFoundError);
			expect((await itemsOf('desa-tetangga', farShop.slug)).items.map((i) => i.title)).toEqual(['Opak Tetangga']);
		});
	});

	describe('catalogFeedXml', () => {
		it('should be well-formed RSS 2.0 with the g: fields, hostile text escaped and absolute image links', async () => {
			const { community, items } = await itemsOf('desa-umpan');
			const xml = catalogFeedXml(ORIGIN, community, items);
			const rss = parseXml(xml);
			expect(rss.name).toBe('rss');
			expect(rss.attributes['xmlns:g']).toBe('http://base.google.com/ns/1.0');
			const entries = findAll(rss, 'item');
			// the product without a photo is left out (image_link is required)
			expect(entries.map((e) => child(e, 'g:id'))).not.toContain(noPhoto.id);
			expect(entries).toHaveLength(4);
			const h = entries.find((e) => child(e, 'g:id') === hostile.id)!;
			expect(child(h, 'g:title')).toBe(HOSTILE_NAME);
			expect(child(h, 'g:description')).toBe('+62 812 <script>alert(1)</script> & "kutip" \'satu\'');
			expect(child(h, 'g:brand')).toBe(HOSTILE_SHOP);
			expect(child(h, 'g:price')).toBe('15000 IDR');
			expect(child(h, 'g:availability')).toBe('in stock');
			expect(child(h, 'g:condition')).toBe('new');
			expect(child(h, 'g:link')).toBe(`${ORIGIN}/c/desa-umpan/toko/${open.slug}/${hostile.slug}`);
			// the JPEG rendition (Meta catalogs read this feed too and ask for JPEG or PNG), not the WebP
			expect(child(h, 'g:image_link')).toMatch(new RegExp(`^${ORIGIN}/media/p/[0-9a-f]{2}/[0-9a-f]{24}-large\\.jpg$`));
			expect(child(entries.find((e) => child(e, 'g:id') === plain.id)!, 'g:availability')).toBe('out of stock');
			expect(xml).not.toContain('<script>');
		});
	});

	describe('productsCsv', () => {
		it('should start with a BOM, keep prices as integers and put an apostrophe before cells starting with = + - @', async () => {
			const { items } = await itemsOf('desa-umpan');
			const csv = productsCsv(items);
			expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const rows = parseCsv(csv.toString('utf8').slice(1));
			const header = rows[0]!;
			const col = (row: string[], name: string) => row[header.indexOf(name)];
			const h = rows.find((r) => r[0] === hostile.id)!;
			expect(col(h, 'title')).toBe(`'${HOSTILE_NAME}`);
			expect(col(h, 'description')).toBe(`'+62 812 <script>alert(1)</script> & "kutip" 'satu'`);
			expect(col(h, 'price')).toBe('15000');
			expect(col(rows.find((r) => col(r, 'variant') === "'@100 gr")!, 'price')).toBe('15000');
			for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
			expect(rows.slice(1).map((r) => r[0])).not.toContain(undefined);
			expect(col(rows.find((r) => r[0] === plain.id)!, 'description')).toBe('Renyah.\nManis gurih.');
		});
	});

	describe('productsJson', () => {
		it('should name the community and the shop and keep text as it was typed', async () => {
			const { community, shop, items } = await itemsOf('desa-umpan', open.slug);
			const json = productsJson(community, shop, items);
			expect(json.shop).toEqual({ slug: open.slug, name: HOSTILE_SHOP });
			expect(json.items.find((i) => i.id === hostile.id)).toMatchObject({ title: HOSTILE_NAME, price: 15000, availability: 'in stock', itemGroupId: null });
			expect(json.items).toHaveLength(5);
		});
	});
});

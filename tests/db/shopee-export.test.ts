import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import { callRoute, ORIGIN, routeByKey, type RouteResult } from '../helpers/routes';
import { writeZip } from '../helpers/zip';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { ShopeeExportService } from '../../src/lib/server/reach/shopee-export.service';
import { ShopeeExportRepository } from '../../src/lib/server/reach/shopee-export.repository';
import { ShopRepository } from '../../src/lib/server/shops/shop.repository';
import { ProductRepository } from '../../src/lib/server/catalog/product.repository';
import { openapi } from '../../src/lib/server/web/openapi';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { processPhoto } from '../../src/lib/server/media/image-pipeline';
import { jpegRendition, jpegRenditionKey } from '../../src/lib/server/media/jpeg-rendition';

/**
 * Shopee bulk upload (issue 10 item 1) through the real route handlers: a template built like Seller Centre's
 * (keys in row 1 with their own flags, headers in rows 2–6, columns in another order than E-Crav's built-in
 * workbook, an extra sheet) is filled and read back BY KEY; rows 1–6 and the other sheet are unchanged; products
 * Shopee would refuse are named with what to fix and left out; another shop's seller gets 404 and nothing is
 * recorded; a file that is not a template is refused with a clear message.
 */
let ctx: TestContext;
let shopId: string;
let otherShopId: string;
let seller: Actor;
let otherSeller: Actor;
let coordinator: Actor;
let community: Community;
const ids: Record<string, string> = {};

const photo = (hex: string) => sharp({ create: { width: 800, height: 800, channels: 3, background: hex } }).jpeg().toBuffer();
const GOOD_TEXT = 'Keripik singkong tipis, digoreng dengan minyak baru, renyah dan gurih.';

beforeAll(async () => {
	ctx = await createTestContext();
	const s = ctx.services;
	community = await makeCommunity(s, { slug: 'desa-shopee' });
	const a = await s.members.addSeller(system, community, { name: 'Bu Shopee', businessType: 'Penjual keripik', whatsapp: '0812 7777 0001' });
	const b = await s.members.addSeller(system, community, { name: 'Pak Lain', businessType: 'Penjual kopi', whatsapp: '0812 7777 0002' });
	shopId = a.shopId;
	otherShopId = b.shopId;
	seller = (await s.auth.loadActor(a.userId))!;
	otherSeller = (await s.auth.loadActor(b.userId))!;
	const staffId = await s.auth.createUser(system, { name: 'Bu Koordinator', email: 'koordinator-shopee@contoh.test', password: 'kunci-rahasia-shopee-8' });
	await s.members.addRole(system, community, staffId, 'coordinator');
	coordinator = (await s.auth.loadActor(staffId))!;

	const base = { categorySlug: 'camilan-keripik' as const, unit: 'bungkus', published: true };
	const make = async (key: string, input: Record<string, unknown>, photos: string[]) => {
		const p = await s.products.createInShop(seller, shopId, { ...base, ...input } as never);
		for (const hex of photos) await s.products.addPhoto(seller, p.id, await photo(hex));
		ids[key] = p.id;
	};
	await make('plain', { name: 'Keripik Singkong Balado', price: 15000, stock: 12, weightGrams: 250, description: GOOD_TEXT }, ['#c08040', '#804020']);
	await make('sizes', { name: 'Sambal Bawang Bu Shopee', price: 20000, stock: 10, weightGrams: 300, description: 'Sambal bawang pedas, tanpa pengawet, tahan dua minggu.', variantTitle: 'Ukuran', variants: [{ label: 'Kecil 100 g', price: 12000, stock: 4 }, { label: 'Besar 250 g', price: 25000, stock: 6 }, { label: 'Jumbo 500 g', price: 45000, stock: 7 }] }, ['#e03020']);
	await make('short', { name: 'Teh', price: 5000, stock: 3, weightGrams: 100, description: GOOD_TEXT }, ['#20a040']);
	await make('html', { name: 'Kopi Bubuk Robusta', price: 30000, stock: 5, weightGrams: 200, description: '<b>Kopi</b> robusta asli dari kebun sendiri, digiling halus.' }, ['#402010']);
	await make('nophoto', { name: 'Rengginang Ketan', price: 12000, stock: 8, weightGrams: 150, description: GOOD_TEXT }, []);
	await make('draft', { name: 'Dodol Belum Tayang', price: 9000, stock: 2, weightGrams: 100, description: GOOD_TEXT, published: false }, ['#a0a020']);
	await s.products.createInShop(otherSeller, otherShopId, { ...base, name: 'Kopi Milik Pak Lain', price: 25000, stock: 9, weightGrams: 200, description: GOOD_TEXT } as never);
}, 120_000);
afterAll(() => ctx.cleanup());

const FILE = '/api/v1/shops/[shopId]/exports/shopee.xlsx';
const call = async (method: 'GET' | 'POST', actor: Actor, req: Parameters<typeof callRoute>[2], locale: 'id' | 'en' = 'id') => callRoute(await routeByKey(`${method} ${FILE}`), { services: ctx.services, actor, locale }, req);
const exportsOf = (shop: string) => ctx.database.db.selectFrom('shopee_export').selectAll().where('shop_id', '=', shop).orderBy('created_at').execute();
const xlsxFile = (bytes: Uint8Array, name = 'template.xlsx') => new File([bytes as BlobPart], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

/** Shopee's Template Dasar as Seller Centre ships it, in miniature: another column order and other flags than ours. */
const TEMPLATE_KEYS = [
	'ps_weight|1|1',
	'ps_product_name|1|0',
	'channel_id.80014|0|0',
	'ps_price|1|1',
	'ps_item_cover_image|1|3',
	'ps_mystery_field|0|2',
	'ps_item_image_1|0|3',
	'ps_stock|1|1',
	'et_title_option_for_variation_1|0|0',
	'et_title_variation_1|0|0',
	'et_title_variation_integration_no|0|0',
	'ps_sku_parent_short|0|0',
	'ps_product_description|1|0',
	'ps_category|1|1',
	'ps_sku_short|0|0',
	'ps_length|0|1'
];
async function shopeeTemplate(weightHeader = 'Berat (kg)'): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const guide = wb.addWorksheet('Petunjuk');
	guide.getCell('A1').value = 'Cara mengisi template';
	guide.getCell('B3').value = 42;
	guide.getCell('C5').value = 'Jangan ubah baris 1';
	const ws = wb.addWorksheet('Template');
	ws.getRow(1).values = TEMPLATE_KEYS;
	ws.getRow(2).values = TEMPLATE_KEYS.map((k) => (k.startsWith('ps_weight') ? weightHeader : k.split('|')[0].replace(/_/g, ' ')));
	ws.getRow(3).values = TEMPLATE_KEYS.map((k) => (k.split('|')[1] === '1' ? 'Wajib' : 'Opsional'));
	ws.getRow(4).values = TEMPLATE_KEYS.map(() => 'Petunjuk singkat');
	ws.getRow(5).values = ['Baris contoh di bawah boleh dihapus'];
	ws.getRow(6).values = TEMPLATE_KEYS.map((_k, i) => `contoh ${i}`);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The "Template" sheet read back by key: rows 1–6 as values, and each data row as { field: value }. */
async function readBack(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	const ws = wb.getWorksheet('Template')!;
	const keys = (ws.getRow(1).values as unknown[]).slice(1) as string[];
	const head = [1, 2, 3, 4, 5, 6].map((r) => JSON.stringify((ws.getRow(r).values as unknown[]).slice(1)));
	const rows: Record<string, unknown>[] = [];
	for (let r = 7; r <= ws.rowCount; r++) {
		const row: Record<string, unknown> = {};
		keys.forEach((k, i) => {
			const v = ws.getRow(r).getCell(i + 1).value;
			if (v !== null && v !== undefined && v !== '') row[k.split('|')[0]] = v;
		});
		if (Object.keys(row).length) rows.push(row);
	}
	return { wb, ws, keys, head, rows };
}

const skippedOf = (r: RouteResult) => (r.body as { skipped: { productId: string; reasons: string[]; codes: string[] }[] }).skipped;

describe(`${ShopeeExportService.name} (${TEST_DIALECT})`, () => {
	it("should fill the seller's Shopee template by key from row 7, keep rows 1–6 and the other sheet, and convert grams to the template's kg", async () => {
		const template = await shopeeTemplate();
		const before = await readBack(template);
		const res = await call('POST', seller, { params: { shopId }, form: { template: xlsxFile(template) } });
		expect(res.status).toBe(200);
		expect(res.headers?.get('content-type')).toContain('spreadsheetml');
		expect(res.headers?.get('content-disposition')).toMatch(/attachment; filename="shopee-.+\.xlsx"/);
		expect(res.headers?.get('x-export-skipped')).toBe('3');
		const after = await readBack(res.bytes!);
		expect(after.keys).toEqual(TEMPLATE_KEYS);
		expect(after.head).toEqual(before.head);
		const guide = after.wb.getWorksheet('Petunjuk')!;
		expect([guide.getCell('A1').value, guide.getCell('B3').value, guide.getCell('C5').value]).toEqual(['Cara mengisi template', 42, 'Jangan ubah baris 1']);
		expect(after.wb.worksheets.map((w) => w.name)).toEqual(['Petunjuk', 'Template']);

		// 1 plain product + 3 variant rows; the 3-letter name, the HTML description, the one without photo and the draft are not there
		expect(after.rows).toHaveLength(4);
		const [plain, ...sizes] = after.rows;
		expect(plain).toMatchObject({ ps_product_name: 'Keripik Singkong Balado', ps_product_description: GOOD_TEXT, ps_price: 15000, ps_stock: 12, ps_weight: 0.25 });
		expect(String(plain.ps_item_cover_image)).toMatch(new RegExp(`^${ORIGIN}/media/.+`));
		expect(String(plain.ps_item_image_1)).toMatch(new RegExp(`^${ORIGIN}/media/.+`));
		expect(plain.ps_item_image_1).not.toBe(plain.ps_item_cover_image);
		expect(plain).not.toHaveProperty('et_title_variation_1');
		expect(sizes.map((r) => [r.et_title_variation_1, r.et_title_option_for_variation_1, r.ps_price, r.ps_stock, r.ps_weight])).toEqual([
			['Ukuran', 'Kecil 100 g', 12000, 4, 0.3],
			['Ukuran', 'Besar 250 g', 25000, 6, 0.3],
			['Ukuran', 'Jumbo 500 g', 45000, 7, 0.3]
		]);
		expect(new Set(sizes.map((r) => r.ps_sku_parent_short)).size).toBe(1);
		expect(new Set(sizes.map((r) => r.et_title_variation_integration_no)).size).toBe(1);
		expect(new Set(sizes.map((r) => r.ps_sku_short)).size).toBe(3);
		expect(sizes.every((r) => r.ps_product_name === 'Sambal Bawang Bu Shopee')).toBe(true);
		// columns E-Crav knows nothing about stay empty
		for (const r of after.rows) for (const unknown of ['channel_id.80014', 'ps_mystery_field', 'ps_length', 'ps_category']) expect(r).not.toHaveProperty(unknown);
		for (const text of ['Teh', 'Kopi Bubuk Robusta', 'Rengginang Ketan', 'Dodol Belum Tayang']) expect(after.rows.some((r) => r.ps_product_name === text)).toBe(false);

		const recorded = await exportsOf(shopId);
		expect(recorded.at(-1)).toMatchObject({ kind: 'template', exported_count: 2, skipped_count: 3, community_id: expect.any(String) });
	});

	it('should write grams into a template whose header says gram', async () => {
		const res = await call('POST', seller, { params: { shopId }, form: { template: xlsxFile(await shopeeTemplate('Berat (gram)')) } });
		expect(res.status).toBe(200);
		expect((await readBack(res.bytes!)).rows.map((r) => r.ps_weight)).toEqual([250, 300, 300, 300]);
	});

	it('should name each product left out with what to fix, in plain words (JSON), and record nothing for a look', async () => {
		const count = (await exportsOf(shopId)).length;
		const res = await call('GET', seller, { params: { shopId }, headers: { accept: 'application/json' } });
		expect(res.status).toBe(200);
		expect(res.headers?.get('x-export-skipped')).toBe('3');
		const skipped = skippedOf(res);
		expect(skipped.map((s) => s.productId).sort()).toEqual([ids.short, ids.html, ids.nophoto].sort());
		const why = (id: string) => skipped.find((s) => s.productId === id)!;
		expect(why(ids.short).codes).toEqual(['name_short']);
		expect(why(ids.short).reasons[0]).toContain('Nama terlalu pendek (3 huruf)');
		expect(why(ids.html).codes).toEqual(['description_html']);
		expect(why(ids.html).reasons[0]).toContain('teks biasa');
		expect(why(ids.nophoto).codes).toEqual(['no_photo']);
		expect(why(ids.nophoto).reasons[0]).toContain('foto sampul');
		const english = await call('GET', seller, { params: { shopId }, headers: { accept: 'application/json' } }, 'en');
		expect(skippedOf(english).find((s) => s.productId === ids.nophoto)!.reasons[0]).toContain('cover photo');
		expect((await exportsOf(shopId)).length).toBe(count);
	});

	it('should give the built-in workbook without a template (basic keys, grams), for the seller and the coordinator', async () => {
		for (const actor of [seller, coordinator]) {
			const res = await call('GET', actor, { params: { shopId } });
			expect(res.status).toBe(200);
			expect(res.headers?.get('x-export-skipped')).toBe('3');
			const back = await readBack(res.bytes!);
			expect(back.keys).toEqual(expect.arrayContaining(['ps_product_name|1|0', 'ps_price|1|1', 'ps_item_cover_image|1|3', 'ps_weight|1|1', 'et_title_variation_1|0|0']));
			expect(back.rows.map((r) => [r.ps_product_name, r.et_title_option_for_variation_1 ?? null, r.ps_weight])).toEqual([
				['Keripik Singkong Balado', null, 250],
				['Sambal Bawang Bu Shopee', 'Kecil 100 g', 300],
				['Sambal Bawang Bu Shopee', 'Besar 250 g', 300],
				['Sambal Bawang Bu Shopee', 'Jumbo 500 g', 300]
			]);
		}
		const recorded = await exportsOf(shopId);
		expect(recorded.slice(-2).map((r) => [r.kind, r.exported_count, r.skipped_count])).toEqual([
			['fallback', 2, 3],
			['fallback', 2, 3]
		]);
	});

	it('should point every photo in the file at a JPEG Shopee can fetch: image/jpeg, ≤ 2 MB, ≥ 500 px wide, cached for a year, made once and kept', async () => {
		const res = await call('GET', seller, { params: { shopId } });
		const back = await readBack(res.bytes!);
		const urls = new Set(back.rows.flatMap((r) => Object.entries(r).filter(([k]) => k === 'ps_item_cover_image' || k.startsWith('ps_item_image_')).map(([, v]) => String(v))));
		// the plain product's two photos and the sambal's one
		expect(urls.size).toBe(3);
		const media = await routeByKey('GET /media/[...key]');
		for (const url of urls) {
			expect(url).toMatch(/^https?:\/\/[^/]+\/media\/p\/[0-9a-f]{2}\/[0-9a-f]{24}-large\.jpg$/);
			const key = new URL(url).pathname.slice('/media/'.length);
			expect(await ctx.services.storage.exists(key)).toBe(false); // made on Shopee's first fetch, not before
			const got = await callRoute(media, { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { key } });
			expect(got.status).toBe(200);
			expect(got.headers?.get('content-type')).toBe('image/jpeg');
			expect(got.headers?.get('cache-control')).toBe('public, max-age=31536000, immutable');
			const meta = await sharp(Buffer.from(got.bytes!)).metadata();
			expect(meta.format).toBe('jpeg');
			expect(got.bytes!.length).toBeLessThanOrEqual(2 * 1024 * 1024);
			expect(Number(got.headers?.get('content-length'))).toBe(got.bytes!.length);
			expect(meta.width).toBeGreaterThanOrEqual(500); // the 800 px photos stay 800 px
			expect(meta.width).toBe(800);
			// stored beside the WebP: the next fetch reads the same bytes
			expect(await ctx.services.storage.exists(key)).toBe(true);
			const again = await callRoute(media, { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { key } });
			expect(Buffer.from(again.bytes!).equals(Buffer.from(got.bytes!))).toBe(true);
		}
		// a rendition of a photo that is not there, or of a private prefix, is 404
		for (const key of ['p/00/000000000000000000000000-large.jpg', 'e/00/000000000000000000000000-large.jpg', 'r/00/000000000000000000000000-large.jpg']) {
			expect((await callRoute(media, { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { key } })).status).toBe(404);
		}
	});

	it('should make a wide, short photo at least 500 px on both sides with white bands, never enlarge a small one, and keep a 12 MP noisy photo under 2 MB', async () => {
		const storage = ctx.services.storage;
		const rendition = async (input: Buffer) => {
			const large = (await processPhoto(storage, input)).variants.find((v) => v.name === 'large')!;
			return sharp((await jpegRendition(storage, jpegRenditionKey(large.key)!))!).metadata();
		};
		const wide = await rendition(await sharp({ create: { width: 1600, height: 400, channels: 3, background: '#336699' } }).jpeg().toBuffer());
		expect([wide.format, wide.width, wide.height]).toEqual(['jpeg', 1200, 500]);
		const small = await rendition(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#996633' } }).png().toBuffer());
		expect([small.width, small.height]).toEqual([320, 320]);
		const noise = Buffer.alloc(4000 * 3000 * 3);
		for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
		const big = await processPhoto(storage, await sharp(noise, { raw: { width: 4000, height: 3000, channels: 3 } }).jpeg({ quality: 90 }).toBuffer());
		const bytes = (await jpegRendition(storage, jpegRenditionKey(big.variants.find((v) => v.name === 'large')!.key)!))!;
		expect(bytes.length).toBeLessThanOrEqual(2 * 1024 * 1024);
		expect((await sharp(bytes).metadata()).width).toBe(1200);
	}, 60_000);

	it('should record a reload of the same file the same WIB day once, and record it again once the file changes or on the next day', async () => {
		const times = ['2026-03-10T01:00:00Z', '2026-03-10T09:00:00Z', '2026-03-10T16:59:00Z', '2026-03-10T17:00:00Z'];
		let i = 0;
		const exports = new ShopeeExportService(new ShopeeExportRepository(ctx.database.db), new ShopRepository(ctx.database.db), new ProductRepository(ctx.database.db, ctx.database.dialect), () => new Date(times[i]));
		const rowsNow = async () => (await exportsOf(shopId)).filter((r) => r.created_at >= '2026-03-10' && r.created_at < '2026-03-12');
		// 08.00 WIB, then a reload at 16.00 WIB and at 23.59 WIB: one record
		for (i = 0; i < 3; i++) await exports.exportFile(seller, shopId, ORIGIN);
		expect((await rowsNow()).map((r) => [r.created_at, r.exported_count])).toEqual([['2026-03-10T01:00:00.000Z', 2]]);
		// the coordinator's own download that day is a record of its own
		i = 1;
		await exports.exportFile(coordinator, shopId, ORIGIN);
		expect(await rowsNow()).toHaveLength(2);
		// the seller's file changes (a product fixed: 3 in, 2 left out): recorded again
		await ctx.services.products.update(seller, ids.short, { name: 'Teh Melati Wangi' } as never);
		i = 2;
		await exports.exportFile(seller, shopId, ORIGIN);
		await exports.exportFile(seller, shopId, ORIGIN);
		expect((await rowsNow()).map((r) => [r.exported_count, r.skipped_count])).toEqual([[2, 3], [2, 3], [3, 2]]);
		// 00.00 WIB the next day: a new day, a new record
		i = 3;
		await exports.exportFile(seller, shopId, ORIGIN);
		expect(await rowsNow()).toHaveLength(4);
		await ctx.services.products.update(seller, ids.short, { name: 'Teh' } as never);
	});

	it("should answer 404 to another shop's seller (GET, POST, JSON) and record nothing", async () => {
		const count = (await exportsOf(shopId)).length;
		for (const res of [
			await call('GET', otherSeller, { params: { shopId } }),
			await call('GET', otherSeller, { params: { shopId }, headers: { accept: 'application/json' } }),
			await call('POST', otherSeller, { params: { shopId }, form: { template: xlsxFile(await shopeeTemplate()) } }),
			await call('GET', seller, { params: { shopId: 'shop_tidak_ada' } })
		]) {
			expect(res.status).toBe(404);
			expect((res.body as { error: { code: string } }).error.code).toBe('not_found');
		}
		expect((await exportsOf(shopId)).length).toBe(count);
		expect(await exportsOf(otherShopId)).toHaveLength(0);
	});

	it('should refuse a file that is not a usable Shopee template with 400 and a clear message, recording nothing', async () => {
		const count = (await exportsOf(shopId)).length;
		const plainWb = new ExcelJS.Workbook();
		plainWb.addWorksheet('Sheet1').getRow(1).values = ['Nama', 'Harga'];
		const noKeys = new Uint8Array(await plainWb.xlsx.writeBuffer());
		const huge = new Uint8Array(6 * 1024 * 1024);
		huge.set([0x50, 0x4b, 0x03, 0x04]);
		const bomb = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(70 * 1024 * 1024, 0x20) }]);
		const noUnit = await (async () => {
			const wb = new ExcelJS.Workbook();
			const ws = wb.addWorksheet('Template');
			ws.getRow(1).values = ['ps_product_name|1|0', 'ps_price|1|1', 'ps_weight|1|1'];
			ws.getRow(2).values = ['Nama', 'Harga', 'Berat'];
			return new Uint8Array(await wb.xlsx.writeBuffer());
		})();
		const cases: [string, Record<string, string | File>, RegExp][] = [
			['a photo sent by mistake', { template: xlsxFile(await photo('#000000'), 'foto.jpg') }, /bukan file Excel/],
			['plain text', { template: xlsxFile(new TextEncoder().encode('ps_product_name|1|0,ps_price|1|1'), 'template.csv') }, /bukan file Excel/],
			['a sheet without Shopee keys', { template: xlsxFile(noKeys) }, /bukan template Upload Massal Shopee/],
			['a 6 MB file', { template: xlsxFile(huge) }, /terlalu besar/],
			['a zip bomb', { template: xlsxFile(bomb) }, /terlalu besar/],
			['no weight unit', { template: xlsxFile(noUnit) }, /Satuan berat/],
			['no file at all', { note: 'lupa' }, /Pilih dulu file template/]
		];
		for (const [name, form, message] of cases) {
			const res = await call('POST', seller, { params: { shopId }, form });
			expect(res.status, name).toBe(400);
			expect((res.body as { error: { message: string } }).error.message, name).toMatch(message);
		}
		expect((await exportsOf(shopId)).length).toBe(count);
	});

	it('should be in /api/v1/openapi.json: GET the built-in file, POST a template (multipart `template`), X-Export-Skipped, 400/404', () => {
		const path = (openapi.paths as Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }>; requestBody?: { content: Record<string, unknown> } }>>)['/shops/{shopId}/exports/shopee.xlsx'];
		expect(Object.keys(path).sort()).toEqual(['get', 'post']);
		expect(path.get.responses[200].headers).toHaveProperty('X-Export-Skipped');
		expect(Object.keys(path.post.requestBody!.content)).toEqual(['multipart/form-data']);
		expect(Object.keys(path.post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404']));
	});

	it('should refuse, within 2 s and before parsing, a small template whose sheet holds too many cells (review H1)', async () => {
		const sheetXml = (rows: number, cell: (r: number) => string) => {
			const parts = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
			parts.push('<row r="1"><c r="A1" t="inlineStr"><is><t>ps_product_name|1|0</t></is></c><c r="B1" t="inlineStr"><is><t>ps_price|1|1</t></is></c></row>');
			for (let r = 7; r < rows + 7; r++) parts.push(`<row r="${r}">${cell(r).repeat(16)}</row>`);
			parts.push('</sheetData></worksheet>');
			return Buffer.from(parts.join(''));
		};
		const count = (await exportsOf(shopId)).length;
		for (const [name, xml] of [
			['52,000 rows of 16 addressed cells (22 MB unpacked, as the reviewer sent)', sheetXml(52_000, (r) => `<c r="A${r}"><v>1</v></c>`)],
			['10,000 rows of 16 bare cells (under the size cap, too many tags)', sheetXml(10_000, () => '<c><v>1</v></c>')]
		] as const) {
			const file = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: xml }]);
			expect(file.length, name).toBeLessThan(5 * 1024 * 1024);
			const started = Date.now();
			const res = await call('POST', seller, { params: { shopId }, form: { template: xlsxFile(file) } });
			expect(Date.now() - started, name).toBeLessThan(2000);
			expect(res.status, name).toBe(400);
			expect((res.body as { error: { message: string } }).error.message, name).toMatch(/terlalu besar/);
		}
		expect((await exportsOf(shopId)).length).toBe(count);
	});

	it("should count the shop in the program's 'marketed on Shopee' indicator (shops_on_shopee), not before the program's end", async () => {
		const running = await ctx.services.programs.create(coordinator, community, { name: 'Program berjalan', theme: 'Pemasaran daring', goals: 'Jual di Shopee', targetGroup: 'Pelaku UMKM', startsOn: '2026-01-01', endsOn: '2030-12-31' });
		const measured = await ctx.services.indicators.measures(coordinator, running.id);
		// Bu Shopee's shop has files with products; Pak Lain's shop has none
		expect(measured.metrics.shops_on_shopee).toBe(1);
		expect(measured.indicators.find((i) => i.key === 'shops_on_shopee')).toMatchObject({ metric: 'shops_on_shopee', value: 1 });
		const ended = await ctx.services.programs.create(coordinator, community, { name: 'Program lama', theme: 'Pemasaran daring', goals: 'Jual di Shopee', targetGroup: 'Pelaku UMKM', startsOn: '2024-11-01', endsOn: '2024-12-06' });
		expect((await ctx.services.indicators.measures(coordinator, ended.id)).metrics.shops_on_shopee).toBe(0);
	});
});

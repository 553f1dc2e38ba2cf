import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { CatalogService } from '../../src/lib/server/catalog/catalog.service';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';

let ctx: TestContext;
let community: Community;
let shop: Shop;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'cigadung-test' });
	shop = await makeShop(ctx.services, community, 'Ketempling JJ');
});
afterAll(() => ctx.cleanup());

async function jpeg(width: number, height: number, withGps = false): Promise<Buffer> {
	let img = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 150, b: 90 } } }).composite([
		{ input: Buffer.from(`<svg width="${width}" height="${height}"><rect x="10%" y="10%" width="40%" height="40%" fill="#333"/><circle cx="70%" cy="70%" r="15%" fill="#fff"/></svg>`) }
	]);
	if (withGps) img = img.withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Murah 1' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 58/1 0/1' } });
	return img.jpeg().toBuffer();
}

describe(`${CatalogService.name} products (${TEST_DIALECT})`, () => {
	describe('createProduct', () => {
		it('should keep price in integer rupiah and make made-to-order products stockless', async () => {
			const p = await makeProduct(ctx.services, shop, { name: 'Ketempling Pesanan', price: 12000, madeToOrder: true, stock: 5, leadTimeDays: 2 });
			expect(p).toMatchObject({ price: 12000, stock: null, made_to_order: 1, lead_time_days: 2, status: 'published' });
		});

		it.each([
			['a negative price', { price: -1 }],
			['an absurd price', { price: 10 ** 12 }],
			['a fractional price', { price: 12000.5 }],
			['a name of 10 MB', { name: 'x'.repeat(10 * 1024 * 1024) }],
			['an unknown category', { categorySlug: 'senjata' as never }],
			['a malformed P-IRT', { pirt: '12345' }]
		])('should refuse %s and store nothing', async (_label, change) => {
			const before = (await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { shop: shop.slug, perPage: 100 })).page.total;
			await expect(makeProduct(ctx.services, shop, change)).rejects.toMatchObject({ status: 422 });
			expect((await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { shop: shop.slug, perPage: 100 })).page.total).toBe(before);
		});

		it('should refuse a visitor without an account', async () => {
			await expect(ctx.services.products.create(PUBLIC_ACTOR, shop, { name: 'Palsu', categorySlug: 'kue', price: 1000, unit: 'pcs' })).rejects.toMatchObject({
				status: 401
			});
		});
	});

	describe('getProduct', () => {
		it('should return photos in order and related products of the community', async () => {
			const p = await makeProduct(ctx.services, shop, { name: 'Ketempling Foto', pirt: '2063208010001-29' });
			await makeProduct(ctx.services, shop, { name: 'Ketempling Teman' });
			const first = await ctx.services.products.addPhoto(system, p.id, await jpeg(1000, 1000));
			const second = await ctx.services.products.addPhoto(system, p.id, await jpeg(1200, 900));
			const detail = await ctx.services.catalog.getProduct(PUBLIC_ACTOR, community, shop, p.slug);
			expect(detail.product.pirt).toBe('2063208010001-29');
			expect(detail.photos.map((x) => x.id)).toEqual([first.id, second.id]);
			expect(detail.related.map((r) => r.name)).toContain('Ketempling Teman');
			expect(detail.related.map((r) => r.id)).not.toContain(p.id);
		});

		it('should not show a draft, and not find a product under another shop', async () => {
			const draft = await makeProduct(ctx.services, shop, { name: 'Ketempling Belum Jadi', published: false });
			await expect(ctx.services.catalog.getProduct(PUBLIC_ACTOR, community, shop, draft.slug)).rejects.toMatchObject({ status: 404 });
			const other = await makeShop(ctx.services, community, 'Basreng AS');
			const p = await makeProduct(ctx.services, shop, { name: 'Ketempling Milik JJ' });
			await expect(ctx.services.catalog.getProduct(PUBLIC_ACTOR, community, other, p.slug)).rejects.toMatchObject({ status: 404 });
		});

		it("should refuse a shop from another community", async () => {
			const elsewhere = await makeCommunity(ctx.services);
			const p = await makeProduct(ctx.services, shop, { name: 'Ketempling Lintas' });
			await expect(ctx.services.catalog.getProduct(PUBLIC_ACTOR, elsewhere, shop, p.slug)).rejects.toMatchObject({ status: 404 });
		});
	});

	describe('addPhoto', () => {
		it('should write WebP variants without any metadata and with orientation applied', async () => {
			const p = await makeProduct(ctx.services, shop);
			const photo = await ctx.services.products.addPhoto(system, p.id, await jpeg(1600, 1200, true));
			expect(photo.variants.map((v) => [v.name, v.width, v.height])).toEqual([
				['large', 1200, 900],
				['medium', 600, 600],
				['thumb', 300, 300]
			]);
			for (const v of photo.variants) {
				const bytes = await readFile(join(ctx.dataDir, 'media', v.key));
				expect(bytes.length).toBe(v.bytes);
				const meta = await sharp(bytes).metadata();
				expect(meta.format).toBe('webp');
				expect(meta.exif).toBeUndefined();
				expect(meta.icc).toBeUndefined();
			}
			expect(photo.hints.map((h) => h.code)).toContain('not_square');
		});

		it('should coach on a small, dark photo', async () => {
			const p = await makeProduct(ctx.services, shop);
			const dark = await sharp({ create: { width: 500, height: 500, channels: 3, background: { r: 20, g: 20, b: 25 } } }).jpeg().toBuffer();
			const photo = await ctx.services.products.addPhoto(system, p.id, dark);
			expect(photo.hints.map((h) => h.code).sort()).toEqual(['blurry', 'too_dark', 'too_small']);
		});

		it.each([
			['a text file named .jpg', async () => Buffer.from('ini bukan foto, hanya teks'), 'media.notImage'],
			['a truncated JPEG', async () => (await jpeg(800, 800)).subarray(0, 600), 'media.unreadable'],
			['an empty file', async () => Buffer.alloc(0), 'media.empty'],
			['a 20000 × 20000 image (decompression bomb)', async () => pngHeader(20000, 20000), 'media.tooManyPixels'],
			['a file over 15 MB', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(15 * 1024 * 1024)]), 'media.tooLarge']
		])('should refuse %s with a clear message and store nothing', async (_label, make, messageKey) => {
			const p = await makeProduct(ctx.services, shop);
			const filesBefore = await countFiles(join(ctx.dataDir, 'media'));
			await expect(ctx.services.products.addPhoto(system, p.id, await make())).rejects.toMatchObject({ messageKey });
			expect(await countFiles(join(ctx.dataDir, 'media'))).toBe(filesBefore);
			const detail = await ctx.services.catalog.getProduct(PUBLIC_ACTOR, community, shop, p.slug);
			expect(detail.photos).toHaveLength(0);
		});

		it('should accept a PNG whatever its file name says', async () => {
			const p = await makeProduct(ctx.services, shop);
			const png = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#c08040' } }).png().toBuffer();
			await expect(ctx.services.products.addPhoto(system, p.id, png)).resolves.toMatchObject({ width: 900, height: 900 });
		});
	});
});

async function countFiles(dir: string): Promise<number> {
	try {
		return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
	} catch {
		return 0;
	}
}

/** A small PNG file whose header claims huge dimensions: tests the pixel guard without 1.2 GB of pixels. */
function pngHeader(width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length, 0);
		const t = Buffer.from(type);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(Buffer.concat([t, data])) >>> 0, 0);
		return Buffer.concat([len, t, data, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;
	ihdr[9] = 2;
	const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
	let c = ~0;
	for (const b of buf) {
		c ^= b;
		for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
	}
	return ~c;
}

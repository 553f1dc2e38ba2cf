import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, digestTables, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { pdfPagePng, pdfPages, pdfWords } from '../helpers/pdf';
import { catalogPdf } from '../../src/lib/server/documents/catalog-pdf';
import { PromoService } from '../../src/lib/server/promo/promo.service';
import { catalogQueue } from '../../src/lib/server/media/print-image';
import { translator } from '../../src/lib/i18n';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';

/**
 * Issue 10 item 4: printed catalogs of a shop and of a community. Prices as `Rp 15.000` (a range for variants),
 * long names wrapped inside their column, many products on several A4 pages, a product without a photo and a shop
 * without products printed without failing (said on the page), drafts left out, the QR code read back from the
 * page. The shop's catalog is for its seller and the community's staff; the community's for its staff only.
 */
let ctx: TestContext;
let community: Community;
let other: Community;
let coordinator: UserActor;
let strangerCoordinator: UserActor;
let seller: UserActor;
let otherSeller: UserActor;
let shop: Shop;
let emptyShop: Shop;
const ORIGIN = 'https://e-crav.example';
const t = translator('id');
const LONG = 'Keripik Singkong Balado Pedas Manis Khas Cigadung Kuningan Ukuran Besar Tanpa Pengawet Dibuat Setiap Pagi Oleh Ibu';

async function staff(c: Community, email: string): Promise<UserActor> {
	const id = await ctx.services.auth.createUser(system, { name: 'Staf', email, password: 'kata-sandi-panjang-1' });
	await ctx.services.members.addRole(system, c, id, 'coordinator');
	return (await ctx.services.auth.loadActor(id))!;
}

function pageCountAndSizes(pdf: Buffer, name: string): string[] {
	pdfPages(pdf, ctx.dataDir, name);
	const info = execFileSync('pdfinfo', ['-l', '999', `${ctx.dataDir}/${name}.pdf`]).toString('utf8');
	return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
}

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'katalog-desa', name: 'Kelurahan Cigadung' });
	other = await makeCommunity(ctx.services, { slug: 'katalog-lain' });
	coordinator = await staff(community, 'koordinator@katalog.test');
	strangerCoordinator = await staff(other, 'koordinator@katalog-lain.test');
	const a = await ctx.services.members.addSeller(coordinator, community, { name: 'Ibu Ani', businessType: 'Penjual keripik', whatsapp: '0812 6400 0001' });
	seller = (await ctx.services.auth.loadActor(a.userId))!;
	shop = await ctx.services.shops.getManaged(system, a.shopId);
	const b = await ctx.services.members.addSeller(coordinator, community, { name: 'Pak Budi', businessType: 'Penjual kopi', whatsapp: '0812 6400 0002' });
	otherSeller = (await ctx.services.auth.loadActor(b.userId))!;
	emptyShop = await ctx.services.shops.getManaged(system, b.shopId);
	const withPhoto = await makeProduct(ctx.services, shop, { name: 'Rengginang Ketan', price: 15000, unit: 'bungkus' });
	const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 60, g: 130, b: 90 } } }).jpeg().toBuffer();
	await ctx.services.products.addPhoto(system, withPhoto.id, jpeg);
	await makeProduct(ctx.services, shop, { name: LONG, price: 12500 });
	await makeProduct(ctx.services, shop, { name: 'Sambal Bawang', price: 20000, variantTitle: 'Ukuran', variants: [{ label: 'Kecil', price: 20000, stock: 3 }, { label: 'Besar', price: 35000, stock: 2 }] });
	await makeProduct(ctx.services, shop, { name: 'Draf Rahasia', price: 9000, published: false });
	for (let i = 1; i <= 37; i++) await makeProduct(ctx.services, shop, { name: `Produk Nomor ${String(i).padStart(2, '0')}`, price: 1000 * i });
});
afterAll(() => ctx.cleanup());

describe(`${PromoService.name} catalogs (${TEST_DIALECT})`, () => {
	it("should print a shop's published products on several A4 pages with rupiah prices, long names inside their column", async () => {
		const data = await ctx.services.promo.shopCatalog(seller, shop.id, ORIGIN);
		expect(data.sections[0].items).toHaveLength(40);
		const pdf = await catalogPdf(data, t, 'id', new Date('2026-11-30T10:00:00Z'));
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const sizes = pageCountAndSizes(pdf, 'katalog-toko');
		expect(sizes.length).toBeGreaterThanOrEqual(3);
		expect(new Set(sizes)).toEqual(new Set(['595x842']));
		const text = pdfPages(pdf, ctx.dataDir, 'katalog-toko').flat().join(' ');
		expect(text).toContain('Rp 15.000');
		expect(text).toContain('Rp 20.000 – Rp 35.000');
		expect(text).toContain('Produk Nomor 37');
		expect(text).toContain('WhatsApp 0812-6400-0001');
		expect(text).not.toContain('Draf Rahasia');
		expect(text).toContain('30 November 2026');
		// every word of page 1 stays inside the printable width (a long name wraps, never runs off the page)
		const words = pdfWords(pdf, ctx.dataDir, 'katalog-toko');
		expect(words.some((w) => w.text === 'Balado')).toBe(true);
		expect(Math.max(...words.map((w) => w.xMax))).toBeLessThanOrEqual(595 - 36 + 1);
		expect(Math.min(...words.map((w) => w.xMin))).toBeGreaterThanOrEqual(36 - 1);
	});

	it("should carry a QR code to the shop's page with src=poster", async () => {
		const data = await ctx.services.promo.shopCatalog(coordinator, shop.id, ORIGIN);
		const pdf = await catalogPdf(data, t, 'id');
		const png = readFileSync(pdfPagePng(pdf, ctx.dataDir, 'katalog-qr', 1, 200));
		const meta = await sharp(png).metadata();
		// the shop's block at the top right of page 1
		const region = { left: Math.round(meta.width! * 0.7), top: 0, width: meta.width! - Math.round(meta.width! * 0.7), height: Math.round(meta.height! * 0.25) };
		const { data: px, info } = await sharp(png).extract(region).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
		const code = jsQR(new Uint8ClampedArray(px.buffer, px.byteOffset, px.length), info.width, info.height);
		expect(code?.data).toBe(`${ORIGIN}/c/katalog-desa/toko/${shop.slug}?src=poster`);
	});

	it('should say so on the page when a shop has no products, and not fail on hostile names', async () => {
		const data = await ctx.services.promo.shopCatalog(otherSeller, emptyShop.id, ORIGIN);
		expect(data.sections[0].items).toEqual([]);
		const pdf = await catalogPdf(data, t, 'id');
		expect(pageCountAndSizes(pdf, 'katalog-kosong')).toEqual(['595x842']);
		expect(pdfPages(pdf, ctx.dataDir, 'katalog-kosong').flat().join(' ')).toContain('Belum ada produk yang tampil di toko ini.');
		for (const [i, name] of ['<script>alert(1)</script>', 'Warung '.repeat(29).slice(0, 200), 'Keripik 🌶️🔥 Bu Ani 👩‍🍳'].entries()) {
			const hostile = { ...data, title: name, sections: [{ shop: { ...data.sections[0].shop, name }, items: [{ name, price: 1, unit: name, minPrice: null, maxPrice: null, photo: Buffer.from('not a jpeg') }] }] };
			const out = await catalogPdf(hostile, t, 'id');
			expect(pageCountAndSizes(out, `katalog-hostile-${i}`)).toEqual(['595x842']);
		}
	});

	it('should print the community catalog for its staff: every shop with products, none without', async () => {
		const data = await ctx.services.promo.communityCatalog(coordinator, community.slug, ORIGIN);
		expect(data.sections.map((s) => s.shop.slug)).toEqual([shop.slug]);
		const pdf = await catalogPdf(data, t, 'id');
		const text = pdfPages(pdf, ctx.dataDir, 'katalog-desa').flat().join(' ');
		expect(text).toContain('Katalog Kelurahan Cigadung');
		expect(text).toContain('1 toko · 40 produk');
		const empty = await ctx.services.promo.communityCatalog(strangerCoordinator, other.slug, ORIGIN);
		const emptyPdf = await catalogPdf(empty, t, 'id');
		expect(pdfPages(emptyPdf, ctx.dataDir, 'katalog-desa-kosong').flat().join(' ')).toContain('Belum ada produk yang tampil di');
	});

	it('should build one catalog at a time, and refuse one more than four waiting with 503 and a message, not pile up', async () => {
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const held = Array.from({ length: 5 }, () => catalogQueue.run(() => gate));
		try {
			await expect(ctx.services.promo.shopCatalog(seller, shop.id, ORIGIN)).rejects.toMatchObject({ status: 503, messageKey: 'promo.busy' });
			const res = await callRoute(await routeByKey('GET /jual/promosi/[file]'), { services: ctx.services, actor: seller }, { params: { file: 'katalog.pdf' } });
			expect(res.status).toBe(503);
			expect(res.body).toEqual({ message: t('promo.busy') });
		} finally {
			release();
			await Promise.all(held);
		}
		expect((await ctx.services.promo.shopCatalog(seller, shop.id, ORIGIN)).sections[0].items).toHaveLength(40);
	});

	it("should refuse another shop's seller, sellers and other communities' staff with 404", async () => {
		await expect(ctx.services.promo.shopCatalog(otherSeller, shop.id, ORIGIN)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.promo.shopCatalog(strangerCoordinator, shop.id, ORIGIN)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.promo.communityCatalog(seller, community.slug, ORIGIN)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.promo.communityCatalog(strangerCoordinator, community.slug, ORIGIN)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.promo.communityCatalog(coordinator, 'tidak-ada', ORIGIN)).rejects.toMatchObject({ status: 404 });
	});
});

describe(`catalog downloads (${TEST_DIALECT})`, () => {
	it('should send the seller their catalog and the coordinator the community catalog as PDF, 404 to others, nothing changed', async () => {
		const shopRoute = await routeByKey('GET /jual/promosi/[file]');
		const communityRoute = await routeByKey('GET /koordinator/[community]/katalog.pdf');
		const mine = await callRoute(shopRoute, { services: ctx.services, actor: seller }, { params: { file: 'katalog.pdf' } });
		expect(mine.status).toBe(200);
		expect(mine.headers?.get('content-type')).toBe('application/pdf');
		const all = await callRoute(communityRoute, { services: ctx.services, actor: coordinator }, { params: { community: community.slug } });
		expect(all.status).toBe(200);
		expect(all.headers?.get('content-disposition')).toBe('attachment; filename="katalog-katalog-desa.pdf"');
		const before = await digestTables(ctx.database);
		expect((await callRoute(shopRoute, { services: ctx.services, actor: otherSeller }, { params: { file: 'katalog.pdf' }, query: { toko: shop.id } })).status).toBe(404);
		expect((await callRoute(communityRoute, { services: ctx.services, actor: seller }, { params: { community: community.slug } })).status).toBe(404);
		expect((await callRoute(communityRoute, { services: ctx.services, actor: strangerCoordinator }, { params: { community: community.slug } })).status).toBe(404);
		expect(await digestTables(ctx.database)).toEqual(before);
	});
});

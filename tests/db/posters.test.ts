import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, digestTables, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { pdfPagePng, pdfPlainText } from '../helpers/pdf';
import { posterPdf } from '../../src/lib/server/documents/poster';
import { PromoService } from '../../src/lib/server/promo/promo.service';
import { translator } from '../../src/lib/i18n';
import { PUBLISHED_SAMPLE_QRIS } from '../../src/lib/server/payments/qris';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/**
 * Issue 10 item 4: a shop's QR poster (A4 and A6). The PDF is checked as a printer and a buyer's phone would see
 * it: real page sizes, the words on it, and the QR code read back from the rasterised page (poppler + jsQR) leading
 * to the shop with `?src=poster`. Hostile names print; another shop's seller is told the shop does not exist.
 */
let ctx: TestContext;
let community: Community;
let other: Community;
let coordinator: UserActor;
let seller: UserActor;
let otherSeller: UserActor;
let strangerCoordinator: UserActor;
let shopId: string;
const ORIGIN = 'https://e-crav.example';
const t = translator('id');

async function user(name: string, email: string): Promise<string> {
	return ctx.services.auth.createUser(system, { name, email, password: 'kata-sandi-panjang-1' });
}

function pageSizes(pdf: Buffer, name: string): { pages: number; sizes: string[] } {
	const file = `${ctx.dataDir}/${name}.pdf`;
	pdfPlainText(pdf, ctx.dataDir, name);
	const info = execFileSync('pdfinfo', ['-l', '99', file]).toString('utf8');
	const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
	return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), sizes };
}

/** Every QR code the page holds, read from a 150 dpi rendering (each code alone, by cutting the page in halves). */
async function qrCodes(pdf: Buffer, name: string): Promise<string[]> {
	const png = readFileSync(pdfPagePng(pdf, ctx.dataDir, name, 1, 150));
	const meta = await sharp(png).metadata();
	const found = new Set<string>();
	const w = meta.width!;
	const h = meta.height!;
	for (const region of [
		{ left: 0, top: 0, width: w, height: h },
		{ left: 0, top: Math.round(h / 2), width: Math.round(w / 2), height: h - Math.round(h / 2) },
		{ left: Math.round(w / 2), top: Math.round(h / 2), width: w - Math.round(w / 2), height: h - Math.round(h / 2) }
	]) {
		const { data, info } = await sharp(png).extract(region).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
		const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
		if (code?.data) found.add(code.data);
	}
	return [...found];
}

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'poster-desa', name: 'Desa Cigadung' });
	other = await makeCommunity(ctx.services, { slug: 'poster-lain' });
	const coordinatorId = await user('Bu Koordinator', 'koordinator@poster.test');
	await ctx.services.members.addRole(system, community, coordinatorId, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(coordinatorId))!;
	const strangerId = await user('Pak Koordinator Lain', 'koordinator@lain.test');
	await ctx.services.members.addRole(system, other, strangerId, 'coordinator');
	strangerCoordinator = (await ctx.services.auth.loadActor(strangerId))!;
	const added = await ctx.services.members.addSeller(coordinator, community, { name: 'Ibu Ëni', businessType: 'Penjual keripik', whatsapp: '0812 6300 0001' });
	shopId = added.shopId;
	seller = (await ctx.services.auth.loadActor(added.userId))!;
	const neighbour = await ctx.services.members.addSeller(coordinator, community, { name: 'Pak Tetangga', businessType: 'Penjual kopi', whatsapp: '0812 6300 0002' });
	otherSeller = (await ctx.services.auth.loadActor(neighbour.userId))!;
	const shop = await ctx.services.shops.getManaged(system, shopId);
	const product = await makeProduct(ctx.services, shop, { name: 'Keripik Singkong Pedas', price: 15000, description: 'Keripik singkong renyah, pedas manis, dibuat tiap pagi.' });
	const photo = await sharp({ create: { width: 800, height: 800, channels: 3, background: { r: 210, g: 120, b: 40 } } })
		.composite([{ input: Buffer.from('<svg width="800" height="800"><circle cx="400" cy="400" r="260" fill="#f5d38a"/></svg>') }])
		.jpeg()
		.toBuffer();
	await ctx.services.products.addPhoto(system, product.id, photo);
});
afterAll(() => ctx.cleanup());

describe(`${PromoService.name} posters (${TEST_DIALECT})`, () => {
	it('should print an A4 poster whose QR code leads to the shop with src=poster', async () => {
		const data = await ctx.services.promo.poster(seller, shopId, ORIGIN);
		expect(data.photo).not.toBeNull();
		const pdf = await posterPdf(data, 'A4', t);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pageSizes(pdf, 'poster-a4')).toEqual({ pages: 1, sizes: ['595x842'] });
		const text = pdfPlainText(pdf, ctx.dataDir, 'poster-a4');
		expect(text).toContain('Pesan online');
		expect(text).toContain('WhatsApp 0812-6300-0001');
		expect(await qrCodes(pdf, 'poster-a4')).toEqual([`${ORIGIN}/c/poster-desa/toko/${data.shop.url.split('/toko/')[1].split('?')[0]}?src=poster`]);
		expect(data.shop.url).toMatch(/^https:\/\/e-crav\.example\/c\/poster-desa\/toko\/[a-z0-9-]+\?src=poster$/);
	});

	it('should print the same poster on A6, its QR code still readable', async () => {
		const data = await ctx.services.promo.poster(coordinator, shopId, ORIGIN);
		const pdf = await posterPdf(data, 'A6', t);
		expect(pageSizes(pdf, 'poster-a6')).toEqual({ pages: 1, sizes: ['298x420'] });
		expect(pdfPlainText(pdf, ctx.dataDir, 'poster-a6')).toContain('Pesan online');
		expect(await qrCodes(pdf, 'poster-a6')).toEqual([data.shop.url]);
	});

	it("should print the shop's static QRIS beside the order code, marked when it is the demo's sample", async () => {
		await ctx.services.shops.saveOnboardingStep(seller, shopId, 'pembayaran', { cod: 'on', qris: PUBLISHED_SAMPLE_QRIS });
		const data = await ctx.services.promo.poster(seller, shopId, ORIGIN);
		expect(data.qris?.sample).toBe(true);
		const pdf = await posterPdf(data, 'A4', t);
		const codes = await qrCodes(pdf, 'poster-qris');
		expect(codes.sort()).toEqual([data.shop.url, PUBLISHED_SAMPLE_QRIS.trim()].sort());
		const text = pdfPlainText(pdf, ctx.dataDir, 'poster-qris');
		expect(text).toContain('Bayar dengan QRIS');
		expect(text).toContain('CONTOH QRIS');
	});

	it('should print hostile names (markup, 200 letters, emoji) on one page without failing', async () => {
		const base = await ctx.services.promo.poster(seller, shopId, ORIGIN);
		for (const [i, name] of ['<script>alert(1)</script>', 'Warung '.repeat(29).slice(0, 200), 'Keripik 🌶️🔥 Bu Ani 👩‍🍳'].entries()) {
			for (const size of ['A4', 'A6'] as const) {
				const pdf = await posterPdf({ ...base, shop: { ...base.shop, name }, photo: null, qris: null }, size, t);
				const { pages } = pageSizes(pdf, `hostile-${i}-${size}`);
				expect(pages).toBe(1);
				const text = pdfPlainText(pdf, ctx.dataDir, `hostile-${i}-${size}`);
				if (i === 0) expect(text).toContain('<script>alert(1)</script>');
				if (i === 2) expect(text).toContain('Keripik Bu Ani');
			}
		}
	});

	it("should tell another shop's seller and another community's coordinator that the shop does not exist", async () => {
		await expect(ctx.services.promo.poster(otherSeller, shopId, ORIGIN)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.promo.poster(strangerCoordinator, shopId, ORIGIN)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.promo.poster(seller, 'shop_tidak_ada', ORIGIN)).rejects.toMatchObject({ status: 404 });
	});
});

describe(`GET /jual/promosi/[file] (${TEST_DIALECT})`, () => {
	const get = async (actor: UserActor, file: string, query: Record<string, string> = {}) =>
		callRoute(await routeByKey('GET /jual/promosi/[file]'), { services: ctx.services, actor }, { params: { file }, query });

	it('should send the seller their A4 and A6 posters as PDF downloads', async () => {
		for (const file of ['poster-a4.pdf', 'poster-a6.pdf']) {
			const res = await get(seller, file);
			expect(res.status).toBe(200);
			expect(res.headers?.get('content-type')).toBe('application/pdf');
			expect(res.headers?.get('content-disposition')).toMatch(/^attachment; filename="poster-[a-z0-9-]+-a[46]\.pdf"$/);
		}
	});

	it("should send the coordinator a shop's poster (?toko=), and refuse another shop's seller with 404, changing nothing", async () => {
		expect((await get(coordinator, 'poster-a4.pdf', { toko: shopId })).status).toBe(200);
		const before = await digestTables(ctx.database);
		expect((await get(otherSeller, 'poster-a4.pdf', { toko: shopId })).status).toBe(404);
		expect((await get(strangerCoordinator, 'poster-a6.pdf', { toko: shopId })).status).toBe(404);
		expect((await get(seller, 'poster-a5.pdf')).status).toBe(404);
		expect(await digestTables(ctx.database)).toEqual(before);
	});
});

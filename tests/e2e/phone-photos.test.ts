import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import exifReader from 'exif-reader';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { oversizePhoto, PHONE_PHOTO, qrisStickerPhoto } from './photos';

vi.setConfig({ testTimeout: 180_000 });

let app: RunningApp;
let browser: Browser;
let sticker: string;

beforeAll(async () => {
	[app, browser, sticker] = await Promise.all([startApp(), launchBrowser(), qrisStickerPhoto()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const seen = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ timeout: 90_000 }).then(() => true);
const WIDTHS = [390, 320] as const;
const MODES = [
	{ js: false, name: 'JavaScript off' },
	{ js: true, name: 'JavaScript on' }
] as const;

async function phone(width: number, js: boolean): Promise<BrowserContext> {
	return browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });
}

async function loginAs(ctx: BrowserContext, login: string): Promise<Page> {
	const page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL(/\/jual$/);
	return page;
}

/** Records the size of every form POST the page sends, to prove what left the phone. */
function postSizes(page: Page): Promise<number>[] {
	const sizes: Promise<number>[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST') sizes.push(r.allHeaders().then((h) => Number(h['content-length'] ?? 0)));
	});
	return sizes;
}

/** With JS, the photo is picked and the button tapped at once: the submit must wait for the downscale. */
async function expectWhatLeft(pending: Promise<number>[], js: boolean) {
	const sizes = await Promise.all(pending);
	expect(sizes).toHaveLength(1);
	if (js) expect(sizes[0]).toBeLessThan(1_500_000);
	else expect(sizes[0]).toBeGreaterThan(4_000_000);
}

async function placeTransferOrder(): Promise<string> {
	const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?shop=sambal-mt`)).json();
	const p = products.data[0];
	const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': `photo-${Math.random().toString(36).slice(2)}-key` },
		body: JSON.stringify({ buyer: { name: 'Siti', whatsapp: '081234567890' }, lines: [{ productId: p.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'transfer' } } })
	});
	expect(res.status).toBe(201);
	const c = await res.json();
	return `${app.baseUrl}/pesanan/${c.code}?t=${c.token}`;
}

async function* walk(dir: string): AsyncGenerator<string> {
	for (const e of await readdir(dir, { withFileTypes: true })) {
		if (e.isDirectory()) yield* walk(join(dir, e.name));
		else yield join(dir, e.name);
	}
}

describe('a real phone photo (4000×3000, 5.8 MB, EXIF GPS) everywhere a photo is taken', () => {
	it('the fixture is what a phone sends', async () => {
		expect((await stat(PHONE_PHOTO)).size).toBeGreaterThan(4_000_000);
		const meta = await sharp(PHONE_PHOTO).metadata();
		expect([meta.width, meta.height, meta.orientation]).toEqual([4000, 3000, 6]);
		expect(exifReader(meta.exif!).GPSInfo).toMatchObject({ GPSLatitudeRef: 'S', GPSLongitudeRef: 'E' });
	});

	for (const width of WIDTHS) {
		for (const mode of MODES) {
			describe(`at ${width} px, ${mode.name}`, () => {
				it('should save the shop logo in onboarding', async () => {
					const ctx = await phone(width, mode.js);
					const page = await loginAs(ctx, 'jj@cigadung.test');
					await page.goto(`${app.baseUrl}/jual/mulai/logo`);
					const sizes = postSizes(page);
					await page.getByLabel('Pilih foto').setInputFiles(PHONE_PHOTO);
					await page.getByRole('button', { name: 'Simpan dan lanjut' }).click({ noWaitAfter: true });
					await page.waitForURL(/\/jual\/mulai\/cerita$/, { timeout: 90_000 });
					await expectWhatLeft(sizes, mode.js);
					await ctx.close();
				});

				it('should add a product photo in the editor', async () => {
					const ctx = await phone(width, mode.js);
					const page = await loginAs(ctx, 'jj@cigadung.test');
					await page.locator('a[href^="/jual/produk/prod_"]').first().click();
					await page.waitForURL(/\/jual\/produk\/prod_/);
					const before = await page.locator('img[src^="/media/"]').count();
					const sizes = postSizes(page);
					await page.getByLabel('Tambah foto').setInputFiles(PHONE_PHOTO);
					await page.getByRole('button', { name: 'Unggah foto' }).click({ noWaitAfter: true });
					await page.waitForLoadState('load');
					await expect.poll(() => page.locator('img[src^="/media/"]').count(), { timeout: 90_000 }).toBe(before + 1);
					await expectWhatLeft(sizes, mode.js);
					await ctx.close();
				});

				if (mode.js) {
					it('should upload a chosen product photo by itself, once, without a tap on the button', async () => {
						const ctx = await phone(width, mode.js);
						const page = await loginAs(ctx, 'jj@cigadung.test');
						await page.locator('a[href^="/jual/produk/prod_"]').first().click();
						await page.waitForURL(/\/jual\/produk\/prod_/);
						const before = await page.locator('img[src^="/media/"]').count();
						const sizes = postSizes(page);
						await page.getByLabel('Tambah foto').setInputFiles(PHONE_PHOTO);
						await expect.poll(() => page.locator('img[src^="/media/"]').count(), { timeout: 90_000 }).toBe(before + 1);
						await page.waitForLoadState('load');
						expect(await page.locator('img[src^="/media/"]').count()).toBe(before + 1);
						await expectWhatLeft(sizes, mode.js);
						await ctx.close();
					});
				}

				it('should read the QRIS from a photo of the sticker in the payment step', async () => {
					const ctx = await phone(width, mode.js);
					const page = await loginAs(ctx, 'jj@cigadung.test');
					await page.goto(`${app.baseUrl}/jual/mulai/pembayaran`);
					await page.getByLabel('Bayar di tempat (COD)').check();
					await page.getByLabel(/foto stiker QRIS/).setInputFiles(sticker);
					const sizes = postSizes(page);
					await page.getByRole('button', { name: 'Simpan dan lanjut' }).click({ noWaitAfter: true });
					await page.waitForURL(/\/jual\/produk\/baru/, { timeout: 90_000 });
					await expectWhatLeft(sizes, mode.js);
					await page.goto(`${app.baseUrl}/jual/mulai/pembayaran`);
					await expect(seen(page, /Warung Sayur Bu Sugeng/)).resolves.toBe(true);
					await ctx.close();
				});

				it('should take the buyer’s transfer receipt', async () => {
					const ctx = await phone(width, mode.js);
					const page = await ctx.newPage();
					await page.goto(await placeTransferOrder());
					const sizes = postSizes(page);
					await page.getByLabel(/bukti transfer/i).setInputFiles(PHONE_PHOTO);
					await page.getByRole('button', { name: /Kirim bukti/ }).click({ noWaitAfter: true });
					await expect(seen(page, 'Bukti transfer sudah terkirim ke penjual.')).resolves.toBe(true);
					await expectWhatLeft(sizes, mode.js);
					await ctx.close();
				});
			});
		}
	}

	it('should say a photo past 15 MB is too large on the same form, keeping what was typed (JS off)', async () => {
		const ctx = await phone(320, false);
		const page = await loginAs(ctx, 'mt@cigadung.test');
		await page.goto(`${app.baseUrl}/jual/mulai/pembayaran`);
		await page.getByLabel('Nama bank').fill('Bank Jabar Banten');
		await page.getByLabel(/foto stiker QRIS/).setInputFiles(await oversizePhoto(16 * 1024 * 1024));
		await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await expect(seen(page, 'Foto terlalu besar (lebih dari 15 MB). Pilih foto lain atau kecilkan dulu.')).resolves.toBe(true);
		expect(page.url()).toMatch(/\/jual\/mulai\/pembayaran$/);
		await expect(page.getByLabel('Nama bank').inputValue()).resolves.toBe('Bank Jabar Banten');
		await expect(page.locator('#qrisPhoto[aria-invalid=true]').count()).resolves.toBe(1);

		// Past the server's body limit (32 MB) nothing can be read, but the page still says why.
		await page.goto(`${app.baseUrl}/jual/mulai/logo`);
		await page.getByLabel('Pilih foto').setInputFiles(await oversizePhoto(40 * 1024 * 1024));
		await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await expect(seen(page, 'Foto terlalu besar (lebih dari 15 MB). Pilih foto lain atau kecilkan dulu.')).resolves.toBe(true);
		expect(page.url()).toMatch(/\/jual\/mulai\/logo$/);
		await ctx.close();
	});

	it('should store and serve no EXIF (no GPS) from any uploaded photo', async () => {
		let checked = 0;
		for await (const file of walk(join(app.dataDir, 'media'))) {
			const meta = await sharp(file).metadata();
			expect(meta.exif, file).toBeUndefined();
			checked++;
		}
		expect(checked).toBeGreaterThan(0);
		const ctx = await phone(390, false);
		const page = await loginAs(ctx, 'jj@cigadung.test');
		await page.locator('a[href^="/jual/produk/prod_"]').first().click();
		const src = await page.locator('img[src^="/media/"]').last().getAttribute('src');
		const served = Buffer.from(await (await fetch(app.baseUrl + src)).arrayBuffer());
		expect((await sharp(served).metadata()).exif).toBeUndefined();
		await ctx.close();
	});
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';

/**
 * Issue 8: a buyer's transfer receipt is private. The buyer sends it with JS off and can open it again from the
 * status page; the seller sees it on the order page; the picture comes from a guarded URL answered
 * `private, no-store`, never from the public /media/p/ prefix, and nobody else gets it (404).
 */
vi.setConfig({ testTimeout: 180_000 });

let app: RunningApp;
let browser: Browser;
const sessions = new Map<string, string>();
let receiptFile: string;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	receiptFile = join(tmpdir(), `bukti-${Date.now()}.jpg`);
	await writeFile(receiptFile, await sharp({ create: { width: 800, height: 1100, channels: 3, background: '#f4f1ea' } }).jpeg().toBuffer());
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('payment receipts are private', () => {
	it('should let the buyer send and reopen the receipt, show it to the seller, and refuse it to anyone else', async () => {
		const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?shop=sambal-mt`)).json();
		const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': `private-receipt-${Date.now()}` },
			body: JSON.stringify({ buyer: { name: 'Siti', whatsapp: '081234567890' }, lines: [{ productId: products.data[0].id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'transfer' } } })
		});
		expect(res.status).toBe(201);
		const checkout = await res.json();

		const buyer = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await buyer.newPage();
		await page.goto(`${app.baseUrl}/pesanan/${checkout.code}?t=${checkout.token}`);
		await page.getByLabel(/bukti transfer/i).setInputFiles(receiptFile);
		await page.getByRole('button', { name: /Kirim bukti/ }).click();
		await expect(page.getByText('Bukti transfer sudah terkirim ke penjual.').count()).resolves.toBe(1);
		const link = page.getByRole('link', { name: 'Lihat bukti transfer yang Anda kirim' });
		const href = (await link.getAttribute('href'))!;
		const own = await page.request.get(`${app.baseUrl}${href}`);
		expect(own.status()).toBe(200);
		expect(own.headers()['cache-control']).toBe('private, no-store');
		expect(own.headers()['content-type']).toBe('image/webp');
		await buyer.close();

		const seller = await contextFor(browser, app.baseUrl, 'mt@cigadung.test', PHONE.viewport, sessions);
		const inbox = await seller.newPage();
		await inbox.goto(`${app.baseUrl}/jual/pesanan`);
		const orderPath = (await inbox.locator('a[href^="/jual/pesanan/"]', { hasText: checkout.orders[0].code }).first().getAttribute('href'))!;
		const answers: { url: string; status: number; cache: string | undefined }[] = [];
		inbox.on('response', (r) => answers.push({ url: r.url(), status: r.status(), cache: r.headers()['cache-control'] }));
		await inbox.goto(`${app.baseUrl}${orderPath}`);
		const img = inbox.getByRole('img', { name: 'Bukti transfer dari pembeli' });
		await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(800);
		const src = (await img.getAttribute('src'))!;
		expect(src).toBe(`${orderPath}/bukti`);
		expect(answers.find((a) => a.url.endsWith(src))).toMatchObject({ status: 200, cache: 'private, no-store' });
		expect(await inbox.content()).not.toMatch(/\/media\/r\//);
		await seller.close();

		// Anyone else: another seller, or nobody signed in.
		const other = await contextFor(browser, app.baseUrl, 'jj@cigadung.test', PHONE.viewport, sessions);
		expect((await other.request.get(`${app.baseUrl}${src}`)).status()).toBe(404);
		await other.close();
		expect((await fetch(`${app.baseUrl}${src}`)).status).toBe(404);
		expect((await fetch(`${app.baseUrl}${href.replace(/t=[^&]+/, `t=${'x'.repeat(checkout.token.length)}`)}`)).status).toBe(404);
	});
});

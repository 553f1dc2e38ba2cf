import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';

/** The seller cancels with a reason "dibaca pembeli": the buyer's status page shows it and asks for nothing more. */
let app: RunningApp;
let browser: Browser;
const sessions = new Map<string, string>();

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('a confirmed order seen by the buyer', () => {
	it('should follow the status, no longer thank for a new order or offer to send it again, and offer a question to the seller (no JavaScript)', async () => {
		const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=sambal+cumi`)).json();
		const cumi = products.data.find((p: { shop: { slug: string } }) => p.shop.slug === 'sambal-mt');
		const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': `confirm-buyer-${Date.now()}` },
			body: JSON.stringify({ buyer: { name: 'Rina Konfirmasi', whatsapp: '081234567891' }, lines: [{ productId: cumi.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } })
		});
		expect(res.status).toBe(201);
		const checkout = await res.json();
		const buyer = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const b = await buyer.newPage();
		await b.goto(checkout.statusUrl);
		await expect(b.getByText(/Terima kasih, Rina Konfirmasi!/).count()).resolves.toBe(1);
		await expect(b.getByRole('link', { name: 'Kirim pesanan ke WhatsApp penjual' }).count()).resolves.toBe(1);

		const seller = await contextFor(browser, app.baseUrl, 'mt@cigadung.test', PHONE.viewport, sessions);
		const s = await seller.newPage();
		await s.goto(`${app.baseUrl}/jual/pesanan`);
		const href = (await s.locator('.inbox-rows li', { hasText: 'Rina Konfirmasi' }).first().locator('a').getAttribute('href'))!;
		await s.goto(app.baseUrl + href);
		await s.getByRole('button', { name: /^Konfirmasi/ }).first().click();
		await s.waitForLoadState();
		await seller.close();

		await b.goto(checkout.statusUrl);
		await expect(b.getByText('Status: Dikonfirmasi', { exact: false }).count()).resolves.toBe(1);
		await expect(b.getByText(/Terima kasih/).count()).resolves.toBe(0);
		await expect(b.getByText('Status pesanan Anda ada di bawah. Simpan halaman ini untuk melihatnya lagi.').count()).resolves.toBe(1);
		await expect(b.getByRole('link', { name: 'Kirim pesanan ke WhatsApp penjual' }).count()).resolves.toBe(0);
		const ask = new URL((await b.getByRole('link', { name: 'Tanya penjual lewat WhatsApp' }).getAttribute('href'))!);
		expect(ask.searchParams.get('text')).toBe(`Halo Sambal MT, saya Rina Konfirmasi. Saya mau bertanya tentang pesanan ${checkout.orders[0].code}: `);
		await buyer.close();
	});
});

describe('a cancelled order seen by the buyer', () => {
	it('should show the reason, ask for no payment and offer no WhatsApp send (no JavaScript); the API and the seller page carry the reason', async () => {
		const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=sambal+cumi`)).json();
		const cumi = products.data.find((p: { shop: { slug: string } }) => p.shop.slug === 'sambal-mt');
		const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': `cancel-buyer-${Date.now()}` },
			body: JSON.stringify({ buyer: { name: 'Rina Batal', whatsapp: '081234567890' }, lines: [{ productId: cumi.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } })
		});
		expect(res.status).toBe(201);
		const checkout = await res.json();

		const seller = await contextFor(browser, app.baseUrl, 'mt@cigadung.test', PHONE.viewport, sessions);
		const s = await seller.newPage();
		await s.goto(`${app.baseUrl}/jual/pesanan`);
		const href = (await s.locator('.inbox-rows li', { hasText: 'Rina Batal' }).first().locator('a').getAttribute('href'))!;
		await s.goto(app.baseUrl + href);
		await s.getByText('Batalkan pesanan', { exact: true }).click();
		await s.getByLabel('Alasan pembatalan (dibaca pembeli)').fill('Stok cumi habis hari ini');
		await s.getByLabel(/Ya, saya yakin membatalkan pesanan/).check();
		await s.getByRole('button', { name: 'Batalkan pesanan ini' }).click();
		// 303 back to the order's own address, not ?/batal, saying it was saved
		await s.waitForURL(app.baseUrl + href);
		await expect(s.getByRole('status').filter({ hasText: 'Pesanan dibatalkan. Sekarang kabari pembeli' }).count()).resolves.toBe(1);
		await expect(s.getByText('Alasan pembatalan dari penjual: Stok cumi habis hari ini').isVisible()).resolves.toBe(true);
		// The seller's WhatsApp reply to the buyer and the receipt picture carry the reason too.
		const reply = new URL((await s.getByRole('link', { name: 'Kabari pembeli di WhatsApp' }).getAttribute('href'))!);
		// …and ends with the buyer's status link, the one the buyer got at checkout
		expect(reply.searchParams.get('text')).toMatch(/^Halo Rina Batal, mohon maaf pesanan \S+ di Sambal MT kami batalkan\. Alasannya: Stok cumi habis hari ini\nLihat pesanan Anda: \S+$/);
		// …this order's own link (its code, not the checkout's link that shows every shop's part)
		expect(reply.searchParams.get('text')!.split('Lihat pesanan Anda: ')[1]).toMatch(new RegExp(`^${app.baseUrl}/pesanan/${checkout.orders[0].code}\\?t=[\\w-]+$`));
		const png = await s.request.get(app.baseUrl + href + '/nota.png');
		expect(png.status()).toBe(200);
		expect(png.headers()['content-type']).toBe('image/png');
		await seller.close();

		const buyer = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const b = await buyer.newPage();
		await b.goto(checkout.statusUrl);
		await expect(b.getByText('Status: Dibatalkan').isVisible()).resolves.toBe(true);
		await expect(b.getByText('Alasan pembatalan dari penjual: Stok cumi habis hari ini').isVisible()).resolves.toBe(true);
		await expect(b.getByText(/siapkan uang pas/).count()).resolves.toBe(0);
		await expect(b.getByText('Kirim pesanan ke WhatsApp penjual').count()).resolves.toBe(0);
		// …but the seller can still be asked about it: a short question naming the order, not the whole order again.
		const ask = new URL((await b.getByRole('link', { name: 'Tanya penjual lewat WhatsApp' }).getAttribute('href'))!);
		expect(ask.searchParams.get('text')).toBe(`Halo Sambal MT, saya Rina Batal. Saya mau bertanya tentang pesanan ${checkout.orders[0].code}: `);
		await buyer.close();

		const api = await (await fetch(`${app.baseUrl}/api/v1/checkouts/${checkout.code}?token=${encodeURIComponent(checkout.token)}`)).json();
		expect(api.orders[0]).toMatchObject({ status: 'dibatalkan', cancelReason: 'Stok cumi habis hari ini' });
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';

/**
 * Issue 11, seen by the seller with JavaScript off at 390×844: completing an order in the inbox puts its total in the
 * cash book; cancelling the completed order (goods returned) says so first and posts the reversal.
 */
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

function entries(orderId: string): { amount: number; kind: string; method: string; source_ref: string }[] {
	const db = new Database(join(app.dataDir, 'ecrav.sqlite'), { readonly: true });
	try {
		return db.prepare('select amount, kind, method, source_ref from cash_entry where order_id = ? order by amount desc').all(orderId) as never;
	} finally {
		db.close();
	}
}

describe('a completed order in the cash book (JavaScript off)', () => {
	it('should post the total once on completion and its reversal when the completed order is cancelled', async () => {
		const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=sambal+cumi`)).json();
		const cumi = products.data.find((p: { shop: { slug: string } }) => p.shop.slug === 'sambal-mt');
		const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': `cash-order-${Date.now()}` },
			body: JSON.stringify({ buyer: { name: 'Rina Kas', whatsapp: '081234567890' }, lines: [{ productId: cumi.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } })
		});
		expect(res.status).toBe(201);
		const checkout = await res.json();
		const total: number = checkout.orders[0].total;

		await (await contextFor(browser, app.baseUrl, 'mt@cigadung.test', PHONE.viewport, sessions)).close();
		const seller = await browser.newContext({ ...PHONE, javaScriptEnabled: false, storageState: JSON.parse(sessions.get('mt@cigadung.test')!) });
		const s = await seller.newPage();
		await s.goto(`${app.baseUrl}/jual/pesanan`);
		const href = (await s.locator('.inbox-rows li', { hasText: 'Rina Kas' }).first().locator('a').getAttribute('href'))!;
		const orderId = new URL(href, app.baseUrl).pathname.split('/').pop()!;
		await s.goto(`${app.baseUrl}/jual/pesanan/${orderId}`);
		for (const step of ['Konfirmasi pesanan', 'Mulai disiapkan', 'Siap diambil']) {
			await s.getByRole('button', { name: step, exact: true }).click();
			await s.waitForURL(`${app.baseUrl}/jual/pesanan/${orderId}`);
		}
		expect(entries(orderId)).toEqual([]);
		await s.getByRole('button', { name: 'Selesai', exact: true }).click();
		await s.waitForURL(`${app.baseUrl}/jual/pesanan/${orderId}`);
		expect(entries(orderId)).toEqual([{ amount: total, kind: 'income', method: 'tunai', source_ref: `order:${orderId}` }]);
		// its page in the seller's book says where it came from in plain words (no one's name as if they wrote in the book)
		const code: string = checkout.orders[0].code;
		const entryId = (new Database(join(app.dataDir, 'ecrav.sqlite'), { readonly: true }).prepare('select id from cash_entry where order_id = ?').get(orderId) as { id: string }).id;
		await s.goto(`${app.baseUrl}/jual/kas/${entryId}`);
		await expect(s.locator('.alert.tip').textContent()).resolves.toContain(`Dicatat otomatis dari pesanan ${code} saat pesanan selesai.`);
		await expect(s.getByRole('link', { name: 'Lihat pesanannya' }).isVisible()).resolves.toBe(true);
		await s.goto(`${app.baseUrl}/jual/pesanan/${orderId}`);

		// A completed order can still be cancelled (returned, refunded); the form says what happens to the cash book.
		await s.getByText('Batalkan pesanan', { exact: true }).click();
		const hint = s.locator('[data-completed-cancel]');
		await expect(hint.textContent()).resolves.toContain(`uangnya Rp\u00a0${total.toLocaleString('id-ID')} sudah masuk buku kas`);
		await expect(s.getByLabel(/kembalikan ke stok/).isChecked()).resolves.toBe(false);
		await s.screenshot({ path: '/tmp/field-order-cancel-completed.png', fullPage: true });
		await s.getByLabel('Alasan pembatalan (dibaca pembeli)').fill('Sambal dikembalikan, uang sudah saya kembalikan');
		await s.getByLabel(/Ya, saya yakin membatalkan pesanan/).check();
		await s.getByRole('button', { name: 'Batalkan pesanan ini' }).click();
		await s.waitForURL(`${app.baseUrl}/jual/pesanan/${orderId}`);
		await expect(s.getByText('Alasan pembatalan dari penjual: Sambal dikembalikan, uang sudah saya kembalikan').isVisible()).resolves.toBe(true);
		expect(entries(orderId)).toEqual([
			{ amount: total, kind: 'income', method: 'tunai', source_ref: `order:${orderId}` },
			{ amount: -total, kind: 'income', method: 'tunai', source_ref: `order:${orderId}:batal` }
		]);
		expect(await s.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await seller.close();
	});
});

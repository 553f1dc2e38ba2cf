import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { parseQris } from '../../src/lib/server/payments/qris';

/**
 * Issue 7 (left, items 4 and 5): the strangers' buyer journey asks for a sambal with sizes — the demo's Sambal Teri
 * (100 g / 200 g) at Sambal MT is found by "sambal", priced "mulai" its cheapest size, and ordered in the size chosen;
 * Sambal MT's demo QRIS carries the shop's own name (still a sample not to pay), not "Warung Sayur Bu Sugeng".
 */
vi.setConfig({ testTimeout: 150_000 });

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const plain = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
const fits = async (page: Page, width: number) => expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);

for (const width of [390, 320] as const) {
	for (const js of [false, true]) {
		describe(`a sambal with sizes at ${width} px, JS ${js ? 'on' : 'off'}`, () => {
			it('should find Sambal Teri by "sambal" from its cheapest size, order the 200 g and show the QRIS in Sambal MT\'s name', async () => {
				const ctx = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });
				const page = await ctx.newPage();
				await page.goto(`${app.baseUrl}/c/cigadung?q=sambal`);
				const card = page.locator('a', { hasText: 'Sambal Teri' }).first();
				await expect(card.isVisible()).resolves.toBe(true);
				const cardText = plain(await page.locator('li, article', { has: page.getByText('Sambal Teri', { exact: true }) }).last().innerText());
				expect(cardText).toContain('mulai Rp 15.000');
				await fits(page, width);
				await card.click();
				await page.waitForURL(/\/toko\/sambal-mt\/sambal-teri/);
				const size = page.getByLabel('Ukuran');
				const options = await size.locator('option').allInnerTexts();
				expect(options.map(plain).filter((o) => /g —/.test(o))).toEqual([expect.stringMatching(/^100 g — Rp 15\.000/), expect.stringMatching(/^200 g — Rp 27\.000/)]);
				await size.selectOption({ label: options.find((o) => o.startsWith('200 g'))! });
				await page.getByLabel('Jumlah').fill('1');
				await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
				await page.waitForURL(/\/keranjang$/);
				await expect(page.getByRole('link', { name: 'Sambal Teri (200 g)' }).isVisible()).resolves.toBe(true);
				await fits(page, width);

				await page.getByRole('radio', { name: 'Ambil sendiri' }).check();
				await page.getByRole('radio', { name: 'QRIS' }).check();
				await page.getByLabel('Nama Anda').fill('Rina Sambal');
				await page.getByLabel('Nomor WhatsApp Anda').fill(`0812 6666 ${width}${js ? 1 : 2}`);
				await page.getByRole('button', { name: 'Pesan sekarang' }).click();
				await page.waitForURL(/\/pesanan\/CIG-/);
				const body = plain(await page.locator('main').innerText());
				expect(body).toContain('Sambal Teri (200 g)');
				expect(body).toContain('Pastikan nominal Rp 27.000 dan nama Sambal MT.');
				expect(body).not.toContain('Sugeng');
				await expect(page.getByText(/QRIS CONTOH/).count()).resolves.toBe(1);
				await fits(page, width);
				await page.screenshot({ path: `/tmp/field/sambal-sizes-${width}-${js ? 'js' : 'nojs'}.png`, fullPage: true });
				// the status page's API gives the QRIS payload: the shop's name, a valid CRC, the amount of 27.000
				const url = new URL(page.url());
				const api = await (await fetch(`${app.baseUrl}/api/v1/checkouts/${url.pathname.split('/').pop()}?token=${encodeURIComponent(url.searchParams.get('t')!)}`)).json();
				expect(parseQris(api.orders[0].payment.qris)).toMatchObject({ merchantName: 'Sambal MT', amount: 27000, isDynamic: true });
				await ctx.close();
			});
		});
	}
}

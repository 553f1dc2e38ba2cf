import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor, type DemoLogin } from './pages';

/**
 * Issue 11, the seller's phone at 390×844 with JavaScript off: an unpaid sale recorded as a receivable, a partial
 * payment, the reminder's WhatsApp text; another seller and the coordinator find nothing.
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

async function noJs(as: DemoLogin, width = PHONE.viewport.width): Promise<BrowserContext> {
	await (await contextFor(browser, app.baseUrl, as, PHONE.viewport, sessions)).close();
	return browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: false, storageState: JSON.parse(sessions.get(as)!) });
}

describe('receivables on the seller\'s phone (JavaScript off)', () => {
	it('should record an unpaid sale, take a partial payment, offer a polite reminder, and show nothing to others', async () => {
		const seller = await noJs('mt@cigadung.test');
		const p = await seller.newPage();
		await p.goto(`${app.baseUrl}/jual/kas/utang`);
		await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Utang');
		await p.getByRole('link', { name: '+ Catat utang baru' }).click();
		await expect(p.getByLabel('Pelanggan berutang ke saya (penjualan belum dibayar)').isChecked()).resolves.toBe(true);
		// A bad amount is refused with a clear message and what was typed stays.
		await p.getByLabel('Nama', { exact: true }).fill('Bu Siti');
		await p.getByLabel('Nomor WhatsApp (boleh kosong)').fill('0812-3456-7890');
		await p.getByLabel('Jumlah utang (Rp)').fill('0');
		await p.getByRole('button', { name: 'Simpan' }).click();
		await expect(p.getByRole('alert').isVisible()).resolves.toBe(true);
		await expect(p.locator('.field:has(#amount) .err').textContent()).resolves.toContain('Jumlah harus lebih dari Rp');
		await expect(p.getByLabel('Nama', { exact: true }).inputValue()).resolves.toBe('Bu Siti');
		await p.getByLabel('Jumlah utang (Rp)').fill('150.000');
		await p.getByLabel('Jatuh tempo (boleh kosong)').fill('2026-12-15');
		await p.getByLabel('Catatan (boleh kosong)').fill('Nasi kotak arisan RT 03');
		await p.getByRole('button', { name: 'Simpan' }).click();
		await p.waitForURL(/\/jual\/kas\/utang\/utg_[^/?]+\?tersimpan=created$/);
		const debtPath = new URL(p.url()).pathname;
		await expect(p.locator('[data-outstanding]').textContent()).resolves.toBe('Rp\u00a0150.000');

		// A partial payment; more than what is left is refused with the amount left.
		await p.getByLabel('Jumlah dibayar (Rp)').fill('50rb');
		await p.getByRole('button', { name: 'Simpan pembayaran' }).click();
		await p.waitForURL(`${app.baseUrl}${debtPath}?tersimpan=paid`);
		await expect(p.getByRole('status').textContent()).resolves.toBe('Pembayaran tersimpan dan masuk buku kas.');
		await expect(p.locator('[data-outstanding]').textContent()).resolves.toBe('Rp\u00a0100.000');
		await expect(p.locator('.payment-rows li').count()).resolves.toBe(1);
		await p.getByLabel('Jumlah dibayar (Rp)').fill('100.001');
		await p.getByRole('button', { name: 'Simpan pembayaran' }).click();
		await expect(p.locator('.field:has(#amount) .err').textContent()).resolves.toBe('Sisa utangnya tinggal Rp\u00a0100.000. Jumlah bayar tidak boleh lebih dari itu.');
		await expect(p.locator('[data-outstanding]').textContent()).resolves.toBe('Rp\u00a0100.000');

		// The reminder: wa.me to her number with a polite Indonesian text naming her, what is left and the shop.
		const reminder = new URL((await p.locator('[data-reminder]').getAttribute('href'))!);
		expect(reminder.origin + reminder.pathname).toBe('https://wa.me/6281234567890');
		expect(reminder.searchParams.get('text')).toBe('Halo Bu Siti, ini dari Sambal MT. Sekadar mengingatkan, masih ada sisa pembayaran Rp\u00a0100.000 yang jatuh tempo Selasa, 15 Desember 2026. Kalau sudah dibayar, mohon abaikan pesan ini. Terima kasih banyak.');
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await p.screenshot({ path: '/tmp/field-debt.png', fullPage: true });

		// Who owes what: she is listed with what is left.
		await p.goto(`${app.baseUrl}/jual/kas/utang`);
		await expect(p.locator('[data-total]').textContent()).resolves.toContain('Belum dibayar: Rp\u00a0100.000 (1 orang)');
		await expect(p.locator('.debt-rows li').first().textContent()).resolves.toContain('Bu Siti');
		await p.screenshot({ path: '/tmp/field-debts.png', fullPage: true });
		await seller.close();

		// The pages fit 320 px too.
		const narrow = await noJs('mt@cigadung.test', 320);
		const n = await narrow.newPage();
		for (const path of ['/jual/kas/utang', '/jual/kas/utang/baru', debtPath]) {
			await n.goto(app.baseUrl + path);
			expect(await n.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
		}
		await narrow.close();

		// Another shop's seller, and the coordinator even when helping Sambal MT (?toko=): 404, and the pay form is refused.
		const db = new Database(join(app.dataDir, 'ecrav.sqlite'), { readonly: true });
		const mtShop = (db.prepare("select id from shop where slug = 'sambal-mt'").get() as { id: string }).id;
		db.close();
		for (const [as, query] of [['jj@cigadung.test', ''], ['koordinator@cigadung.test', `?toko=${mtShop}`], ['pendamping@cigadung.test', `?toko=${mtShop}`]] as const) {
			const other = await noJs(as);
			const o = await other.newPage();
			const res = await o.goto(app.baseUrl + debtPath + query);
			expect(res?.status(), as).toBe(404);
			await expect(o.getByText('Bu Siti').count()).resolves.toBe(0);
			if (query) expect((await o.goto(`${app.baseUrl}/jual/kas/utang${query}`))?.status(), as).toBe(404);
			const post = await o.request.post(`${app.baseUrl}${debtPath}${query ? `${query}&` : '?'}/bayar`, { form: { amount: '1000', method: 'tunai' }, headers: { origin: app.baseUrl, accept: 'text/html' } });
			expect(post.status(), `${as} ${(await post.text()).slice(0, 300)}`).toBe(404);
			await other.close();
		}
		const again = await noJs('mt@cigadung.test');
		const a = await again.newPage();
		await a.goto(app.baseUrl + debtPath);
		await expect(a.locator('[data-outstanding]').textContent()).resolves.toBe('Rp\u00a0100.000');
		await again.close();
	});
});

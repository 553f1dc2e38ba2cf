import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor, type DemoLogin } from './pages';
import { expectNoHorizontalOverflow } from './a11y';

/**
 * The cash book's ledger on a phone (issue 11), with JavaScript off and on: a quick cash sale at the stall, an
 * expense, money taken home (prive) — then the month's profit on the home is income − expense (prive not subtracted);
 * a bad amount keeps what was typed; a correction shows; the community's coordinator cannot open the book.
 */
let app: RunningApp;
let browser: Browser;
const sessions = new Map<string, string>();

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function phone(as: DemoLogin, javaScriptEnabled: boolean): Promise<BrowserContext> {
	const signedIn = await contextFor(browser, app.baseUrl, as, PHONE.viewport, sessions);
	const storageState = await signedIn.storageState();
	await signedIn.close();
	return browser.newContext({ ...PHONE, javaScriptEnabled, storageState });
}

/** "Rp 24.000" → 24000 */
const rupiah = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** This month's Pemasukan / Pengeluaran / Untung as the home shows them. */
async function month(page: Page) {
	const box = page.locator('.period').filter({ has: page.getByRole('heading', { name: 'Bulan ini' }) });
	const value = async (label: string) => rupiah(await box.locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').textContent());
	return { income: await value('Pemasukan'), expense: await value('Pengeluaran'), profit: await value('Untung') };
}

for (const js of [false, true]) {
	const who: DemoLogin = js ? 'mt@cigadung.test' : 'jj@cigadung.test';
	describe(`cash book at 390×844, JavaScript ${js ? 'on' : 'off'}`, () => {
		let ctx: BrowserContext;
		let page: Page;
		beforeAll(async () => {
			ctx = await phone(who, js);
			page = await ctx.newPage();
		});
		afterAll(() => ctx?.close());

		it('should record a quick cash sale, an expense and a prive, and show the month’s profit without the prive', async () => {
			await page.goto(`${app.baseUrl}/jual`);
			await Promise.all([page.waitForURL(/\/jual\/kas$/), page.getByRole('navigation', { name: 'Toko saya' }).getByRole('link', { name: 'Buku kas' }).click()]);
			const before = await month(page);
			await expectNoHorizontalOverflow(page, 'cash book home');

			await page.getByLabel('Jumlah penjualan (Rp)').fill('24.000');
			await expect(page.getByRole('radio', { name: 'Tunai' }).isChecked()).resolves.toBe(true);
			await Promise.all([page.waitForURL(/\/jual\/kas$/), page.getByRole('button', { name: 'Catat penjualan' }).click()]);
			await expect(page.getByRole('status').textContent()).resolves.toContain('Tercatat: Penjualan Rp\u00a024.000 tunai.');
			await expect(page.getByLabel('Jumlah penjualan (Rp)').inputValue()).resolves.toBe('');

			await Promise.all([page.waitForURL(/\/jual\/kas\/catat\?jenis=pengeluaran/), page.getByRole('link', { name: 'Catat pengeluaran' }).click()]);
			await expectNoHorizontalOverflow(page, 'expense form');
			await page.getByLabel('Jumlah (Rp)').fill('9.000');
			await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Bahan baku' });
			await page.getByRole('radio', { name: 'QRIS' }).check();
			await page.getByLabel('Keterangan (boleh kosong)').fill('Cabai 1 kg <b>pasar</b>');
			await Promise.all([page.waitForURL(/\/jual\/kas$/), page.getByRole('button', { name: 'Simpan catatan' }).click()]);
			await expect(page.getByRole('status').textContent()).resolves.toContain('Tercatat: Pengeluaran (Bahan baku) Rp\u00a09.000 lewat QRIS.');

			await Promise.all([page.waitForURL(/jenis=prive/), page.getByRole('link', { name: 'Ambil untuk rumah' }).click()]);
			await expect(page.getByText('tidak mengurangi untung').isVisible()).resolves.toBe(true);
			await page.getByLabel('Jumlah (Rp)').fill('50rb');
			await Promise.all([page.waitForURL(/\/jual\/kas$/), page.getByRole('button', { name: 'Simpan catatan' }).click()]);
			await expect(page.getByRole('status').textContent()).resolves.toContain('Tercatat: Ambil untuk rumah (prive) Rp\u00a050.000 tunai.');

			const after = await month(page);
			expect(after.income - before.income).toBe(24000);
			expect(after.expense - before.expense).toBe(9000);
			expect(after.profit - before.profit).toBe(15000);
			// the note is shown as text, never as HTML
			await expect(page.getByText('Cabai 1 kg <b>pasar</b>').isVisible()).resolves.toBe(true);
			await page.setViewportSize({ width: 320, height: 700 });
			await expectNoHorizontalOverflow(page, 'cash book home at 320 px');
			await page.setViewportSize(PHONE.viewport);
		});

		it('should record a sale once when the seller goes back and sends the same form again, saying it is already recorded', async () => {
			await page.goto(`${app.baseUrl}/jual/kas`);
			const amount = js ? '13.579' : '13.571';
			const rows = () => page.locator('.cash-entries li', { hasText: `Rp\u00a0${amount}` }).count();
			const before = await rows();
			await page.getByLabel('Jumlah penjualan (Rp)').fill(amount);
			await Promise.all([page.waitForURL(/\/jual\/kas$/), page.getByRole('button', { name: 'Catat penjualan' }).click()]);
			await expect(page.getByRole('status').textContent()).resolves.toContain(`Tercatat: Penjualan Rp\u00a0${amount} tunai.`);
			// back to the form as it was (the browser reloads the private page and puts the typed amount back), submit again
			await page.goBack();
			await page.waitForLoadState();
			if ((await page.getByLabel('Jumlah penjualan (Rp)').inputValue()) === '') await page.getByLabel('Jumlah penjualan (Rp)').fill(amount);
			await Promise.all([page.waitForURL(/\/jual\/kas$/), page.getByRole('button', { name: 'Catat penjualan' }).click()]);
			await expect(page.getByRole('status').textContent()).resolves.toContain(`Sudah tercatat: Penjualan Rp\u00a0${amount} tunai. Tidak dicatat dua kali.`);
			await expect(rows()).resolves.toBe(before + 1);
			// the page after it is a new form: the next sale of the same amount is recorded
			await page.getByLabel('Jumlah penjualan (Rp)').fill(amount);
			await Promise.all([page.waitForURL(/\/jual\/kas$/), page.getByRole('button', { name: 'Catat penjualan' }).click()]);
			await expect(page.getByRole('status').textContent()).resolves.toContain(`Tercatat: Penjualan Rp\u00a0${amount} tunai.`);
			await expect(rows()).resolves.toBe(before + 2);
		});

		it('should keep a bad amount as typed with a message beside the field, recording nothing', async () => {
			await page.goto(`${app.baseUrl}/jual/kas`);
			const count = await page.locator('.cash-entries li').count();
			await page.getByLabel('Jumlah penjualan (Rp)').fill('24,5');
			await page.getByRole('button', { name: 'Catat penjualan' }).click();
			await page.waitForLoadState();
			await expect(page.getByText('Tulis jumlah rupiah tanpa koma').first().isVisible()).resolves.toBe(true);
			await expect(page.getByLabel('Jumlah penjualan (Rp)').inputValue()).resolves.toBe('24,5');
			await page.getByLabel('Jumlah penjualan (Rp)').fill('240jt');
			await page.getByRole('button', { name: 'Catat penjualan' }).click();
			await page.waitForLoadState();
			await expect(page.getByText('Jumlah ini besar: Rp\u00a0240.000.000. Benar?').first().isVisible()).resolves.toBe(true);
			await expect(page.getByLabel('Ya, jumlahnya benar').isChecked()).resolves.toBe(false);
			await page.goto(`${app.baseUrl}/jual/kas`);
			await expect(page.locator('.cash-entries li').count()).resolves.toBe(count);
		});

		it('should correct an entry with a reversing entry that shows, and not twice', async () => {
			await page.goto(`${app.baseUrl}/jual/kas`);
			await Promise.all([page.waitForURL(/\/jual\/kas\/kas_/), page.locator('.cash-entries a', { hasText: 'Ambil untuk rumah' }).first().click()]);
			await expectNoHorizontalOverflow(page, 'one entry');
			await expect(page.getByText('Catatan tidak dihapus: dibuat catatan pembalik').isVisible()).resolves.toBe(true);
			const before = await (async () => {
				await page.goto(`${app.baseUrl}/jual/kas`);
				return month(page);
			})();
			await page.goBack();
			await page.getByLabel('Alasan koreksi (boleh kosong)').fill('Salah catat');
			// one tap never corrects: the tick is asked for, what was typed kept
			await page.getByRole('button', { name: 'Koreksi catatan ini' }).click();
			await page.waitForLoadState();
			await expect(page.getByText('Centang "Ya, koreksi catatan ini" dulu').first().isVisible()).resolves.toBe(true);
			await expect(page.getByLabel('Alasan koreksi (boleh kosong)').inputValue()).resolves.toBe('Salah catat');
			await page.getByLabel('Ya, koreksi catatan ini').check();
			await Promise.all([page.waitForURL(/\/jual\/kas\/kas_/), page.getByRole('button', { name: 'Koreksi catatan ini' }).click()]);
			await expect(page.getByRole('status').textContent()).resolves.toContain('Koreksi tercatat');
			await expect(page.getByText('Catatan ini sudah dikoreksi.').isVisible()).resolves.toBe(true);
			await expect(page.getByRole('button', { name: 'Koreksi catatan ini' }).count()).resolves.toBe(0);
			await page.goto(`${app.baseUrl}/jual/kas`);
			// a prive never touched profit, so its correction does not either
			expect(await month(page)).toEqual(before);
			await expect(page.locator('.cash-entries li', { hasText: 'koreksi' }).count()).resolves.toBeGreaterThan(0);
		});
	});
}

describe('cash book privacy in the browser', () => {
	it('should answer 404 to the community’s coordinator opening a seller’s book, and show no Buku kas link', async () => {
		const shop = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/shops/sambal-mt`)).json();
		const ctx = await phone('koordinator@cigadung.test', false);
		const page = await ctx.newPage();
		const res = await page.goto(`${app.baseUrl}/jual/kas?toko=${shop.id}`);
		expect(res?.status()).toBe(404);
		await page.goto(`${app.baseUrl}/jual?toko=${shop.id}`);
		await expect(page.getByRole('navigation', { name: 'Toko saya' }).getByRole('link', { name: 'Buku kas' }).count()).resolves.toBe(0);
		await ctx.close();
	});
});

describe('the biggest amount a book takes (Rp 1 triliun) at 390 and 320 px', () => {
	it('should fit the summary cards, the latest entries, the entry page and the report without widening the page or splitting an amount', async () => {
		const ctx = await phone('jj@cigadung.test', false);
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/jual/kas`);
		await page.getByLabel('Jumlah penjualan (Rp)').fill('1.000.000.000.000');
		await page.getByRole('button', { name: 'Catat penjualan' }).click();
		await page.waitForLoadState();
		await page.getByLabel('Ya, jumlahnya benar').check();
		await Promise.all([page.waitForURL(/\/jual\/kas$/), page.getByRole('button', { name: 'Catat penjualan' }).click()]);
		await expect(page.getByRole('status').textContent()).resolves.toContain('Rp\u00a01.000.000.000.000');
		const entryHref = (await page.locator('.cash-entries a', { hasText: '1.000.000.000.000' }).first().getAttribute('href'))!;
		for (const width of [390, 320]) {
			await page.setViewportSize({ width, height: 800 });
			for (const path of ['/jual/kas', entryHref, '/jual/kas/laporan']) {
				await page.goto(`${app.baseUrl}${path}`);
				await expectNoHorizontalOverflow(page, `${path} with Rp 1 triliun at ${width} px`);
				// and nothing spills out of its own card either (a clipped or overlapping figure)
				const spilled = await page.evaluate(() =>
					Array.from(document.querySelectorAll('.period, .cash-entries li, .amount, .card, dl'))
						.filter((el) => el.scrollWidth > el.clientWidth + 1)
						.map((el) => `${el.className || el.tagName}: ${el.scrollWidth} > ${el.clientWidth}`)
				);
				expect(spilled, `${path} at ${width} px`).toEqual([]);
				// and no amount is split over two lines ("Rp 1.000.000.000.0" / "00"): one line box per figure
				const split = await page.evaluate(() =>
					Array.from(document.querySelectorAll('.price, .amount, dd, .nowrap'))
						.filter((el) => /Rp/.test(el.textContent ?? '') && !el.querySelector('.price, .amount, .nowrap'))
						.filter((el) => {
							const range = document.createRange();
							range.selectNodeContents(el);
							return new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
						})
						.map((el) => el.textContent)
				);
				expect(split, `${path} at ${width} px: amounts split over lines`).toEqual([]);
			}
		}
		await page.screenshot({ path: '/tmp/cashbook-1-triliun-320.png', fullPage: true });
		await ctx.close();
	});
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';

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

const WIDTHS = [390, 320] as const;
const seen = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ timeout: 15_000 }).then(() => true);
const phone = (width: number, js = false): Promise<BrowserContext> => browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js });

async function login(page: Page, who: string, password = 'demo-cigadung-2024') {
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(who);
	await page.getByLabel('Kata sandi').fill(password);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
}

const noScroll = (page: Page, width: number) => expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);

for (const width of WIDTHS) {
	describe(`home and catalog at ${width} px`, () => {
		it('should count on the home page exactly the shops the catalog lists', async () => {
			const ctx = await phone(width);
			const page = await ctx.newPage();
			await page.goto(app.baseUrl + '/');
			const line = (await page.locator('a[href="/c/cigadung"]').textContent())!;
			const counted = Number(/(\d+) toko/.exec(line)![1]);
			await page.goto(`${app.baseUrl}/c/cigadung`);
			const listed = await page.locator('ul.shops li').count();
			expect(listed).toBeGreaterThan(0);
			expect(counted).toBe(listed);
			// A search that finds nothing never leaves "Lihat … di komunitas ini" without a link.
			await page.goto(`${app.baseUrl}/c/cigadung?q=zzqqxx`);
			const browse = page.getByRole('link', { name: 'Lihat semua produk di komunitas ini' });
			await expect(browse.getAttribute('href')).resolves.toBe('/c/cigadung');
			await expect(page.getByText(/komunitas ini:\s*$/).count()).resolves.toBe(0);
			await ctx.close();
		});
	});
}

describe('a renamed shop', () => {
	it('should be offered the new name’s address; the old shop and product addresses answer 301 (390 and 320 px, JS off)', async () => {
		const names = { 390: ['Ketempling Bu Juju', 'ketempling-bu-juju', 'ketempling-jj'], 320: ['Ketempling JJ', 'ketempling-jj', 'ketempling-bu-juju'] } as const;
		for (const width of WIDTHS) {
			const [name, to, from] = names[width];
			const ctx = await phone(width);
			const page = await ctx.newPage();
			await login(page, 'jj@cigadung.test');
			await page.goto(`${app.baseUrl}/jual/mulai/nama`);
			await page.getByLabel('Nama toko').fill(name);
			await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
			await page.waitForURL(/\/jual\/mulai\/nama$/);
			await expect(seen(page, `${app.baseUrl}/c/cigadung/toko/${to}`)).resolves.toBe(true);
			await expect(seen(page, 'Alamat lama tetap bisa dibuka')).resolves.toBe(true);
			await noScroll(page, width);
			await page.getByRole('button', { name: 'Pakai alamat baru' }).click();
			await page.waitForURL(/\/jual\/mulai\/whatsapp$/);
			await ctx.close();

			const shop = await fetch(`${app.baseUrl}/c/cigadung/toko/${from}?halaman=1`, { redirect: 'manual' });
			expect(shop.status).toBe(301);
			expect(shop.headers.get('location')).toBe(`/c/cigadung/toko/${to}?halaman=1`);
			const product = await fetch(`${app.baseUrl}/c/cigadung/toko/${from}/ketempling-original-250-g`, { redirect: 'manual' });
			expect(product.status).toBe(301);
			expect(product.headers.get('location')).toBe(`/c/cigadung/toko/${to}/ketempling-original-250-g`);
			const now = await fetch(`${app.baseUrl}/c/cigadung/toko/${to}`);
			expect(now.status).toBe(200);
			expect(await now.text()).toContain(name);
			expect((await fetch(`${app.baseUrl}/c/cigadung/toko/tidak-pernah-ada`, { redirect: 'manual' })).status).toBe(404);
		}
	});
});

describe('setup links', () => {
	it('should bring a seller who finished onboarding to the seller home after a reset, and say a used link needs a new one from the coordinator (390 px)', async () => {
		const coord = await phone(390);
		const c = await coord.newPage();
		await login(c, 'koordinator@cigadung.test');
		await c.goto(`${app.baseUrl}/koordinator/cigadung?q=ketempling`);
		const card = c.locator('li.member-card').filter({ has: c.getByRole('link', { name: 'Ketempling JJ', exact: true }) });
		await card.getByRole('button', { name: 'Tautan baru' }).click();
		const link = (await c.locator('code.link').first().textContent())!.trim();
		await coord.close();

		const ctx = await phone(390);
		const page = await ctx.newPage();
		await page.goto(link);
		await page.getByLabel('Kata sandi baru (minimal 8 huruf/angka)').fill('ketempling-renyah-77');
		await page.getByLabel('Ulangi kata sandi').fill('ketempling-renyah-77');
		await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
		await page.waitForURL((u) => u.pathname === '/jual');
		await ctx.close();

		const again = await phone(390);
		const p2 = await again.newPage();
		const res = await p2.goto(link);
		expect(res?.status()).toBe(410);
		const text = await p2.locator('main').innerText();
		expect(text).toContain('Tautan tidak bisa dipakai lagi');
		expect(text).toContain('Minta tautan baru ke koordinator');
		expect(text).not.toMatch(/muat ulang/i);
		await expect(p2.getByRole('link', { name: 'Masuk' }).last().getAttribute('href')).resolves.toBe('/masuk');
		await again.close();
	});

	it('should show a WhatsApp login as 08… and start a new seller at step 1 (320 px)', async () => {
		const coord = await phone(320);
		const c = await coord.newPage();
		await login(c, 'koordinator@cigadung.test');
		await c.getByLabel('Nama', { exact: true }).fill('Bu Sari');
		await c.getByLabel('Jenis usaha').fill('Penjual opak');
		await c.getByLabel('Nomor WhatsApp').fill('0813 5555 1313');
		await c.getByRole('button', { name: 'Tambah dan buat tautan' }).click();
		const link = (await c.locator('code.link').first().textContent())!.trim();
		await coord.close();

		const ctx = await phone(320);
		const page = await ctx.newPage();
		await page.goto(link);
		const text = await page.locator('main').innerText();
		expect(text).toContain('Untuk masuk nanti, pakai: 0813-5555-1313');
		expect(text).not.toContain('628');
		await noScroll(page, 320);
		await page.getByLabel('Kata sandi baru (minimal 8 huruf/angka)').fill('opak-gurih-bu-sari-9');
		await page.getByLabel('Ulangi kata sandi').fill('opak-gurih-bu-sari-9');
		await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
		await page.waitForURL(/\/jual\/mulai\/nama$/);
		await ctx.close();

		const unknown = await fetch(`${app.baseUrl}/atur-sandi/tidak-dikenal`);
		expect(unknown.status).toBe(404);
		const body = await unknown.text();
		expect(body).toContain('Minta tautan baru ke koordinator');
		expect(body).not.toMatch(/muat ulang/i);
	});
});

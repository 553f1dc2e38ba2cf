import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { DEMO_PASSWORD } from './pages';

/**
 * Issue 12 item 1, the platform admin's pages as an operator uses them on a phone (390×844, JavaScript off): the
 * first admin and the official regions come from the CLI (as docs/deploy.md says), then in /admin a new community is
 * made by picking its kelurahan step by step, its coordinator appointed (the one-time link works and opens the new
 * community's workspace), a shop suspended by pasting its link (buyers lose it, its seller reads the reason) and
 * restored, and every one of those changes is in /admin/riwayat. A coordinator and a seller get 404 there.
 */
let app: RunningApp;
let browser: Browser;
const ADMIN = { email: 'admin@uji-platform.test', password: 'admin-platform-uji-2024' };

function cli(...args: string[]) {
	execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/ecrav.ts', ...args], { env: { ...process.env, DATA_DIR: app.dataDir, DATABASE_URL: '' }, stdio: 'pipe', timeout: 120_000 });
}

async function signedIn(login: string, password: string): Promise<{ ctx: BrowserContext; page: Page }> {
	const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
	const page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill(password);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
	return { ctx, page };
}

/** Picks the first real option of a step's select and goes on (a GET form: works without JavaScript). */
async function pickFirst(page: Page, label: string, name: string) {
	const select = page.locator(`label:has-text("${label}") select[name="${name}"]`);
	const value = await select.locator('option').nth(1).getAttribute('value');
	expect(value, label).toBeTruthy();
	await select.selectOption(value!);
	await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Lanjut' }).click()]);
}

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	cli('create-admin', '--name', 'Admin Platform Uji', '--email', ADMIN.email, '--password', ADMIN.password);
	cli('load-regions', '--province', '32');
}, 240_000);
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('platform admin on a phone', () => {
	it('should create a community from the official regions, appoint its coordinator, suspend and restore a shop, and log it all', async () => {
		const { ctx, page } = await signedIn(ADMIN.email, ADMIN.password);
		// an operator with no shop or group lands on the admin pages, and every page links to them (stranger 2026-12-02)
		expect(new URL(page.url()).pathname).toBe('/admin');
		await page.goto(`${app.baseUrl}/`);
		await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('navigation').getByRole('link', { name: 'Admin', exact: true }).click()]);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Admin platform');

		// 1. a new community: province → regency → district → kelurahan/desa, then name and catalog address
		await pickFirst(page, 'Provinsi', 'provinsi');
		await pickFirst(page, 'Kabupaten/kota', 'kabupaten');
		await pickFirst(page, 'Kecamatan', 'kecamatan');
		await pickFirst(page, 'Kelurahan/desa', 'desa');
		await expect(page.getByText(/^Wilayah: .+\(kode 32[.\d]+\)$/).count()).resolves.toBe(1);
		const pickedUrl = new URL(page.url());
		await page.getByLabel('Nama komunitas').fill('UMKM Uji Wilayah');
		await page.getByLabel('Alamat katalog').fill('uji-wilayah');
		await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Buat komunitas' }).click()]);
		await expect(page.getByText('Komunitas “UMKM Uji Wilayah” sudah dibuat.', { exact: false }).count()).resolves.toBe(1);
		expect((await fetch(`${app.baseUrl}/c/uji-wilayah`)).status).toBe(200);
		// the same kelurahan picked again is named as taken in its list, and its page offers no second community
		const picked = Object.fromEntries(['provinsi', 'kabupaten', 'kecamatan', 'desa'].map((k) => [k, pickedUrl.searchParams.get(k)!]));
		await page.goto(`${app.baseUrl}/admin?${new URLSearchParams({ ...picked, desa: '' })}#buat`);
		const option = page.locator(`select[name=desa] option[value="${picked.desa}"]`);
		await expect(option.textContent()).resolves.toMatch(/— sudah ada: UMKM Uji Wilayah$/);
		await expect(option.isDisabled()).resolves.toBe(true);
		await page.goto(`${app.baseUrl}/admin?${new URLSearchParams(picked)}#buat`);
		await expect(page.getByText(/sudah punya komunitas di E-Crav/).count()).resolves.toBe(1);
		await expect(page.getByRole('button', { name: 'Buat komunitas' }).count()).resolves.toBe(0);
		// the comparison sorts by a figure, largest first, with plain links (the header row is hidden on a phone)
		await page.goto(`${app.baseUrl}/admin`);
		await Promise.all([page.waitForURL(/urut=anggota/), page.locator('.sort-links').getByRole('link', { name: 'Anggota' }).click()]);
		await expect(page.locator('table.compare tbody tr').first().innerText()).resolves.toContain('Kelurahan Cigadung');
		await expect(page.locator('table.compare th[aria-sort="descending"]').innerText()).resolves.toContain('Anggota');
		await page.goto(`${app.baseUrl}/admin`);

		// 2. its coordinator, a new account: a one-time link that opens the new community's workspace
		await page.locator('#community').selectOption('uji-wilayah');
		await page.locator('#appoint-name').fill('Bu Koordinator Baru');
		await page.locator('#email').fill('koor-baru@uji-platform.test');
		await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Angkat', exact: true }).click()]);
		await expect(page.getByText('Bu Koordinator Baru sekarang koordinator di UMKM Uji Wilayah.').count()).resolves.toBe(1);
		const link = (await page.locator('code.link').textContent())!.trim();
		expect(link).toMatch(/\/atur-sandi\/\S+$/);
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		// the comparison is a card per community on a phone, not a table to scroll sideways; a new village has no program yet
		const compare = page.locator('table.compare');
		await expect(compare.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth)).resolves.toBeLessThanOrEqual(0);
		await expect(compare.locator('tr', { hasText: 'UMKM Uji Wilayah' }).innerText()).resolves.toContain('belum ada program');
		await page.screenshot({ path: '/tmp/admin-390.png', fullPage: true });
		const coordinator = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const cp = await coordinator.newPage();
		await cp.goto(link);
		await cp.getByLabel('Kata sandi baru (minimal 8 huruf/angka)').fill('koordinator-baru-77');
		await cp.getByLabel('Ulangi kata sandi').fill('koordinator-baru-77');
		await Promise.all([cp.waitForURL((u) => !u.pathname.startsWith('/atur-sandi')), cp.getByRole('button').filter({ hasText: /Simpan/ }).first().click()]);
		// the new password opens her group's workspace, not the public list of communities (stranger 2026-12-03)
		expect(new URL(cp.url()).pathname).toBe('/koordinator/uji-wilayah');
		expect((await cp.goto(`${app.baseUrl}/koordinator/uji-wilayah`))?.status()).toBe(200);
		// and nothing of the village that was there before
		expect((await cp.goto(`${app.baseUrl}/koordinator/cigadung`))?.status()).toBe(404);
		await coordinator.close();

		// 3. suspend a shop by pasting the link buyers see, with a reason its seller reads
		const reason = 'Foto produk diambil dari toko lain, mohon ganti dengan foto sendiri.';
		await page.locator('#address').fill(`${app.baseUrl}/c/cigadung/toko/ketempling-jj`);
		await page.locator('#reason').fill(reason);
		await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Tangguhkan' }).click()]);
		await expect(page.getByText('Sudah ditangguhkan.', { exact: false }).count()).resolves.toBe(1);
		await expect(page.getByText('Toko Ketempling JJ').count()).resolves.toBe(1);
		// the same link again: said so, nothing written twice
		await page.locator('#address').fill(`${app.baseUrl}/c/cigadung/toko/ketempling-jj`);
		await page.locator('#reason').fill('Alasan kedua yang tidak boleh menimpa.');
		await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Tangguhkan' }).click()]);
		await expect(page.getByText('sudah ditangguhkan sejak sebelumnya', { exact: false }).count()).resolves.toBeGreaterThan(0);
		expect((await fetch(`${app.baseUrl}/c/cigadung/toko/ketempling-jj`)).status).toBe(404);
		expect(await (await fetch(`${app.baseUrl}/c/cigadung?q=ketempling`)).text()).not.toContain('/toko/ketempling-jj');
		const seller = await signedIn('jj@cigadung.test', DEMO_PASSWORD);
		await seller.page.goto(`${app.baseUrl}/jual`);
		await expect(seller.page.getByRole('alert').filter({ hasText: reason }).count()).resolves.toBe(1);
		// nothing on her page leads buyers to the 404: no 'Bagikan ke WhatsApp', no link to the shop as buyers see it
		for (const name of ['Bagikan ke WhatsApp', 'Lihat toko saya seperti pembeli']) await expect(seller.page.getByRole('link', { name }).count(), name).resolves.toBe(0);

		// 4. restore: buyers find it again, the seller's notice is gone
		await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Pulihkan' }).click()]);
		await expect(page.getByText('Sudah dipulihkan.').count()).resolves.toBe(1);
		expect((await fetch(`${app.baseUrl}/c/cigadung/toko/ketempling-jj`)).status).toBe(200);
		await seller.page.goto(`${app.baseUrl}/jual`);
		await expect(seller.page.getByText(reason).count()).resolves.toBe(0);
		await expect(seller.page.getByRole('link', { name: 'Bagikan ke WhatsApp' }).count()).resolves.toBe(1);

		// 5. the audit log names each change, with the reason
		await page.goto(`${app.baseUrl}/admin/riwayat`);
		const log = (await page.locator('main').textContent()) ?? '';
		for (const expected of ['UMKM Uji Wilayah', 'Bu Koordinator Baru', 'Ketempling JJ', reason]) expect(log, expected).toContain(expected);
		// in words, not codes (stranger 2026-12-02)
		for (const words of ['Komunitas dibuat', 'Koordinator diangkat', 'Toko ditangguhkan', 'Toko dipulihkan', '(toko)']) expect(log, words).toContain(words);
		for (const code of ['shop.suspend', 'staff.appoint_coordinator', 'community.create', '(shop)']) expect(log, code).not.toContain(code);
		// what changed reads as fields, not JSON: 'Alasan penangguhan: — → <reason>'
		expect(log).toContain(`Alasan penangguhan: — → ${reason}`);
		expect(log).toContain('Status: aktif → disembunyikan');
		// which community each staff change was in (stranger 2026-12-03: 'Koordinator diangkat · Bu …' did not say where)
		expect(log).toMatch(/Koordinator diangkat · Bu Koordinator Baru \(akun\) · di UMKM Uji Wilayah/);
		expect(log).toMatch(/Berlaku sampai: \w+, \d+ \w+ \d{4} pukul \d\d\.\d\d WIB/);
		for (const raw of ['{"', 'suspendedReason', 'hidden', 'Z\n']) expect(log, raw).not.toContain(raw);
		const rows = (await page.locator('.audit-rows').textContent()) ?? '';
		expect(rows.split('Toko ditangguhkan').length - 1).toBe(1);
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		const csv = await ctx.request.get(`${app.baseUrl}/admin/riwayat.csv`);
		expect(csv.status()).toBe(200);
		expect(await csv.text()).toContain('shop.suspend');

		// 6. staff and sellers are not admins: 404, as for a page that does not exist
		for (const path of ['/admin', '/admin/riwayat', '/admin/riwayat.csv']) expect((await seller.ctx.request.get(`${app.baseUrl}${path}`)).status(), path).toBe(404);
		const staff = await signedIn('koordinator@cigadung.test', DEMO_PASSWORD);
		for (const path of ['/admin', '/admin/riwayat']) expect((await staff.ctx.request.get(`${app.baseUrl}${path}`)).status(), path).toBe(404);
		await Promise.all([staff.ctx.close(), seller.ctx.close(), ctx.close()]);
	}, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { PHONE_PHOTO } from './photos';

let app: RunningApp;
let browser: Browser;
let photoPath: string;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	// The committed real-size phone photo: 4000 × 3000, 5.8 MB, EXIF with GPS and orientation.
	photoPath = PHONE_PHOTO;
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function login(page: Page, login: string) {
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await page.getByRole('button', { name: 'Masuk' }).click();
}

describe('a coordinator adds a seller who sets up a shop alone on a phone', () => {
	it('should go from a new member to a published product found in the catalog', async () => {
		const coord = await browser.newContext(PHONE);
		const page = await coord.newPage();
		await login(page, 'koordinator@cigadung.test');
		await page.waitForURL(/\/koordinator\/cigadung$/);
		await page.getByLabel('Nama', { exact: true }).fill('Bu Ratna');
		await page.getByLabel('Jenis usaha').fill('Penjual keripik pisang');
		await page.getByLabel('Nomor WhatsApp').fill('0813 5555 1212');
		await page.getByRole('button', { name: 'Tambah dan buat tautan' }).click();
		const link = (await page.locator('code.link').textContent())!.trim();
		expect(link).toMatch(/\/atur-sandi\/[A-Za-z0-9_-]{43}$/);
		await expect(page.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href')).resolves.toMatch(/^https:\/\/wa\.me\/6281355551212\?text=/);
		await page.screenshot({ path: join(app.dataDir, '..', 'e2e-coordinator.png'), fullPage: true });
		await coord.close();

		const phone = await browser.newContext(PHONE);
		const seller = await phone.newPage();
		await seller.goto(link);
		await expect(seller.getByText('Halo Bu Ratna!').waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
		await seller.getByLabel('Kata sandi baru (minimal 8 huruf/angka)').fill('pisang-manis-1');
		await seller.getByLabel('Ulangi kata sandi').fill('pisang-beda-2');
		await seller.getByRole('button', { name: 'Simpan dan mulai' }).click();
		await expect(seller.getByText('Kedua kata sandi belum sama.').first().waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
		await seller.getByLabel('Kata sandi baru (minimal 8 huruf/angka)').fill('pisang-manis-1');
		await seller.getByLabel('Ulangi kata sandi').fill('pisang-manis-1');
		await seller.getByRole('button', { name: 'Simpan dan mulai' }).click();

		await seller.waitForURL(/\/jual\/mulai\/nama$/);
		await expect(seller.getByText('Langkah 1 dari 8').waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
		await seller.getByLabel('Nama toko').fill('Keripik Pisang Bu Ratna');
		await seller.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await seller.waitForURL(/\/jual\/mulai\/whatsapp$/);
		await seller.getByLabel('Nomor WhatsApp').fill('0813-55');
		await seller.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await expect(seller.getByText('Nomor WhatsApp belum benar').first().waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
		await seller.getByLabel('Nomor WhatsApp').fill('0813 5555 1212');
		await seller.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await seller.waitForURL(/\/jual\/mulai\/logo$/);
		await seller.getByLabel('Pilih foto').setInputFiles(photoPath);
		// With JavaScript on, the browser shrinks the 12 MP photo before sending it.
		await seller.waitForFunction(() => document.querySelector('input[type=file]')?.getAttribute('data-downscaled'));
		const shrunk = Number(await seller.locator('input[type=file]').getAttribute('data-downscaled'));
		expect(shrunk).toBeLessThan(1_500_000);
		await seller.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await seller.waitForURL(/\/jual\/mulai\/cerita$/);
		await seller.getByLabel('Cerita toko').fill('Keripik pisang tanduk dari kebun sendiri, digoreng tiap pagi.');
		await seller.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await seller.waitForURL(/\/jual\/mulai\/lokasi$/);
		await seller.getByLabel('RW / RT').fill('RW 04');
		await seller.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await seller.waitForURL(/\/jual\/mulai\/pengiriman$/);
		await seller.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await seller.waitForURL(/\/jual\/mulai\/pembayaran$/);
		// her password was set through the coordinator's link minutes ago: bank and QRIS wait (shown, not fillable, with
		// the date they open), instead of a form that is refused after she typed it (stranger 2026-12-02); COD goes on
		expect(await seller.getByRole('checkbox', { name: 'Transfer bank' }).isDisabled()).toBe(true);
		expect(await seller.getByLabel('Nomor rekening').isDisabled()).toBe(true);
		expect(await seller.getByText(/Demi keamanan, nomor WhatsApp, rekening bank, dan QRIS toko baru bisa diubah lagi mulai .* WIB\. Bayar di tempat \(COD\) tetap bisa dipilih sekarang\./).count()).toBe(1);
		await seller.getByRole('button', { name: 'Simpan dan lanjut' }).click();

		// the last step is the guided first product; this seller has a description ready and takes the full form
		await seller.waitForURL(/\/jual\/produk-pertama$/);
		await seller.getByRole('link', { name: 'Isi formulir produk lengkap' }).click();
		await seller.waitForURL(/\/jual\/produk\/baru\?mulai=1$/);
		await seller.getByLabel('Nama produk').fill('Keripik Pisang Cokelat 200 g');
		await seller.getByLabel('Harga (Rp)').fill('15.000');
		await seller.getByLabel('Berat (gram)').fill('220');
		await seller.getByText('Bantu tulis deskripsi').click();
		await seller.getByLabel('Rasanya seperti apa?').fill('manis legit dengan cokelat lumer');
		await seller.getByLabel('Bahannya apa saja?').fill('pisang tanduk, cokelat, minyak kelapa');
		await seller.getByRole('button', { name: 'Susun deskripsi' }).click();
		await expect(seller.getByLabel('Deskripsi').inputValue()).resolves.toContain('Keripik Pisang Cokelat 200 g dengan rasa manis legit');
		await expect(seller.getByLabel('Harga (Rp)').inputValue()).resolves.toBe('15.000');
		await seller.getByRole('button', { name: 'Simpan', exact: true }).click();
		await seller.waitForURL(/\/jual\/produk\/prod_[0-9a-z]+\?baru=1$/);
		await seller.getByLabel('Tambah foto').setInputFiles(photoPath);
		await seller.waitForFunction(() => document.querySelector('input[type=file]')?.getAttribute('data-downscaled'));
		await seller.getByRole('button', { name: 'Unggah foto' }).click();
		await expect(seller.getByText('Foto sampul', { exact: true }).waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
		await seller.screenshot({ path: join(app.dataDir, '..', 'e2e-editor.png'), fullPage: false });
		await phone.close();

		const buyer = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const b = await buyer.newPage();
		await b.goto(`${app.baseUrl}/c/cigadung?q=pisang`);
		await expect(b.getByRole('link', { name: /Keripik Pisang Cokelat 200 g/ }).waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
		await expect(b.locator('.card img').first().getAttribute('src')).resolves.toMatch(/\/media\/p\/.+-thumb\.webp$/);
		await buyer.close();
	});

	it('should upload a photo with JavaScript disabled and keep another seller out', async () => {
		const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await ctx.newPage();
		await login(page, 'jj@cigadung.test');
		await page.waitForURL(/\/jual$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ketempling JJ');
		await page.getByRole('link', { name: 'Ketempling Pedas 250 g' }).click();
		const editorUrl = page.url();
		await page.getByLabel('Tambah foto').setInputFiles(photoPath);
		await page.getByRole('button', { name: 'Unggah foto' }).click();
		await expect(page.getByRole('heading', { name: /Foto produk \(2 dari 9\)/ }).waitFor({ timeout: 15_000 }).then(() => true)).resolves.toBe(true);
		await ctx.close();

		const other = await browser.newContext(PHONE);
		const mt = await other.newPage();
		await login(mt, 'mt@cigadung.test');
		await mt.waitForURL(/\/jual$/);
		const res = await mt.goto(editorUrl.split('?')[0]);
		expect(res?.status()).toBe(404);
		await other.close();
	});

	it('should refuse a form posted from another site (CSRF)', async () => {
		const res = await fetch(`${app.baseUrl}/masuk`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
			body: 'login=jj%40cigadung.test&password=demo-cigadung-2024'
		});
		expect(res.status).toBe(403);
		expect(res.headers.get('set-cookie')).toBeNull();
	});

	it('should set the session cookie HttpOnly and SameSite=Lax', async () => {
		const res = await fetch(`${app.baseUrl}/masuk`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.baseUrl, accept: 'text/html' },
			body: 'login=jj%40cigadung.test&password=demo-cigadung-2024'
		});
		expect(res.status).toBe(303);
		const cookie = res.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^ecrav_session=[A-Za-z0-9_-]{43};/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		// The known-browser proof (login lock-out, issue 8): HttpOnly, only sent back to the sign-in form.
		const device = res.headers.getSetCookie().find((c) => c.startsWith('ecrav_device='));
		expect(device).toMatch(/^ecrav_device=usr_\w+\.\d+\.[\w-]+;/);
		expect(device).toMatch(/Path=\/masuk/);
		expect(device).toMatch(/HttpOnly/i);
		expect(device).toMatch(/SameSite=Lax/i);
	});
});

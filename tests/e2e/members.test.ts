import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './a11y';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function login(page: Page, login: string) {
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill(login);
	await page.getByLabel('Kata sandi').fill('demo-cigadung-2024');
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
}

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') });

describe('the coordinator works the roster on a 390 × 844 phone', () => {
	it('should show every demo shop as a card that fits, invite an owner, import a bad then a good file, nudge and log mentoring', async () => {
		const ctx = await browser.newContext(PHONE);
		const page = await ctx.newPage();
		await login(page, 'koordinator@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);

		// every one of the 26 demo shops, not only the 2 with accounts
		await expect(page.getByRole('heading', { name: 'Semua anggota (26)' }).count()).resolves.toBe(1);
		const cards = page.locator('.member-card');
		await expect(cards.count()).resolves.toBe(26);
		// the real checklist, as the seller sees it
		const jj = cards.filter({ has: page.getByRole('heading', { name: 'JJ', exact: true }) });
		await expect(jj.getByText('Sudah punya akun').count()).resolves.toBe(1);
		await expect(jj.getByText(/^Profil toko (\d dari 8 — kurang: [a-z].*|lengkap \(8 dari 8\)) · \d+ produk tayang$/).count()).resolves.toBe(1);
		// no button cut off at 390 px, big tap targets
		for (const button of await page.locator('.member-card .btn').all()) {
			const box = (await button.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
			expect(box.height).toBeGreaterThanOrEqual(44);
		}
		await expectNoHorizontalOverflow(page, 'roster at 390');
		await page.screenshot({ path: '/tmp/members-roster-390.png', fullPage: false });

		// invite the owner of a shop that has no account: the account and a one-time link appear
		const donat = cards.filter({ has: page.getByRole('link', { name: 'Donat N' }) });
		await expect(donat.getByText('Belum diundang').count()).resolves.toBe(1);
		await donat.getByRole('button', { name: 'Undang pemilik' }).click();
		await page.waitForLoadState('load');
		const link = (await page.locator('code.link').textContent())!.trim();
		expect(link).toMatch(/\/atur-sandi\/[A-Za-z0-9_-]{43}$/);
		await expect(page.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href')).resolves.toMatch(/^https:\/\/wa\.me\/62812000000\d\d\?text=/);
		await expect(page.locator('.member-card').filter({ has: page.getByRole('link', { name: 'Donat N' }) }).getByText('Diundang, belum membuat kata sandi').count()).resolves.toBe(1);
		// the invited owner can now be picked for a QR card with a big tick box
		const pick = page.locator('.member-card').filter({ has: page.getByRole('link', { name: 'Donat N' }) }).locator('label.pick');
		const pickBox = (await pick.boundingBox())!;
		expect(pickBox.height).toBeGreaterThanOrEqual(44);
		await pick.click();
		await expect(pick.locator('input').isChecked()).resolves.toBe(true);

		// import: a bad file is refused row by row, nothing imported
		await page.goto(`${app.baseUrl}/koordinator/cigadung/impor`);
		await page.getByLabel('Pilih file').setInputFiles(csvFile('anggota.csv', 'nama;whatsapp;usaha\n;0812 6000 0001;Penjual kue\nBu Lapis;0812-abc;Penjual kue\nBu Kopi;0812 6000 0003;Penjual kopi\nBu Teh;0812 6000 0003;Penjual teh\n'));
		await page.getByRole('button', { name: 'Periksa dan impor' }).click();
		await page.waitForLoadState('load');
		await expect(page.getByText('Belum ada yang diimpor. Perbaiki 3 masalah di bawah, lalu unggah lagi.').count()).resolves.toBe(1);
		const problems = await page.locator('table tbody tr').allTextContents();
		expect(problems).toEqual([expect.stringMatching(/^2nama.*Nama kosong/), expect.stringMatching(/^3whatsapp.*0812-abc/), expect.stringMatching(/^5whatsapp.*baris 4/)]);
		await expectNoHorizontalOverflow(page, 'import report at 390');
		await page.screenshot({ path: '/tmp/members-import-bad-390.png', fullPage: true });

		// then the good file
		await page.getByLabel('Pilih file').setInputFiles(csvFile('anggota.csv', 'nama;whatsapp;usaha;rw;omzet_tahunan\nBu Lapis;0812 6000 0002;Penjual kue lapis;4;Rp 24.000.000\nBu Kopi;0812 6000 0003;Penjual kopi;5;\n'));
		await page.getByRole('button', { name: 'Periksa dan impor' }).click();
		await page.waitForLoadState('load');
		await expect(page.getByText('Selesai: 2 anggota baru, 0 diperbarui, 0 sudah terdaftar tanpa perubahan.').count()).resolves.toBe(1);
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);
		await expect(page.getByRole('heading', { name: 'Semua anggota (28)' }).count()).resolves.toBe(1);
		// the shop line keeps a space on both sides of '·' (Svelte trims the start of an {#if} block)
		const lapisCard = page.locator('.member-card').filter({ has: page.getByRole('heading', { name: 'Bu Lapis', exact: true }) });
		await expect(lapisCard.locator('p.small').first().innerText()).resolves.toMatch(/^\S.*\S · RW 0*4$/);

		// the funnel says how first_visitor is counted and offers a kind WhatsApp nudge
		await page.goto(`${app.baseUrl}/koordinator/cigadung/adopsi`);
		await expect(page.getByText('hari pertama toko dikunjungi pembeli').count()).resolves.toBe(1);
		const nudge = await page.getByRole('link', { name: 'Kirim pesan WhatsApp' }).first().getAttribute('href');
		expect(decodeURIComponent(nudge!)).toMatch(/^https:\/\/wa\.me\/628\d+\?text=Halo /);
		await expectNoAxeViolations(page, 'funnel');

		// mentoring: a visit with a follow-up today shows on the facilitator's due list
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);
		await page.locator('.member-card').filter({ has: page.getByRole('heading', { name: 'Bu Lapis', exact: true }) }).getByRole('link', { name: 'Profil' }).click();
		await page.waitForLoadState('load');
		await page.getByLabel('Topik').fill('Foto produk kue lapis');
		await page.getByLabel('Langkah yang disepakati').fill('Foto ulang di dekat jendela');
		const today = await page.getByLabel('Tanggal', { exact: true }).inputValue();
		await page.getByLabel('Tanggal tindak lanjut (boleh kosong)').fill(today);
		await page.getByRole('button', { name: 'Simpan catatan' }).click();
		await page.waitForLoadState('load');
		await expect(page.getByText('Catatan tersimpan.').count()).resolves.toBe(1);
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pendampingan`);
		await expect(page.getByText('Foto produk kue lapis').count()).resolves.toBe(1);
		await page.getByRole('button', { name: 'Tandai selesai' }).click();
		await page.waitForLoadState('load');
		await expect(page.getByText('Tidak ada tindak lanjut yang jatuh tempo minggu ini.').count()).resolves.toBe(1);
		await ctx.close();

		// a seller never reaches the roster or anyone's mentoring notes
		const sellerCtx = await browser.newContext(PHONE);
		const seller = await sellerCtx.newPage();
		await login(seller, 'jj@cigadung.test');
		for (const path of ['/koordinator/cigadung', '/koordinator/cigadung/pendampingan', '/koordinator/cigadung/ekspor/anggota.csv']) {
			const res = await seller.goto(`${app.baseUrl}${path}`);
			expect(res?.status(), path).toBe(404);
		}
		await sellerCtx.close();
	}, 180_000);
});

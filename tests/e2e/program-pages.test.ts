import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { DEMO_PASSWORD } from './pages';

let app: RunningApp;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let programUrl = '';

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	// The facilitator's phone with JavaScript off: every step must work as plain links and form posts.
	ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
	page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk?kembali=/koordinator/cigadung`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill('pendamping@cigadung.test');
	await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL((u) => u.pathname === '/koordinator/cigadung'), page.getByRole('button', { name: 'Masuk' }).click()]);
}, 180_000);
afterAll(async () => {
	await ctx?.close();
	await browser?.close();
	await app?.stop();
});

describe('program workspace at 390×844 with JavaScript off', () => {
	it('should open the demo program from the roster and show its seven stages', async () => {
		await page.getByRole('link', { name: 'Program pemberdayaan' }).click();
		await page.getByRole('link', { name: /E-Commerce Creative \(E-Crav\)/ }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('E-Commerce Creative (E-Crav)');
		const stages = page.getByRole('list').filter({ hasText: 'Persiapan sosial' }).getByRole('listitem');
		expect(await stages.count()).toBe(7);
		expect(await page.getByText('Kelompok UMKM Kharisma (TKM UMKM Kharisma)').isVisible()).toBe(true);
		programUrl = page.url();
	});

	it('should edit a stage and keep what was typed when a date is wrong', async () => {
		await page.goto(programUrl);
		await page.getByRole('link', { name: /Evaluasi/ }).click();
		await page.getByLabel('Tanggal mulai').fill('2024-12-05');
		await page.getByLabel('Tanggal selesai').fill('2024-12-01');
		await page.getByLabel(/^Catatan/).fill('Evaluasi hasil: 12 UMKM sudah punya toko.');
		await page.getByRole('button', { name: 'Simpan tahap' }).click();
		expect(await page.getByRole('alert').textContent()).toContain('Ada isian yang belum benar');
		expect(await page.locator('.err').textContent()).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai.');
		expect(await page.getByLabel('Tanggal selesai').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByLabel(/^Catatan/).inputValue()).toBe('Evaluasi hasil: 12 UMKM sudah punya toko.');
		await page.getByLabel('Tanggal selesai').fill('2024-12-06');
		await page.getByLabel('Berjalan').check();
		await page.getByRole('button', { name: 'Simpan tahap' }).click();
		expect(await page.getByRole('status').textContent()).toContain('Tahap disimpan.');
		await page.getByRole('link', { name: 'E-Commerce Creative (E-Crav)' }).click();
		expect(await page.getByRole('link', { name: /Evaluasi/ }).textContent()).toContain('Berjalan');
	});

	it('should attach a photo and a PDF as evidence, served only through the program', async () => {
		await page.goto(programUrl);
		await page.getByRole('link', { name: /Intervensi/ }).click();
		const photo = await sharp({ create: { width: 900, height: 700, channels: 3, background: '#7c9a5e' } }).jpeg().toBuffer();
		await page.getByLabel('Keterangan').fill('Foto pelatihan di Gedung Serbaguna');
		await page.getByLabel('Foto atau PDF', { exact: true }).setInputFiles({ name: 'pelatihan.jpg', mimeType: 'image/jpeg', buffer: photo });
		await page.getByRole('button', { name: 'Unggah bukti' }).click();
		expect(await page.getByRole('status').textContent()).toContain('Bukti diunggah.');
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
		await page.getByLabel('Keterangan').fill('Surat undangan');
		await page.getByLabel('Foto atau PDF', { exact: true }).setInputFiles({ name: 'undangan.pdf', mimeType: 'application/pdf', buffer: pdf });
		await page.getByRole('button', { name: 'Unggah bukti' }).click();
		const links = page.getByRole('link', { name: /Foto pelatihan|Surat undangan/ });
		expect(await links.count()).toBe(2);
		const pdfHref = (await page.getByRole('link', { name: /Surat undangan/ }).getAttribute('href'))!;
		const res = await ctx.request.get(app.baseUrl + pdfHref);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-disposition']).toMatch(/^attachment/);
		expect(res.headers()['content-type']).toBe('application/pdf');
		expect((await fetch(app.baseUrl + pdfHref)).status).toBe(404);
	});

	it('should add an MPA item', async () => {
		await page.goto(programUrl);
		await page.getByRole('navigation', { name: 'Bagian program' }).getByRole('link', { name: 'Asesmen' }).click();
		const mpa = page.locator('form').filter({ has: page.getByRole('heading', { name: /Tambah ke MPA/ }) });
		await mpa.getByLabel('Jenis').selectOption({ label: 'Sumber' });
		await mpa.getByLabel('Isi').fill('Dinas Koperasi UKM Perdagangan dan Perindustrian Kabupaten Kuningan');
		await mpa.getByRole('button', { name: 'Tambah' }).click();
		expect(await page.getByRole('status').textContent()).toContain('Butir ditambahkan.');
		const resources = page.getByRole('list', { name: /Sumber/ });
		expect(await resources.textContent()).toContain('Dinas Koperasi UKM Perdagangan dan Perindustrian Kabupaten Kuningan');
	});

	it('should show the dashboard with accessible SVG charts and the numbers month by month', async () => {
		await page.goto(programUrl);
		await page.getByRole('navigation', { name: 'Bagian program' }).getByRole('link', { name: 'Dasbor' }).click();
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dasbor');
		const charts = page.getByRole('img', { name: /per bulan|Jumlah anggota|Produk tayang/ });
		expect(await charts.count()).toBe(4);
		expect(await page.locator('svg[role="img"] desc').first().textContent()).toMatch(/\d{4}: \d/);
		// One card per month of the program's period (the demo program runs October to December 2024): a table was too wide for 320 px
		const months = page.getByRole('list', { name: 'Angka di balik grafik' });
		expect(await months.getByRole('listitem').count()).toBe(3);
		expect(await months.textContent()).toMatch(/Okt[^]*Nov[^]*Des/);
		expect(await page.getByText('Anggota (pelaku UMKM) terdaftar').isVisible()).toBe(true);
		expect(await page.locator('.tile', { hasText: 'Anggota (pelaku UMKM) terdaftar' }).textContent()).toContain('26');
		expect(await page.locator('.tile', { hasText: 'Tingkat kehadiran pelatihan' }).textContent()).toContain('belum ada data');
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
	});
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoHorizontalOverflow } from './a11y';
import { ensureProgramAndMembers } from './program-fixture';

/**
 * Issue 9, the smaller items of the training and member pages, as the coordinator and a seller meet them on a
 * phone with JavaScript off: the roster card names what the shop profile lacks, a member not ticked present is not
 * offered a reaction/post-test link the server would refuse, the scores page gives one instruction and keeps shop
 * names whole at 320 px, a second reaction says it replaced the first, the due list reads "Topik: …".
 */
vi.setConfig({ testTimeout: 240_000 });

let app: RunningApp;
let browser: Browser;
let programId: string;
let coordToken: string;
/** The training of the second test (begun an hour ago, one reaction sent from a phone). */
let begun = '';

const call = async (method: string, path: string, token?: string, body?: unknown) => {
	const res = await fetch(app.baseUrl + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	({ programId } = ensureProgramAndMembers(app.dataDir));
	coordToken = (await call('POST', '/api/v1/auth/login', undefined, { login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' })).body.token;
}, 180_000);
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

async function phone(width: number, as: string): Promise<Page> {
	const context = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: false });
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	await login(page, as);
	return page;
}

/** Runs one statement on the app's SQLite file (the tests' way to set up what a page shows). */
function sql<T>(fn: (db: Database.Database) => T): T {
	const db = new Database(join(app.dataDir, 'ecrav.sqlite'));
	try {
		db.pragma('busy_timeout = 5000');
		return fn(db);
	} finally {
		db.close();
	}
}
const memberOf = (email: string) => sql((db) => db.prepare('select m.id, m.person_name as name, s.id as shopId from member m join shop s on s.id = m.shop_id join app_user u on u.id = s.owner_user_id where u.email = ?').get(email) as { id: string; name: string; shopId: string });

/** Words of an element's text that the browser drew on more than one line (broken in the middle; after a hyphen is fine). */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
	return page.locator(selector).evaluateAll((els) =>
		els.flatMap((el) => {
			const node = el.firstChild;
			if (!node || node.nodeType !== Node.TEXT_NODE) return [];
			const text = node as Text;
			return [...text.data.matchAll(/[^\s-]+/g)]
				.filter((w) => {
					const range = document.createRange();
					range.setStart(text, w.index!);
					range.setEnd(text, w.index! + w[0].length);
					const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
					return lines.size > 1;
				})
				.map((w) => w[0]);
		})
	);
}

describe('the roster card and the due list (coordinator, 390 px, JavaScript off)', () => {
	it('should say "Profil toko N dari 8 — kurang: …" naming what is missing, and write the due list as "Topik: … / Langkah yang disepakati: …"', async () => {
		const page = await phone(390, 'koordinator@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);
		const lines = await page.locator('.member-card p.small', { hasText: /^Profil toko/ }).allTextContents();
		expect(lines.length).toBe(26);
		let missingNamed = 0;
		for (const line of lines) {
			const [readiness] = line.split(' · ');
			const m = /^Profil toko (\d) dari 8 — kurang: (.+)$/.exec(readiness);
			if (!m) {
				expect(readiness).toBe('Profil toko lengkap (8 dari 8)');
				continue;
			}
			// the count and the names agree: 8 − what is missing
			const missing = m[2].split(', ');
			expect(Number(m[1])).toBe(8 - missing.length);
			for (const part of missing) expect(['nama toko', 'nomor WhatsApp', 'foto atau logo toko', 'cerita singkat toko', 'lokasi dan jam buka', 'cara pengiriman', 'cara pembayaran', 'produk pertama tampil di toko']).toContain(part);
			missingNamed++;
		}
		expect(missingNamed).toBeGreaterThan(0);
		expect(await page.getByText(/Toko siap: \d\/\d/).count()).toBe(0);
		await expectNoHorizontalOverflow(page, 'roster at 390');

		// a mentoring note with a follow-up today: the due list keeps the words apart
		const jj = memberOf('jj@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/anggota/${jj.id}`);
		await page.getByLabel('Topik').fill('foto');
		await page.getByLabel('Langkah yang disepakati').fill('Coba foto di dekat jendela');
		const today = await page.getByLabel('Tanggal', { exact: true }).inputValue();
		await page.getByLabel('Tanggal tindak lanjut (boleh kosong)').fill(today);
		await page.getByRole('button', { name: 'Simpan catatan' }).click();
		await page.waitForLoadState('load');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pendampingan`);
		const item = page.locator('ul.due li', { hasText: 'Coba foto di dekat jendela' });
		const texts = (await item.locator('p').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
		expect(texts).toContain('Topik: foto');
		expect(texts).toContain('Langkah yang disepakati: Coba foto di dekat jendela');
		expect((await item.textContent())!).not.toMatch(/\S—/);
		await expectNoHorizontalOverflow(page, 'due list at 390');
		await page.context().close();
	});
});

describe('a training that has begun (seller at 320 px, coordinator at 320 px, JavaScript off)', () => {
	it('should offer the reaction and post-test only once the member is ticked present, and say a second reaction replaced the first', async () => {
		const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
		const created = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'Pelatihan Foto dan Harga', startsAt: hourAgo, venue: 'Balai Kelurahan Cigadung' });
		expect(created.status).toBe(201);
		const id = created.body.id as string;
		begun = id;
		const jj = memberOf('jj@cigadung.test');

		const page = await phone(320, 'jj@cigadung.test');
		await page.goto(`${app.baseUrl}/jual/pelatihan`);
		const card = page.locator('section', { has: page.getByRole('heading', { name: 'Pelatihan Foto dan Harga' }) });
		// not ticked present: no link the server would refuse, but how to get ticked
		expect(await card.getByRole('link', { name: /Pendapat/ }).count()).toBe(0);
		expect(await card.getByRole('link', { name: /Tes akhir/ }).count()).toBe(0);
		const text = (await card.textContent())!;
		expect(text).toContain('Pendapat bisa diisi setelah Anda tercatat hadir (pindai kode QR di tempat pelatihan, atau minta pendamping menandai Anda hadir).');
		expect(text).toContain('Tes akhir bisa diisi setelah Anda tercatat hadir');
		await expectNoHorizontalOverflow(page, 'my trainings at 320');
		// the page itself, opened from an old link, says the same and has no form
		await page.goto(`${app.baseUrl}/jual/pelatihan/${id}/pendapat`);
		expect(await page.getByRole('status').textContent()).toContain('Pendapat bisa diisi setelah Anda tercatat hadir');
		expect(await page.getByRole('button', { name: 'Kirim', exact: true }).count()).toBe(0);

		// ticked present by the facilitator: both links appear
		const tick = { id: `e2e-small-${Date.now()}`, memberId: jj.id, present: true, at: new Date().toISOString() };
		expect((await call('POST', `/api/v1/trainings/${id}/attendance`, coordToken, { events: [tick] })).status).toBe(200);
		await page.goto(`${app.baseUrl}/jual/pelatihan`);
		expect(await card.getByRole('link', { name: /Tes akhir/ }).count()).toBe(1);
		await Promise.all([page.waitForURL(/\/pendapat$/), card.getByRole('link', { name: /Pendapat Anda/ }).click()]);
		await page.getByRole('group', { name: '1. Seberapa puas Anda dengan pelatihan ini?' }).getByLabel('5 · Sangat baik').check();
		await page.getByRole('group', { name: '2. Seberapa berguna pelatihan ini untuk usaha Anda?' }).getByLabel('4 · Baik').check();
		await page.getByRole('group', { name: 'Sebelum pelatihan' }).getByLabel('2 · Kurang').check();
		await page.getByRole('group', { name: 'Sekarang' }).getByLabel('4 · Baik').check();
		await Promise.all([page.waitForURL(/tersimpan/), page.getByRole('button', { name: 'Kirim', exact: true }).click()]);
		expect(await page.getByRole('status').textContent()).toBe('Terima kasih, pendapat Anda tersimpan.');
		// the answer given is shown back
		expect(await page.getByRole('heading', { name: /^Jawaban Anda \(/ }).count()).toBe(1);
		expect(await page.locator('dl.yours dd').first().textContent()).toBe('5 · Sangat baik');

		// changing it: the earlier answer is filled in, the page says sending replaces it, and afterwards that it did
		await Promise.all([page.waitForURL(/ubah/), page.getByRole('link', { name: 'Ubah jawaban' }).click()]);
		expect(await page.getByText(/^Anda sudah menjawab pada .+; jawaban itu sudah terisi di bawah\. Mengirim lagi akan mengganti jawaban sebelumnya\.$/).count()).toBe(1);
		const satisfaction = page.getByRole('group', { name: '1. Seberapa puas Anda dengan pelatihan ini?' });
		expect(await satisfaction.getByLabel('5 · Sangat baik').isChecked()).toBe(true);
		expect(await page.getByRole('group', { name: 'Sebelum pelatihan' }).getByLabel('2 · Kurang').isChecked()).toBe(true);
		await satisfaction.getByLabel('3 · Cukup').check();
		await expectNoHorizontalOverflow(page, 'reaction again at 320');
		await Promise.all([page.waitForURL(/tersimpan=diganti/), page.getByRole('button', { name: 'Kirim', exact: true }).click()]);
		expect(await page.getByRole('status').textContent()).toBe('Jawaban Anda sebelumnya diganti dengan jawaban ini. Terima kasih.');
		expect(await page.locator('dl.yours dd').first().textContent()).toBe('3 · Cukup');
		const results = await call('GET', `/api/v1/trainings/${id}/results`, coordToken);
		expect(results.body.reaction).toMatchObject({ n: 1, satisfaction: 3, usefulness: 4 });
		await page.context().close();

		// the facilitator's scores page at 320 px: one instruction, shop names wrapped between words
		sql((db) => db.prepare('update shop set name = ? where id = ?').run('Keripik Singkong Balado Sumarni Cigadung', jj.shopId));
		const staff = await phone(320, 'pendamping@cigadung.test');
		await staff.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${id}/nilai`);
		const steps = (await staff.locator('section.how ol li').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
		expect(steps).toEqual([
			'Tandai dulu siapa yang hadir di Daftar hadir: nilai hanya bisa diisi untuk anggota yang tercatat hadir. Daftar hadir',
			'Ketik nilai 0–100 dari tes kertas. Biarkan kosong bila anggota tidak ikut tes itu.',
			'Nilai bertanda "Dijawab di HP" dikirim anggota sendiri dari HP-nya: tidak perlu diketik lagi.',
			'Nilai anggota bertanda "Belum hadir" (misalnya tes awal yang dijawab di HP sebelum pelatihan) tetap tampil, tetapi baru dihitung dalam gain kelompok setelah anggota itu ditandai hadir.'
		]);
		expect(await staff.getByText('kosongkan bila tidak ikut').count()).toBe(0);
		expect(await staff.getByText('Keripik Singkong Balado Sumarni Cigadung', { exact: true }).count()).toBe(1);
		expect(await brokenWords(staff, '.scores th .who .small')).toEqual([]);
		expect(await brokenWords(staff, '.scores th .who strong')).toEqual([]);
		await expectNoHorizontalOverflow(staff, 'scores at 320');
		await staff.screenshot({ path: '/tmp/training-small-scores-320.png', fullPage: true });
		await staff.context().close();
	});
});

describe('moving a training after members answered (coordinator, 390 px, JavaScript off)', () => {
	it('should say beside the date how far the start can move, and refuse a later start with the reason, keeping what was typed', async () => {
		expect(begun).not.toBe('');
		const page = await phone(390, 'koordinator@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${begun}`);
		const hint = await page.locator('#startsAt-answers').textContent();
		expect(hint).toMatch(/^Sudah ada 1 jawaban tes atau pendapat dari HP anggota, jadi jam mulai hanya bisa dipindah mulai .+ pukul 00\.00 WIB dan paling lambat .+ pukul \d\d\.\d\d WIB\.$/);
		const before = sql((db) => db.prepare('select starts_at, venue from training where id = ?').get(begun));
		// tomorrow, and a new venue typed in the same form
		const tomorrow = new Date(Date.now() + 7 * 3_600_000 + 24 * 3_600_000).toISOString().slice(0, 16);
		await page.getByLabel('Tanggal dan jam mulai (WIB)').fill(tomorrow);
		await page.getByLabel('Tempat', { exact: true }).fill('Aula Kecamatan Cigugur');
		await page.getByRole('button', { name: 'Simpan', exact: true }).first().click();
		await page.waitForLoadState('load');
		expect(await page.locator('main').textContent()).toContain('Jam mulai tidak diubah, dan tidak ada yang disimpan: sudah ada 1 jawaban yang dikirim anggota dari HP untuk jadwal yang lama.');
		expect(await page.locator('.field', { has: page.locator('#startsAt') }).locator('.err').textContent()).toMatch(/^Tes akhir atau pendapat pertama dikirim .+ WIB, dan itu harus sesudah pelatihan dimulai\. Pilih jam mulai paling lambat .+ WIB\.$/);
		expect(await page.getByLabel('Tempat', { exact: true }).inputValue()).toBe('Aula Kecamatan Cigugur');
		expect(await page.getByLabel('Tanggal dan jam mulai (WIB)').inputValue()).toBe(tomorrow);
		expect(sql((db) => db.prepare('select starts_at, venue from training where id = ?').get(begun))).toEqual(before);
		await expectNoHorizontalOverflow(page, 'training refused move at 390');
		await page.screenshot({ path: '/tmp/training-small-move-390.png', fullPage: true });
		await page.context().close();
	});
});

describe('a training that does not exist (390 px, JavaScript off)', () => {
	it('should say "Pelatihan tidak ditemukan" with a way back to the trainings, never "produknya sudah tidak dijual"', async () => {
		const staff = await phone(390, 'pendamping@cigadung.test');
		for (const path of ['/koordinator/cigadung/pelatihan/trn_tidakada', '/koordinator/cigadung/pelatihan/trn_tidakada/nilai', '/koordinator/cigadung/pelatihan/trn_tidakada/hadir']) {
			const res = await staff.goto(`${app.baseUrl}${path}`);
			expect(res?.status(), path).toBe(404);
			expect(await staff.getByRole('heading', { level: 1 }).textContent(), path).toBe('Pelatihan tidak ditemukan');
			expect(await staff.locator('main').textContent(), path).toContain('Mungkin tautannya salah ketik, atau pelatihan itu milik kelompok lain.');
			expect(await staff.locator('main').textContent(), path).not.toContain('dijual');
			expect(await staff.getByRole('link', { name: 'Lihat daftar pelatihan' }).getAttribute('href')).toBe('/koordinator/cigadung/pelatihan');
		}
		await expectNoHorizontalOverflow(staff, 'training 404 at 390');
		// another page of the coordinator's own area does not talk about products either
		expect((await staff.goto(`${app.baseUrl}/koordinator/cigadung/anggota/mbr_tidakada`))?.status()).toBe(404);
		expect(await staff.locator('main').textContent()).not.toContain('dijual');
		await staff.context().close();

		const seller = await phone(390, 'jj@cigadung.test');
		for (const path of ['/jual/pelatihan/trn_tidakada/pendapat', '/jual/pelatihan/trn_tidakada/tes/pre']) {
			expect((await seller.goto(`${app.baseUrl}${path}`))?.status(), path).toBe(404);
			expect(await seller.getByRole('heading', { level: 1 }).textContent(), path).toBe('Pelatihan tidak ditemukan');
			expect(await seller.locator('main').textContent(), path).toContain('Mungkin tautannya salah ketik, atau Anda tidak diundang ke pelatihan itu.');
			expect(await seller.getByRole('link', { name: 'Lihat pelatihan saya' }).getAttribute('href')).toBe('/jual/pelatihan');
		}
		await seller.context().close();
	});
});

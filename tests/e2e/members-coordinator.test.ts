import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoHorizontalOverflow } from './a11y';
import { DEMO_PASSWORD } from './pages';

/**
 * The coordinator's pages at 390 × 844 with JavaScript off (a village phone): the adoption funnel offers the
 * invite to members who cannot log in yet, and the scores page tells members known by one initial apart.
 */
let app: RunningApp;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let token = '';

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
	page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/masuk`);
	await page.getByLabel('E-mail atau nomor WhatsApp').fill('koordinator@cigadung.test');
	await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
	const login = await (await fetch(`${app.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'koordinator@cigadung.test', password: DEMO_PASSWORD }) })).json();
	token = login.token;
}, 180_000);
afterAll(async () => {
	await ctx?.close();
	await browser?.close();
	await app?.stop();
});

const api = (path: string, init: RequestInit = {}) => fetch(`${app.baseUrl}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

describe('adoption funnel: members without an account', () => {
	it('should say "Belum punya akun" and offer the invite instead of a WhatsApp nudge to /jual', async () => {
		await page.goto(`${app.baseUrl}/koordinator/cigadung/adopsi`);
		const items = page.locator('ul.stuck > li');
		const total = await items.count();
		expect(total).toBe(26);
		const without = items.filter({ hasText: 'Belum punya akun' });
		const withoutCount = await without.count();
		// the demo has two sellers with a login (JJ and MT); the other 24 cannot open /jual yet
		expect(withoutCount).toBe(24);
		for (const li of await without.all()) {
			expect(await li.locator('a.wa').count()).toBe(0);
			expect(await li.getByRole('button', { name: /^Undang pemilik/ }).count()).toBe(1);
		}
		// whoever gets a nudge can log in: no nudge sends a member without an account to /jual
		const nudges = await page.locator('a.wa').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).href)));
		expect(nudges.length).toBe(total - withoutCount);
		for (const li of await items.filter({ hasNotText: 'Belum punya akun' }).all()) expect(await li.locator('a.wa').count()).toBe(1);
	});

	it('should make the setup link with the roster\'s invite flow and show it with a WhatsApp send', async () => {
		await page.goto(`${app.baseUrl}/koordinator/cigadung/adopsi`);
		const donat = page.locator('ul.stuck > li').filter({ hasText: 'Donat N' });
		await donat.getByRole('button', { name: /^Undang pemilik/ }).click();
		await page.waitForLoadState('load');
		expect(new URL(page.url()).pathname).toBe('/koordinator/cigadung');
		expect((await page.locator('code.link').textContent())!.trim()).toMatch(/\/atur-sandi\/[A-Za-z0-9_-]{43}$/);
		expect(await page.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href')).toMatch(/^https:\/\/wa\.me\/62\d+\?text=/);
		// invited now, still without a password: the funnel still offers the invite (a fresh link), not /jual
		await page.goto(`${app.baseUrl}/koordinator/cigadung/adopsi`);
		const again = page.locator('ul.stuck > li').filter({ hasText: 'Donat N' });
		expect(await again.getByText('Belum punya akun').count()).toBe(1);
		expect(await again.locator('a.wa').count()).toBe(0);
	});
});

describe('test scores page', () => {
	it('should name each member with their shop, so members known by the same initial can be told apart', async () => {
		const programs = await (await api('/api/v1/communities/cigadung/programs')).json();
		const res = await api(`/api/v1/programs/${programs.data[0].id}/trainings`, { method: 'POST', body: JSON.stringify({ title: 'Foto produk dengan HP', startsAt: new Date().toISOString(), venue: 'Aula Kelurahan Cigadung' }) });
		expect(res.status).toBe(201);
		const training = await res.json();
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${training.id}/nilai`);
		// name and shop (the "Belum hadir" tag beside them is not part of who it is)
		const rows = (await page.locator('table.scores tbody th[scope="row"]').evaluateAll((ths) => ths.map((th) => [...th.querySelectorAll('strong, .muted')].map((e) => e.textContent).join(' ')))).map((t) => t.replace(/\s+/g, ' ').trim());
		expect(rows.length).toBe(26);
		// the field report knows three sellers only as "U": each row still says who it is
		expect(rows.filter((r) => /^U /.test(r)).length).toBe(3);
		expect(new Set(rows).size).toBe(rows.length);
		expect(rows).toContain('MT Sambal MT');
		// the score fields are named the same way for a screen reader, and no phone number is shown
		expect(await page.getByLabel('Nilai Pre-test MT (Sambal MT)').count()).toBe(1);
		expect(await page.locator('table.scores').textContent()).not.toMatch(/08\d{2}|\+62|62\d{8}/);
	});
});

/** After a post the address is the page itself: no `?/action` to re-post on reload, and the page says what happened. */
async function postAndExpectBack(path: string, submit: () => Promise<unknown>, message: string) {
	await Promise.all([page.waitForURL((u) => u.searchParams.has('tersimpan') || u.hash !== ''), submit()]);
	const url = new URL(page.url());
	expect(url.pathname).toBe(path);
	expect(url.search).not.toContain('?/');
	expect(await page.getByRole('status').filter({ hasText: message }).count()).toBe(1);
}

describe('form posts on coordinator pages', () => {
	it('should answer with a 303 back to the page, keeping the message (stage, plan, assessment, training, scores)', async () => {
		const programs = await (await api('/api/v1/communities/cigadung/programs')).json();
		const base = `/koordinator/cigadung/program/${programs.data[0].id}`;

		await page.goto(`${app.baseUrl}${base}/tahap/evaluasi`);
		await postAndExpectBack(`${base}/tahap/evaluasi`, () => page.getByRole('button', { name: 'Simpan tahap' }).click(), 'Tahap disimpan.');
		// a failed save still shows what was typed, beside the field
		await page.getByLabel('Tanggal selesai').fill('2024-11-01');
		await page.getByRole('button', { name: 'Simpan tahap' }).click();
		await page.waitForLoadState('load');
		expect(await page.locator('.err').textContent()).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai.');
		expect(await page.getByLabel('Tanggal selesai').inputValue()).toBe('2024-11-01');

		await page.goto(`${app.baseUrl}${base}/rencana`);
		await postAndExpectBack(`${base}/rencana`, () => page.getByRole('button', { name: 'Simpan rencana' }).click(), 'Rencana disimpan.');

		await page.goto(`${app.baseUrl}${base}/asesmen`);
		const item = page.locator('ul.items details').first();
		await item.locator('summary').click();
		await postAndExpectBack(`${base}/asesmen`, () => item.getByRole('button', { name: 'Simpan', exact: true }).click(), 'Butir diubah.');

		const res = await api(`/api/v1/programs/${programs.data[0].id}/trainings`, { method: 'POST', body: JSON.stringify({ title: 'Kemasan dan label', startsAt: new Date().toISOString(), venue: 'Aula Kelurahan Cigadung' }) });
		const training = await res.json();
		const tbase = `/koordinator/cigadung/pelatihan/${training.id}`;
		await page.goto(`${app.baseUrl}${tbase}`);
		await postAndExpectBack(tbase, () => page.getByRole('button', { name: 'Simpan', exact: true }).click(), 'Perubahan tersimpan.');
		await postAndExpectBack(tbase, () => page.getByRole('button', { name: 'Simpan undangan' }).click(), 'Daftar undangan tersimpan.');

		await page.goto(`${app.baseUrl}${tbase}/nilai`);
		// scores are taken only for members marked present: MT came
		const mt = (await page.getByLabel('Nilai Pre-test MT (Sambal MT)').getAttribute('name'))!.slice('pre.'.length);
		expect((await api(`/api/v1/trainings/${training.id}/attendance`, { method: 'POST', body: JSON.stringify({ events: [{ id: `e2e-mt-${Date.now()}`, memberId: mt, present: true, at: new Date().toISOString() }] }) })).status).toBe(200);
		await page.goto(`${app.baseUrl}${tbase}/nilai`);
		await page.getByLabel('Nilai Pre-test MT (Sambal MT)').fill('40');
		await postAndExpectBack(`${tbase}/nilai`, () => page.getByRole('button', { name: 'Simpan nilai' }).click(), 'Nilai tersimpan.');
		expect(await page.getByLabel('Nilai Pre-test MT (Sambal MT)').inputValue()).toBe('40');
	});

	it('should show a new setup link once after the invite, then never again on reload', async () => {
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);
		const card = page.locator('.member-card').filter({ has: page.getByRole('link', { name: 'Cimol DS' }) });
		await Promise.all([page.waitForURL((u) => u.hash === '#newlink'), card.getByRole('button', { name: /^(Undang pemilik|Tautan baru)/ }).click()]);
		expect(new URL(page.url()).search).toBe('');
		expect((await page.locator('code.link').textContent())!.trim()).toMatch(/\/atur-sandi\/[A-Za-z0-9_-]{43}$/);
		await page.reload();
		expect(await page.locator('code.link').count()).toBe(0);
	});
});

describe('roster search', () => {
	it('should count in the heading the members the search shows', async () => {
		await page.goto(`${app.baseUrl}/koordinator/cigadung?q=ketempling`);
		const shown = await page.locator('.member-card').count();
		expect(shown).toBeGreaterThan(0);
		expect(shown).toBeLessThan(26);
		expect((await page.locator('h2#members').textContent())!.trim()).toBe(`Anggota ditemukan: ${shown} dari 26`);
		await page.goto(`${app.baseUrl}/koordinator/cigadung`);
		expect((await page.locator('h2#members').textContent())!.trim()).toMatch(/^Semua anggota \(\d+\)$/);
	});
});

describe('narrow phones', () => {
	it('should keep the import report\'s words whole at 390 px', async () => {
		await page.goto(`${app.baseUrl}/koordinator/cigadung/impor`);
		const bad = 'nama;whatsapp;usaha;saluran_sebelum\n;0812 6100 0001;Penjual kue;offline\nBu Lapis;0812-abc;Penjual kue;offline\nBu Kopi;0812 6100 0003;Penjual kopi;pasar\n';
		await page.getByLabel('Pilih file').setInputFiles({ name: 'anggota.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf-8') });
		await page.getByRole('button', { name: 'Periksa dan impor' }).click();
		await page.waitForLoadState('load');
		expect(await page.locator('table tbody tr').count()).toBe(3);
		// every word of every cell on one line: a range over a word that breaks has more than one box
		const broken = await page.locator('table').evaluate((table) => {
			const out: string[] = [];
			const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const text = n.textContent ?? '';
				for (const m of text.matchAll(/\S+/g)) {
					const r = document.createRange();
					r.setStart(n, m.index!);
					r.setEnd(n, m.index! + m[0].length);
					const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
					if (lines.size > 1) out.push(m[0]);
				}
			}
			return out;
		});
		expect(broken).toEqual([]);
		await expectNoHorizontalOverflow(page, 'import report at 390');
	});

	it('should wrap long names in headings at 320 px (program, training, attendance, scores)', async () => {
		const long = 'PemberdayaanEkonomiKreatifKelurahanCigadungKecamatanCibeunyingKaler2025';
		await page.goto(`${app.baseUrl}/koordinator/cigadung/program`);
		await page.getByLabel('Nama program').fill(long);
		await Promise.all([page.waitForURL(/\/program\/prg_/), page.getByRole('button', { name: 'Buat program' }).click()]);
		const programPath = new URL(page.url()).pathname;
		const programId = programPath.split('/').pop()!;
		const res = await api(`/api/v1/programs/${programId}/trainings`, { method: 'POST', body: JSON.stringify({ title: `Pelatihan ${long}`, startsAt: new Date().toISOString(), venue: 'Aula Kelurahan Cigadung' }) });
		const training = await res.json();
		const narrow = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 700 }, javaScriptEnabled: false, storageState: await ctx.storageState() });
		const p320 = await narrow.newPage();
		for (const path of [programPath, `${programPath}/rencana`, `${programPath}/tahap/asesmen`, `${programPath}/dasbor`, '/koordinator/cigadung/program', '/koordinator/cigadung/pelatihan', `/koordinator/cigadung/pelatihan/${training.id}`, `/koordinator/cigadung/pelatihan/${training.id}/hadir`, `/koordinator/cigadung/pelatihan/${training.id}/nilai`, `/koordinator/cigadung/pelatihan/${training.id}/qr`]) {
			const r = await p320.goto(`${app.baseUrl}${path}`);
			expect(r?.status(), path).toBe(200);
			await expectNoHorizontalOverflow(p320, `${path} at 320 with a long name`);
		}
		await narrow.close();
	});
});

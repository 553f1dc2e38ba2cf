import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectCleanMarkup, expectNoHorizontalOverflow } from './a11y';
import { ensureProgramAndMembers } from './program-fixture';

let app: RunningApp;
let browser: Browser;
let programId: string;
let coordToken: string;

const call = async (method: string, path: string, token?: string, body?: unknown) => {
	const res = await fetch(app.baseUrl + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	({ programId } = ensureProgramAndMembers(app.dataDir));
	coordToken = (await call('POST', '/api/v1/auth/login', undefined, { login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' })).body.token;
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

/** The community's question bank as stored (to know which choice is right), and each seller's member name. */
function readDemo() {
	const db = new Database(join(app.dataDir, 'ecrav.sqlite'), { readonly: true });
	try {
		const bank = db.prepare("select q.id, q.correct_index as correct, q.choices from test_question q join community c on c.id = q.community_id where c.slug = 'cigadung' and q.active = 1 order by q.position, q.id").all() as { id: string; correct: number; choices: string }[];
		const name = (email: string) => (db.prepare('select m.person_name as name from member m join shop s on s.id = m.shop_id join app_user u on u.id = s.owner_user_id where u.email = ?').get(email) as { name: string }).name;
		return { bank: bank.map((q) => ({ ...q, count: (JSON.parse(q.choices) as string[]).length })), jj: name('jj@cigadung.test'), mt: name('mt@cigadung.test') };
	} finally {
		db.close();
	}
}

/** The roster member of the shop this seller owns. */
function memberIdOf(email: string): string {
	const db = new Database(join(app.dataDir, 'ecrav.sqlite'), { readonly: true });
	try {
		return (db.prepare('select m.id from member m join shop s on s.id = m.shop_id join app_user u on u.id = s.owner_user_id where u.email = ?').get(email) as { id: string }).id;
	} finally {
		db.close();
	}
}

/** Moves the training's start (as if it was rescheduled): the tests' windows follow it. */
function startTrainingAt(trainingId: string, iso: string) {
	const db = new Database(join(app.dataDir, 'ecrav.sqlite'));
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare('update training set starts_at = ? where id = ?').run(iso, trainingId);
	} finally {
		db.close();
	}
}

/** Answers every question on the test page: `right(i)` says whether question i gets its correct choice. */
async function answer(page: Page, bank: ReturnType<typeof readDemo>['bank'], right: (i: number) => boolean) {
	for (const [i, q] of bank.entries()) {
		const choice = right(i) ? q.correct : (q.correct + 1) % q.count;
		await page.locator(`input[name="q_${q.id}"][value="${choice}"]`).check();
	}
	await Promise.all([page.waitForURL(/tersimpan/), page.getByRole('button', { name: 'Kirim jawaban' }).click()]);
}

describe('members answer the pre- and post-test on their own phone (no JavaScript)', () => {
	it('should let two members answer once each, refuse a second submit, and show the facilitator their scores and the gain', async () => {
		// tomorrow: the pre-test is open, the post-test and the reaction check not yet
		const tomorrow = new Date(Date.now() + 24 * 3_600_000).toISOString();
		const created = await call('POST', `/api/v1/programs/${programId}/trainings`, coordToken, { title: 'Jualan daring untuk UMKM', startsAt: tomorrow, venue: 'Balai Kelurahan Cigadung' });
		expect(created.status).toBe(201);
		const id = created.body.id as string;
		const scores: Record<string, { pre: number; post: number }> = {};
		let demo: ReturnType<typeof readDemo> | null = null;

		for (const [email, width, preRight, postRight] of [
			['jj@cigadung.test', 320, 4, 15],
			['mt@cigadung.test', 390, 8, 17]
		] as const) {
			const context = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: false });
			const page = await context.newPage();
			page.setDefaultTimeout(20_000);
			await login(page, email);
			// the seller home says there is something to answer
			await page.goto(`${app.baseUrl}/jual`);
			await Promise.all([page.waitForURL(/\/jual\/pelatihan$/), page.getByRole('link', { name: /Pelatihan saya \(\d+\)/ }).click()]);
			await expectNoHorizontalOverflow(page, `my trainings at ${width}`);
			const card = page.locator('section', { has: page.getByRole('heading', { name: 'Jualan daring untuk UMKM' }) });
			expect(await card.getByRole('link', { name: /Tes akhir/ }).count()).toBe(0);
			expect(await card.textContent()).toContain('Dibuka saat pelatihan dimulai');
			await Promise.all([page.waitForURL(/\/tes\/pre$/), card.getByRole('link', { name: /Tes awal/ }).click()]);
			demo ??= readDemo();
			const bank = demo.bank;
			expect(bank.length).toBeGreaterThanOrEqual(15);
			await expectNoHorizontalOverflow(page, `pre-test at ${width}`);
			await expectCleanMarkup(page, `pre-test at ${width}`);

			// sending with one answer missing says so beside the question and keeps the choices made
			for (const q of bank.slice(1)) await page.locator(`input[name="q_${q.id}"][value="${q.correct}"]`).check();
			await page.getByRole('button', { name: 'Kirim jawaban' }).click();
			await page.waitForLoadState('load');
			expect(await page.getByText('Masih ada 1 soal yang belum dijawab.').count()).toBe(1);
			expect(await page.locator(`#q_${bank[0].id}`).getByText('Pilih salah satu jawaban.').count()).toBe(1);
			expect(await page.locator(`input[name="q_${bank[1].id}"][value="${bank[1].correct}"]`).isChecked()).toBe(true);
			expect(new URL(page.url()).search).toBe('');

			await answer(page, bank, (i) => i < preRight);
			const pre = Math.round((100 * preRight) / bank.length);
			expect(await page.getByText(`Nilai Tes awal (sebelum pelatihan) Anda: ${pre} dari 100.`).count()).toBe(1);

			// a second submit of the same test (an old tab, a double tap) changes nothing
			const again = await page.request.post(`${app.baseUrl}/jual/pelatihan/${id}/tes/pre`, { form: Object.fromEntries(bank.map((q) => [`q_${q.id}`, String(q.correct)])), headers: { origin: app.baseUrl, accept: 'text/html' }, maxRedirects: 0 });
			expect(again.status()).toBe(409);
			expect(await again.text()).toContain('Tes ini sudah Anda kerjakan');

			// before the start the post-test page says when it opens, and a post sent anyway is refused (409)
			await page.goto(`${app.baseUrl}/jual/pelatihan/${id}/tes/post`);
			expect(await page.getByRole('status').textContent()).toContain('Dibuka saat pelatihan dimulai');
			expect(await page.getByRole('button', { name: 'Kirim jawaban' }).count()).toBe(0);
			const early = await page.request.post(`${app.baseUrl}/jual/pelatihan/${id}/tes/post`, { form: Object.fromEntries(bank.map((q) => [`q_${q.id}`, String(q.correct)])), headers: { origin: app.baseUrl, accept: 'text/html' }, maxRedirects: 0 });
			expect(early.status()).toBe(409);

			// the training has begun: the pre-test is closed, the post-test open — for members marked present
			startTrainingAt(id, new Date(Date.now() - 3_600_000).toISOString());
			await page.goto(`${app.baseUrl}/jual/pelatihan/${id}/tes/post`);
			expect(await page.getByRole('status').textContent()).toContain('Tes akhir bisa diisi setelah Anda tercatat hadir');
			expect(await page.getByRole('button', { name: 'Kirim jawaban' }).count()).toBe(0);
			const absent = await page.request.post(`${app.baseUrl}/jual/pelatihan/${id}/tes/post`, { form: Object.fromEntries(bank.map((q) => [`q_${q.id}`, String(q.correct)])), headers: { origin: app.baseUrl, accept: 'text/html' }, maxRedirects: 0 });
			expect(absent.status()).toBe(409);
			expect(await absent.text()).toContain('Tes akhir hanya untuk peserta yang hadir');
			const tick = { id: `e2e-hadir-${width}-${Date.now()}`, memberId: memberIdOf(email), present: true, at: new Date().toISOString() };
			expect((await call('POST', `/api/v1/trainings/${id}/attendance`, coordToken, { events: [tick] })).status).toBe(200);
			await page.goto(`${app.baseUrl}/jual/pelatihan/${id}/tes/post`);
			await answer(page, bank, (i) => i < postRight);
			const post = Math.round((100 * postRight) / bank.length);
			scores[email] = { pre, post };

			// the 3-question reaction check
			await page.goto(`${app.baseUrl}/jual/pelatihan`);
			await expect(page.getByText(`Selesai. Nilai Anda ${pre}.`).count()).resolves.toBe(1);
			await Promise.all([page.waitForURL(/\/pendapat$/), card.getByRole('link', { name: /Pendapat Anda/ }).click()]);
			await expectNoHorizontalOverflow(page, `reaction at ${width}`);
			await page.getByRole('group', { name: '1. Seberapa puas Anda dengan pelatihan ini?' }).getByLabel('5 · Sangat baik').check();
			await page.getByRole('group', { name: '2. Seberapa berguna pelatihan ini untuk usaha Anda?' }).getByLabel('4 · Baik').check();
			await page.getByRole('group', { name: 'Sebelum pelatihan' }).getByLabel('2 · Kurang').check();
			await page.getByRole('group', { name: 'Sekarang' }).getByLabel('4 · Baik').check();
			await Promise.all([page.waitForURL(/tersimpan/), page.getByRole('button', { name: 'Kirim', exact: true }).click()]);
			expect(await page.getByText('Terima kasih, pendapat Anda tersimpan.').count()).toBe(1);
			await context.close();
			startTrainingAt(id, tomorrow); // the next member's pre-test
		}

		// the facilitator sees who answered on their phone, their scores, and the group's gain
		const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await login(page, 'pendamping@cigadung.test');
		await page.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${id}/nilai`);
		for (const [email, name] of [['jj@cigadung.test', demo!.jj], ['mt@cigadung.test', demo!.mt]] as const) {
			const row = page.getByRole('row', { name: new RegExp(`^${name}`) });
			expect(await row.getByLabel(`Nilai Pre-test ${name}`).inputValue()).toBe(String(scores[email].pre));
			expect(await row.getByLabel(`Nilai Post-test ${name}`).inputValue()).toBe(String(scores[email].post));
			expect(await row.getByText('Dijawab di HP').count()).toBe(2);
		}
		const meanPre = (scores['jj@cigadung.test'].pre + scores['mt@cigadung.test'].pre) / 2;
		const meanPost = (scores['jj@cigadung.test'].post + scores['mt@cigadung.test'].post) / 2;
		const g = (meanPost - meanPre) / (100 - meanPre);
		const gain = await page.locator('#gain').textContent();
		expect(gain).toContain(`g = ${g.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
		expect(gain).toContain('dari 2 peserta');
		// saving the page unchanged keeps the answers as the members sent them
		await page.getByRole('button', { name: 'Simpan nilai' }).click();
		await page.waitForLoadState('load');
		expect(await page.getByText('Dijawab di HP', { exact: true }).count()).toBe(4);
		const results = await call('GET', `/api/v1/trainings/${id}/results`, coordToken);
		expect(results.body).toMatchObject({ n: 2, reaction: { n: 2, satisfaction: 5, usefulness: 4 } });
		expect(results.body.gain).toBeCloseTo(g, 5);
		await context.close();
	}, 300_000);
});

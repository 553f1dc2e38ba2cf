import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { expectNoHorizontalOverflow } from './a11y';
import { ensureProgramAndMembers } from './program-fixture';

// issue 9 re-test: two programs each with a training of the same title looked alike on the seller's list
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	ensureProgramAndMembers(app.dataDir);
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

describe('same-title trainings in two programs (JavaScript off, 320 px)', () => {
	it("should show each training's program name on the seller's list and on the coordinator's training page", async () => {
		const coordCtx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
		const coord = await coordCtx.newPage();
		await login(coord, 'koordinator@cigadung.test');
		const token = (await (await fetch(`${app.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' }) })).json()).token as string;
		const programs = (await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/programs`, { headers: { authorization: `Bearer ${token}` } })).json()).data as { id: string; name: string }[];
		const firstProgram = programs[0];
		// a second program made as the coordinator makes it
		await coord.goto(`${app.baseUrl}/koordinator/cigadung/program`);
		await coord.getByLabel('Nama program').fill('Pendampingan Lanjutan');
		await Promise.all([coord.waitForURL(/\/program\/prg_/), coord.getByRole('button', { name: 'Buat program' }).click()]);
		const secondId = new URL(coord.url()).pathname.split('/').pop()!;
		const startsAt = new Date(Date.now() + 3 * 86400_000).toISOString();
		const made: string[] = [];
		for (const programId of [firstProgram.id, secondId]) {
			const res = await fetch(`${app.baseUrl}/api/v1/programs/${programId}/trainings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ title: 'Pelatihan Foto Produk', startsAt, venue: 'Aula Kelurahan Cigadung' }) });
			expect(res.status).toBe(201);
			made.push((await res.json()).id);
		}

		// the coordinator's training page says which program it belongs to
		await coord.goto(`${app.baseUrl}/koordinator/cigadung/pelatihan/${made[1]}`);
		await expect(coord.locator('main').textContent()).resolves.toContain('Program: Pendampingan Lanjutan');
		await coordCtx.close();

		const sellerCtx = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
		const seller = await sellerCtx.newPage();
		await login(seller, 'jj@cigadung.test');
		await seller.goto(`${app.baseUrl}/jual/pelatihan`);
		const sections = seller.locator('section.my-training').filter({ has: seller.getByRole('heading', { name: 'Pelatihan Foto Produk', exact: true }) });
		await expect(sections.count()).resolves.toBe(2);
		const texts = await sections.allTextContents();
		expect(texts.some((t) => t.includes(`Program: ${firstProgram.name}`))).toBe(true);
		expect(texts.some((t) => t.includes('Program: Pendampingan Lanjutan'))).toBe(true);
		await expectNoHorizontalOverflow(seller);
		if (process.env.SCREENSHOT_DIR) await seller.screenshot({ path: `${process.env.SCREENSHOT_DIR}/pelatihan-saya-320.png`, fullPage: true });

		// the pre-test page of the second one says its program too
		await seller.goto(`${app.baseUrl}/jual/pelatihan/${made[1]}/tes/pre`);
		await expect(seller.locator('main').textContent()).resolves.toContain('Program: Pendampingan Lanjutan');
		await sellerCtx.close();
	});
});

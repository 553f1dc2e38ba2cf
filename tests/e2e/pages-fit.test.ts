import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectCleanMarkup, expectNoAxeViolations, expectNoHorizontalOverflow } from './a11y';
import { launchBrowser, startApp, type RunningApp } from './harness';
import { COORDINATOR_PAGES, contextFor, makeFixtures, PUBLIC_PAGES, SELLER_PAGES, type Fixtures, type PageToVisit } from './pages';

let app: RunningApp;
let browser: Browser;
let fixtures: Fixtures;
const sessions = new Map<string, string>();

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	fixtures = await makeFixtures(browser, app.baseUrl, sessions);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const pathOf = (p: PageToVisit) => (typeof p.path === 'string' ? p.path : p.path(fixtures));

async function visit(p: PageToVisit, width: number, check: 'layout' | 'axe') {
	const ctx = await contextFor(browser, app.baseUrl, p.as, { width, height: 844 }, sessions);
	try {
		const page = await ctx.newPage();
		const res = await page.goto(app.baseUrl + pathOf(p));
		if (!res || res.status() !== 200) throw new Error(`${p.name} (${pathOf(p)}) answered ${res?.status()}`);
		if (check === 'layout') await expectNoHorizontalOverflow(page, `${p.name} (${pathOf(p)})`);
		else {
			await expectNoAxeViolations(page, `${p.name} (${pathOf(p)})`);
			await expectCleanMarkup(page, `${p.name} (${pathOf(p)})`);
		}
	} finally {
		await ctx.close();
	}
}

describe.each([320, 390])('seller and coordinator pages at %i px', (width) => {
	it.each([...SELLER_PAGES, ...COORDINATOR_PAGES].map((p) => [p.name, p] as const))('%s should not scroll sideways', async (_, p) => {
		await visit(p, width, 'layout');
	});
});

describe('public pages at 320 px', () => {
	it.each(PUBLIC_PAGES.map((p) => [p.name, p] as const))('%s should not scroll sideways', async (_, p) => {
		await visit(p, 320, 'layout');
	});
});

describe('axe-core and markup on every page', () => {
	it.each([...PUBLIC_PAGES, ...SELLER_PAGES, ...COORDINATOR_PAGES].map((p) => [p.name, p] as const))('%s should have no violations', async (_, p) => {
		await visit(p, 390, 'axe');
	});
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor, type DemoLogin } from './pages';
import { expectNoHorizontalOverflow } from './a11y';

/**
 * Issue 7 item 8 (the receipt shared as a picture to WhatsApp) and item 14 ("Rp" and its amount on one line on the
 * receipt and the status page; a focus ring on the textarea).
 */
vi.setConfig({ testTimeout: 180_000 });

let app: RunningApp;
let browser: Browser;
const sessions = new Map<string, string>();
let checkout: { code: string; statusUrl: string; orders: { code: string }[] };
let orderPath: string;

const LONG = 'Ibu Siti Aminah binti Haji Abdul Rahman dari RW 03';

beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
	const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?shop=sambal-mt&perPage=50`)).json();
	// products without sizes (Sambal Teri has sizes, and an order of it names one)
	const lines = (products.data as { id: string; madeToOrder: boolean; price: number; priceMax: number }[]).filter((p) => p.price === p.priceMax).slice(0, 3).map((p) => ({ productId: p.id, variantId: null, quantity: 1 }));
	const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': `receipt-${Date.now()}` },
		body: JSON.stringify({ buyer: { name: LONG, whatsapp: '081234567890' }, lines, shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } })
	});
	if (res.status !== 201) throw new Error(`checkout ${res.status}: ${await res.text()}`);
	checkout = await res.json();
	const ctx = await seller('mt@cigadung.test', 390, false);
	const page = await ctx.newPage();
	await page.goto(`${app.baseUrl}/jual/pesanan`);
	orderPath = (await page.locator('a[href^="/jual/pesanan/"]', { hasText: checkout.orders[0].code }).first().getAttribute('href'))!;
	await ctx.close();
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function seller(as: DemoLogin, width: number, js: boolean, init?: () => void): Promise<BrowserContext> {
	if (!sessions.has(as)) await (await contextFor(browser, app.baseUrl, as, { width, height: 844 }, sessions)).close();
	const ctx = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: js, storageState: JSON.parse(sessions.get(as)!) });
	if (init) await ctx.addInitScript(init);
	return ctx;
}

/** Every "Rp …" amount in <main> is joined by a no-break space and sits on one line box. */
async function expectAmountsOnOneLine(page: Page) {
	const found = await page.evaluate(() => {
		const out: { text: string; lines: number }[] = [];
		const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			for (const m of (n.textContent ?? '').matchAll(/Rp\s[\d.]+/g)) {
				const range = document.createRange();
				range.setStart(n, m.index!);
				range.setEnd(n, m.index! + m[0].length);
				const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
				out.push({ text: m[0], lines: tops.size });
			}
		}
		return out;
	});
	expect(found.length).toBeGreaterThan(2);
	for (const a of found) {
		expect(a.text, `"${a.text}" is joined by a no-break space`).toMatch(/^Rp\u00a0/);
		expect(a.lines, `"${a.text}" is on one line`).toBe(1);
	}
}

const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe('the receipt as a picture for WhatsApp', () => {
	for (const width of [390, 320]) {
		it(`should offer a download of the PNG and a wa.me link without JavaScript, with "Rp" kept with its amount (${width} px)`, async () => {
			const ctx = await seller('mt@cigadung.test', width, false);
			const page = await ctx.newPage();
			await page.goto(app.baseUrl + orderPath);
			const share = page.getByRole('link', { name: 'Bagikan ke WhatsApp' });
			const href = (await share.getAttribute('href'))!;
			expect(href).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
			// the text names the order by the code its link opens (the checkout's), and ends with that link
			const shared = new URL(href).searchParams.get('text')!;
			expect(shared).toContain(`pesanan ${checkout.orders[0].code} dari Sambal MT`);
			expect(shared).toMatch(new RegExp(`\\nLihat pesanan Anda: ${app.baseUrl}/pesanan/${checkout.orders[0].code}\\?t=[\\w-]+$`));
			const download = page.getByRole('link', { name: 'Unduh gambar nota' });
			await expect(download.getAttribute('download')).resolves.toBe(`nota-${checkout.orders[0].code}.png`);
			const res = await page.request.get(app.baseUrl + (await download.getAttribute('href'))!);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toBe('image/png');
			expect(res.headers()['cache-control']).toContain('no-store');
			const png = await res.body();
			expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
			expect(pngSize(png).width).toBe(720);
			expect(pngSize(png).height).toBeGreaterThan(500);
			await writeFile(join(tmpdir(), `ecrav-receipt-${width}.png`), png);
			await expectNoHorizontalOverflow(page, `order page at ${width}`);
			await expectAmountsOnOneLine(page);

			// The cancel reason has a visible focus ring.
			await page.getByText('Batalkan pesanan', { exact: true }).click();
			await page.getByLabel('Alasan pembatalan (dibaca pembeli)').focus();
			const outline = await page.getByLabel('Alasan pembatalan (dibaca pembeli)').evaluate((e) => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth);
			expect(outline).toBe('solid 3px');
			await ctx.close();
		});
	}

	it('should share the picture itself through the Web Share API where the phone can share files (JS on)', async () => {
		const ctx = await seller('mt@cigadung.test', 390, true, () => {
			const w = window as unknown as { shared?: unknown[] };
			w.shared = [];
			Object.defineProperty(navigator, 'canShare', { value: (d: { files?: File[] }) => !!d.files?.length });
			Object.defineProperty(navigator, 'share', {
				value: async (d: { files: File[]; text: string; title: string }) => {
					w.shared!.push({ name: d.files[0].name, type: d.files[0].type, size: d.files[0].size, text: d.text, title: d.title });
				}
			});
		});
		const page = await ctx.newPage();
		// Listen before navigating: the page may fetch the picture before goto() returns.
		const picture = page.waitForResponse((r) => r.url().endsWith('/nota.png') && r.status() === 200);
		await page.goto(app.baseUrl + orderPath);
		await picture;
		await page.waitForTimeout(200);
		await page.getByRole('link', { name: 'Bagikan ke WhatsApp' }).click();
		await page.waitForFunction(() => ((window as unknown as { shared: unknown[] }).shared ?? []).length > 0);
		const shared = await page.evaluate(() => (window as unknown as { shared: { name: string; type: string; size: number; text: string; title: string }[] }).shared);
		expect(shared).toHaveLength(1);
		expect(shared[0]).toMatchObject({ name: `nota-${checkout.orders[0].code}.png`, type: 'image/png', title: `Nota ${checkout.orders[0].code}` });
		expect(shared[0].size).toBeGreaterThan(5000);
		expect(shared[0].text).toContain(`Lihat pesanan Anda: ${app.baseUrl}/pesanan/${checkout.orders[0].code}?t=`);
		expect(ctx.pages()).toHaveLength(1); // no wa.me tab was opened
		expect(page.url()).toBe(app.baseUrl + orderPath);
		await ctx.close();
	});

	it('should keep the wa.me text link where files cannot be shared (JS on, no Web Share)', async () => {
		const ctx = await seller('mt@cigadung.test', 390, true, () => {
			Object.defineProperty(navigator, 'canShare', { value: () => false });
			Object.defineProperty(navigator, 'share', { value: async () => { throw new Error('must not be called'); } });
		});
		const page = await ctx.newPage();
		let opened = '';
		ctx.on('page', (p) => (opened = p.url()));
		await ctx.route('https://wa.me/**', (route) => {
			opened = route.request().url();
			return route.fulfill({ status: 200, body: 'wa' });
		});
		await page.goto(app.baseUrl + orderPath);
		await page.getByRole('link', { name: 'Bagikan ke WhatsApp' }).click();
		await expect.poll(() => opened, { timeout: 15_000 }).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
		await ctx.close();
	});

	it('should serve the picture only to the shop: another seller and a stranger get 404', async () => {
		const other = await seller('jj@cigadung.test', 390, false);
		const res = await other.request.get(`${app.baseUrl}${orderPath}/nota.png`);
		expect(res.status()).toBe(404);
		expect(res.headers()['content-type']).not.toBe('image/png');
		const page = await other.newPage();
		expect((await page.goto(app.baseUrl + orderPath))?.status()).toBe(404);
		await other.close();
		const anonymous = await fetch(`${app.baseUrl}${orderPath}/nota.png`, { redirect: 'manual' });
		expect([401, 404]).toContain(anonymous.status);
		expect(anonymous.headers.get('content-type')).not.toBe('image/png');
		const unknown = await (await seller('mt@cigadung.test', 390, false)).request.get(`${app.baseUrl}/jual/pesanan/ord_doesnotexist/nota.png`);
		expect(unknown.status()).toBe(404);
	});
});

describe('the buyer status page', () => {
	for (const width of [390, 320]) {
		it(`should keep "Rp" and the amount on one line (${width} px, JS off)`, async () => {
			const ctx = await browser.newContext({ ...PHONE, viewport: { width, height: 844 }, javaScriptEnabled: false });
			const page = await ctx.newPage();
			await page.goto(checkout.statusUrl);
			await expectAmountsOnOneLine(page);
			await ctx.close();
		});
	}
});

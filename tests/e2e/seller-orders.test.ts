import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, PHONE, startApp, type RunningApp } from './harness';
import { contextFor } from './pages';

/** Issue 7 item 8: Web Push on a new order, the inbox by status, cancelling with a reason, a print without navigation. */
let app: RunningApp;
let browser: Browser;
let pushService: Server;
let pushUrl: string;
const pushes: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
const sessions = new Map<string, string>();

beforeAll(async () => {
	// A stand-in push service on a local port: records what the app sends and answers 201 like FCM does.
	// The app sends only to browsers' push services, plus the origins listed in PUSH_EXTRA_ALLOWED_ORIGINS.
	pushService = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			pushes.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
			res.writeHead(201).end();
		});
	});
	await new Promise<void>((r) => pushService.listen(0, '127.0.0.1', r));
	const addr = pushService.address();
	pushUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
	[app, browser] = await Promise.all([startApp({ PUSH_EXTRA_ALLOWED_ORIGINS: pushUrl }), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
	await new Promise((r) => pushService?.close(r));
});

const b64url = (b: Buffer) => b.toString('base64url');

async function placeOrder(name: string) {
	const products = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/products?q=sambal+cumi`)).json();
	const cumi = products.data.find((p: { shop: { slug: string } }) => p.shop.slug === 'sambal-mt');
	const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': `seller-orders-${Date.now()}-${Math.random().toString(36).slice(2)}` },
		body: JSON.stringify({ buyer: { name, whatsapp: '081234567890' }, lines: [{ productId: cumi.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } })
	});
	if (res.status !== 201) throw new Error(`checkout ${res.status}: ${await res.text()}`);
	return res.json();
}

async function until(check: () => boolean, ms = 20_000) {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) return false;
		await new Promise((r) => setTimeout(r, 100));
	}
	return true;
}

describe('orders for the seller', () => {
	let seller: BrowserContext;

	it('should send a Web Push to the subscribed seller when a new order arrives', async () => {
		seller = await contextFor(browser, app.baseUrl, 'mt@cigadung.test', PHONE.viewport, sessions);
		const page = await seller.newPage();
		await page.goto(`${app.baseUrl}/jual`);
		// The opt-in button appears only where push works (JavaScript, service workers).
		await expect(page.getByRole('button', { name: 'Nyalakan pemberitahuan pesanan' }).isVisible()).resolves.toBe(true);
		const key = await page.getByRole('button', { name: 'Nyalakan pemberitahuan pesanan' }).getAttribute('data-push-key');
		expect(Buffer.from(key!, 'base64url')).toHaveLength(65);
		const ecdh = createECDH('prime256v1');
		const subscription = { endpoint: `${pushUrl}/push/seller-phone-1`, keys: { p256dh: b64url(ecdh.generateKeys()), auth: b64url(randomBytes(16)) } };
		const status = await page.evaluate(async (sub) => { const r = await fetch('/jual/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sub) }); return r.status === 201 ? 201 : `${r.status} ${await r.text()}`; }, subscription);
		expect(status).toBe(201);
		const bad = await page.evaluate(async () => (await fetch('/jual/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: 'javascript:alert(1)' }) })).status);
		expect(bad).toBe(422);

		await placeOrder('Siti Aminah');
		await expect(until(() => pushes.length > 0)).resolves.toBe(true);
		const push = pushes[0];
		expect(push.path).toBe('/push/seller-phone-1');
		expect(push.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
		expect(push.headers['content-encoding']).toBe('aes128gcm');
		expect(Number(push.headers.ttl)).toBeGreaterThan(0);
		expect(push.body.length).toBeGreaterThan(16);
		// Encrypted for the subscriber: the buyer's name is not readable on the wire.
		expect(push.body.toString('latin1')).not.toContain('Siti');
	});

	it('should refuse a push address that is no push service, and turn alerts off from the page, with and without JavaScript', async () => {
		const page = await seller.newPage();
		const endpoint = `${pushUrl}/push/seller-phone-1`;
		// Headless Chromium has no push service: stand in for this browser's existing subscription (the page's own script runs as is).
		await page.addInitScript((ep) => {
			const sub = { endpoint: ep, unsubscribe: async () => ((window as unknown as { unsubscribed: boolean }).unsubscribed = true), toJSON: () => ({ endpoint: ep }) };
			Object.defineProperty(navigator.serviceWorker, 'getRegistration', { value: async () => ({ pushManager: { getSubscription: async () => sub } }) });
		}, endpoint);
		await page.goto(`${app.baseUrl}/jual`);
		const keys = { p256dh: b64url(createECDH('prime256v1').generateKeys()), auth: b64url(randomBytes(16)) };
		const refused = await page.evaluate(async (k) => {
			const r = await fetch('/jual/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: 'http://169.254.169.254/latest/meta-data/', keys: k }) });
			return { status: r.status, body: await r.json() };
		}, keys);
		expect(refused).toEqual({ status: 422, body: { error: expect.objectContaining({ message: expect.stringContaining('Alamat pemberitahuan dari browser ini tidak dikenal') }) } });
		await expect(page.getByText('HP yang menerima pemberitahuan: 1').isVisible()).resolves.toBe(true);

		await page.getByRole('button', { name: 'Matikan notifikasi', exact: true }).click();
		await page.getByText('Pemberitahuan pesanan di HP ini sudah dimatikan.').waitFor();
		expect(await page.evaluate(() => (window as unknown as { unsubscribed?: boolean }).unsubscribed)).toBe(true);
		await page.reload();
		await expect(page.getByText(/HP yang menerima pemberitahuan/).count()).resolves.toBe(0);
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.viewport.width);

		// Subscribed again, then "Matikan notifikasi di semua HP" without JavaScript (a lost phone): no push for the next order.
		expect(await page.evaluate(async (sub) => (await fetch('/jual/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sub) })).status, { endpoint, keys })).toBe(201);
		const noJs = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 700 }, javaScriptEnabled: false, storageState: JSON.parse(sessions.get('mt@cigadung.test')!) });
		const p = await noJs.newPage();
		await p.goto(`${app.baseUrl}/jual`);
		await expect(p.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
		await p.getByRole('button', { name: 'Matikan notifikasi di semua HP' }).click();
		await p.getByText('Pemberitahuan pesanan sudah dimatikan di semua HP (1).').waitFor();
		await noJs.close();
		const sent = pushes.length;
		await placeOrder('Budi Tanpa Notifikasi');
		await new Promise((r) => setTimeout(r, 1500));
		expect(pushes.length).toBe(sent);
		await page.close();
	});

	it('should list orders by status with the buyer and total, today on top, and cancel one with a reason and confirmation (no JavaScript)', async () => {
		const page = await seller.newPage();
		await page.goto(`${app.baseUrl}/jual/pesanan`);
		await expect(page.getByRole('link', { name: /^Baru \(\d+\)$/ }).getAttribute('aria-current')).resolves.toBe('page');
		await expect(page.getByText(/^Hari ini: \d+ pesanan$/).isVisible()).resolves.toBe(true);
		const row = page.locator('.inbox-rows li', { hasText: 'Siti Aminah' }).first();
		await expect(row.textContent()).resolves.toMatch(/Siti Aminah · Rp\s\d{1,3}(\.\d{3})+/);
		const orderHref = (await row.locator('a').getAttribute('href'))!;

		const noJs = await browser.newContext({ ...PHONE, javaScriptEnabled: false, storageState: JSON.parse(sessions.get('mt@cigadung.test')!) });
		const p = await noJs.newPage();
		await p.goto(app.baseUrl + orderHref);
		await p.getByText('Batalkan pesanan', { exact: true }).click();
		await p.getByLabel('Alasan pembatalan (dibaca pembeli)').fill('Stok cumi habis hari ini');
		await p.getByLabel(/Ya, saya yakin membatalkan pesanan/).check();
		await p.getByRole('button', { name: 'Batalkan pesanan ini' }).click();
		await p.waitForLoadState();
		await expect(p.getByText('Dibatalkan', { exact: true }).first().isVisible()).resolves.toBe(true);
		await p.goto(`${app.baseUrl}/jual/pesanan?tab=dibatalkan`);
		await expect(p.locator('.inbox-rows li', { hasText: 'Siti Aminah' }).count()).resolves.toBe(1);
		await noJs.close();
	});

	it('should print the receipt without the navigation', async () => {
		const page = await seller.newPage();
		await page.goto(`${app.baseUrl}/jual/pesanan?tab=dibatalkan`);
		await page.locator('.inbox-rows a').first().click();
		await page.waitForURL(/\/jual\/pesanan\/ord_/);
		await page.emulateMedia({ media: 'print' });
		const navs = await page.locator('nav').all();
		expect(navs.length).toBeGreaterThan(1);
		for (const nav of navs) expect(await nav.isVisible(), await nav.evaluate((n) => n.outerHTML.slice(0, 200))).toBe(false);
		await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
		await seller.close();
	});
});

describe('polish (issue 7 item 14)', () => {
	it('should treat a search of spaces as no search, and never end a link with a colon', async () => {
		const html = await (await fetch(`${app.baseUrl}/c/cigadung?q=%20%20%20`)).text();
		expect(html).not.toMatch(/untuk &quot;\s*&quot;|untuk "\s*"/);
		const none = await (await fetch(`${app.baseUrl}/c/cigadung?q=zzzqqq`)).text();
		expect(none).toContain('Lihat semua produk di komunitas ini</a>');
		expect(none).not.toContain('komunitas ini:');
	});

	it('should put "log out everywhere" last on the seller home, under "Keamanan akun" with what it does, easy to tap', async () => {
		const ctx = await contextFor(browser, app.baseUrl, 'jj@cigadung.test', PHONE.viewport, sessions);
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/jual`);
		const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Keamanan akun' }) });
		await expect(section.getByText(/mengeluarkan akun Anda dari semua HP dan komputer/).count()).resolves.toBe(1);
		const button = section.getByRole('button', { name: 'Keluar dari semua HP dan komputer' });
		const box = await button.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);
		// below everything else of the page's main content: the products and the change histories come first
		const products = await page.getByRole('heading', { name: /Produk saya/ }).boundingBox();
		expect(box!.y).toBeGreaterThan(products!.y);
		await expect(page.locator('main > section').last().getByRole('heading').first().textContent()).resolves.toBe('Keamanan akun');
		await ctx.close();
	});
});

describe('what buyers see of a shop (issue 7 item 5)', () => {
	it('should show the pickup place and opening hours on the shop, product and order pages and in the API', async () => {
		const ctx = await contextFor(browser, app.baseUrl, 'mt@cigadung.test', PHONE.viewport, sessions);
		const page = await ctx.newPage();
		await page.goto(`${app.baseUrl}/jual/mulai/lokasi`);
		await page.locator('#pickupPoint').fill('Warung depan masjid Al-Ikhlas, RW 03');
		await page.locator('#openingHours').fill('Setiap hari 08.00–17.00');
		await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
		await page.waitForURL(/\/jual\/mulai\/pengiriman/);
		await ctx.close();
		const shopHtml = await (await fetch(`${app.baseUrl}/c/cigadung/toko/sambal-mt`)).text();
		const productHtml = await (await fetch(`${app.baseUrl}/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml`)).text();
		for (const html of [shopHtml, productHtml]) {
			expect(html).toContain('<dt>Tempat ambil</dt><dd>Warung depan masjid Al-Ikhlas, RW 03</dd>');
			expect(html).toContain('<dt>Jam buka</dt><dd>Setiap hari 08.00–17.00</dd>');
		}
		const api = await (await fetch(`${app.baseUrl}/api/v1/communities/cigadung/shops/sambal-mt`)).json();
		expect(api.data).toMatchObject({ pickupPoint: 'Warung depan masjid Al-Ikhlas, RW 03', openingHours: 'Setiap hari 08.00–17.00', logoUrl: null });
		const checkout = await placeOrder('Budi');
		const status = await (await fetch(checkout.statusUrl)).text();
		expect(status).toContain('Warung depan masjid Al-Ikhlas, RW 03');
		expect(status).toContain('Setiap hari 08.00–17.00');
	});
});

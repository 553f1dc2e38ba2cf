import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

const get = async (path: string, headers: Record<string, string> = {}) => {
	const res = await fetch(app.baseUrl + path, { headers });
	return { status: res.status, body: await res.json(), headers: res.headers };
};

describe('JSON API v1 (read-only)', () => {
	it('should list communities with their region code', async () => {
		const { status, body } = await get('/api/v1/communities');
		expect(status).toBe(200);
		expect(body.data).toEqual([expect.objectContaining({ slug: 'cigadung', name: 'Kelurahan Cigadung', regionCode: '32.08.18.1002', shopCount: 26 })]);
	});

	it('should search products with paging and absolute URLs', async () => {
		const { status, body } = await get('/api/v1/communities/cigadung/products?q=ketemp&perPage=2');
		expect(status).toBe(200);
		expect(body.page).toEqual({ number: 1, size: 2, total: 5 });
		expect(body.data).toHaveLength(2);
		for (const p of body.data) {
			expect(p).toMatchObject({ id: expect.stringMatching(/^prod_/), price: expect.any(Number), shop: { slug: expect.any(String), name: expect.any(String) } });
			expect(p.url).toMatch(new RegExp(`^${app.baseUrl}/c/cigadung/toko/`));
			const img = await fetch(p.imageUrl);
			expect(img.headers.get('content-type')).toBe('image/webp');
			expect(img.headers.get('cache-control')).toContain('immutable');
		}
	});

	it('should list shops and show one shop with its products', async () => {
		const shops = await get('/api/v1/communities/cigadung/shops');
		expect(shops.body.data).toHaveLength(26);
		const shop = await get('/api/v1/communities/cigadung/shops/ketempling-jj');
		expect(shop.body.data).toMatchObject({ slug: 'ketempling-jj', name: 'Ketempling JJ', whatsapp: '6281200000008' });
		expect(shop.body.data.products.map((p: { name: string }) => p.name).sort()).toEqual(['Ketempling Original 250 g', 'Ketempling Pedas 250 g']);
	});

	it.each([
		['perPage=101', 'perPage'],
		['page=0', 'page'],
		['page=satu', 'page'],
		['perPage=1.5', 'perPage'],
		['sort=acak', 'sort']
	])('should answer 400 with a message for %s', async (query, field) => {
		const { status, body } = await get(`/api/v1/communities/cigadung/products?${query}`);
		expect(status).toBe(400);
		expect(body.error.code).toBe('bad_request');
		expect(body.error.message).toContain(`"${field}"`);
		expect(body.error.details.fields[field]).toBeTruthy();
	});

	it('should answer 404 for unknown slugs, in English when asked', async () => {
		expect((await get('/api/v1/communities/tidak-ada/products')).status).toBe(404);
		expect((await get('/api/v1/communities/cigadung/shops/tidak-ada')).body.error).toEqual({ code: 'not_found', message: 'Toko "tidak-ada" tidak ditemukan.' });
		expect((await get('/api/v1/communities/tidak-ada', { 'accept-language': 'en-US' })).body.error.code).toBe('not_found');
		expect((await get('/api/v1/communities/tidak-ada/shops', { 'accept-language': 'en-US,en' })).body.error.message).toBe('Community "tidak-ada" was not found.');
	});

	it('should report health and compress HTML', async () => {
		expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
		const res = await fetch(`${app.baseUrl}/c/cigadung`, { headers: { 'accept-encoding': 'gzip' } });
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});
});

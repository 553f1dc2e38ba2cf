import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readFile } from 'node:fs/promises';
import { PHONE_PHOTO } from './photos';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
let jjToken: string;
let mtToken: string;
let jjShopId: string;

const call = async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
	const res = await fetch(app.baseUrl + path, {
		method,
		headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}), ...headers },
		body: body === undefined ? undefined : body instanceof FormData ? body : typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
	app = await startApp();
	const jj = await call('POST', '/api/v1/auth/login', undefined, { login: 'jj@cigadung.test', password: 'demo-cigadung-2024' });
	expect(jj.status).toBe(200);
	expect(jj.body.user).toMatchObject({ name: 'JJ', roles: expect.arrayContaining(['seller']) });
	jjToken = jj.body.token;
	mtToken = (await call('POST', '/api/v1/auth/login', undefined, { login: 'mt@cigadung.test', password: 'demo-cigadung-2024' })).body.token;
	jjShopId = (await call('GET', '/api/v1/me/shops', jjToken)).body.data[0].id;
});
afterAll(() => app?.stop());

describe('seller JSON API', () => {
	it('should refuse wrong credentials with 401 and calls without a token', async () => {
		expect((await call('POST', '/api/v1/auth/login', undefined, { login: 'jj@cigadung.test', password: 'salah' })).status).toBe(401);
		expect((await call('GET', '/api/v1/me/shops')).status).toBe(401);
		expect((await call('GET', '/api/v1/me/shops', 'token-palsu')).status).toBe(401);
	});

	it('should create, change, publish and archive a product, and upload a photo', async () => {
		const shops = await call('GET', '/api/v1/me/shops', jjToken);
		expect(shops.body.data).toEqual([expect.objectContaining({ slug: 'ketempling-jj', name: 'Ketempling JJ' })]);
		const created = await call('POST', `/api/v1/shops/${jjShopId}/products`, jjToken, { name: 'Ketempling Keju 250 g', categorySlug: 'camilan-keripik', price: 14000, unit: 'bungkus', stock: 12 });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'Ketempling Keju 250 g', price: 14000, status: 'draft', published: false });
		const id = created.body.id;
		const patched = await call('PATCH', `/api/v1/products/${id}`, jjToken, { price: 15000, stock: 3, published: true });
		expect(patched.body).toMatchObject({ price: 15000, stock: 3, published: true });
		const search = await call('GET', '/api/v1/communities/cigadung/products?q=ketempling+keju');
		expect(search.body.data.map((p: { id: string; price: number }) => [p.id, p.price])).toEqual([[id, 15000]]);

		const form = new FormData();
		const jpeg = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#d9a066' } }).jpeg().toBuffer();
		form.set('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'foto.jpg');
		const photo = await call('POST', `/api/v1/products/${id}/photos`, jjToken, form);
		expect(photo.status).toBe(201);
		expect(photo.body.variants.map((v: { width: number }) => v.width)).toEqual([1200, 600, 300]);
		expect(photo.body.hints.map((h: { code: string }) => h.code)).toContain('blurry');
		expect(photo.body.hints[0].message).toMatch(/Foto/);
		const real = new FormData();
		real.set('file', new Blob([new Uint8Array(await readFile(PHONE_PHOTO))], { type: 'image/jpeg' }), 'IMG_20241128_101500.jpg');
		const phonePhoto = await call('POST', `/api/v1/products/${id}/photos`, jjToken, real);
		expect(phonePhoto.status).toBe(201);
		// EXIF orientation 6 applied: the 4000×3000 landscape file is a portrait photo.
		expect(phonePhoto.body.variants[0]).toMatchObject({ width: 900, height: 1200 });

		const archived = await call('DELETE', `/api/v1/products/${id}`, jjToken);
		expect(archived.body.status).toBe('archived');
		expect((await call('GET', '/api/v1/communities/cigadung/products?q=ketempling+keju')).body.data).toEqual([]);
	});

	it("should answer 404 for another shop's product and shop, and change nothing", async () => {
		const created = await call('POST', `/api/v1/shops/${jjShopId}/products`, jjToken, { name: 'Ketempling Rahasia JJ', categorySlug: 'camilan-keripik', price: 12000, unit: 'bungkus' });
		const id = created.body.id;
		expect((await call('PATCH', `/api/v1/products/${id}`, mtToken, { price: 100 })).status).toBe(404);
		expect((await call('DELETE', `/api/v1/products/${id}`, mtToken)).status).toBe(404);
		expect((await call('GET', `/api/v1/products/${id}`, mtToken)).status).toBe(404);
		expect((await call('POST', `/api/v1/shops/${jjShopId}/products`, mtToken, { name: 'Produk Curian', categorySlug: 'kue', price: 1000, unit: 'pcs' })).status).toBe(404);
		const form = new FormData();
		form.set('file', new Blob([new Uint8Array(Buffer.from('bukan foto'))], { type: 'image/jpeg' }), 'x.jpg');
		expect((await call('POST', `/api/v1/products/${id}/photos`, mtToken, form)).status).toBe(404);
		expect((await call('GET', `/api/v1/products/${id}`, jjToken)).body.price).toBe(12000);
	});

	it('should explain malformed bodies', async () => {
		const bad = await call('POST', `/api/v1/shops/${jjShopId}/products`, jjToken, '{"name": ');
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('bad_request');
		const invalid = await call('POST', `/api/v1/shops/${jjShopId}/products`, jjToken, { name: 'X', categorySlug: 'senjata', price: -1, unit: '' });
		expect(invalid.status).toBe(422);
		expect(Object.keys(invalid.body.error.details.fields).sort()).toEqual(['categorySlug', 'name', 'price', 'unit']);
		const en = await call('PATCH', `/api/v1/products/prod_tidakada`, jjToken, { price: 1 }, { 'accept-language': 'en' });
		expect(en).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Product not found.' } } });
		const form = new FormData();
		form.set('file', new Blob([new Uint8Array(Buffer.from('ini teks biasa'))], { type: 'image/jpeg' }), 'foto.jpg');
		const created = await call('POST', `/api/v1/shops/${jjShopId}/products`, jjToken, { name: 'Ketempling Foto Palsu', categorySlug: 'camilan-keripik', price: 12000, unit: 'bungkus' });
		const notPhoto = await call('POST', `/api/v1/products/${created.body.id}/photos`, jjToken, form);
		expect(notPhoto).toMatchObject({ status: 422, body: { error: { message: 'File ini bukan foto. Pilih foto JPG, PNG, atau WebP.' } } });
	});

	it('should describe itself in OpenAPI 3.1', async () => {
		const doc = await call('GET', '/api/v1/openapi.json');
		expect(doc.body.openapi).toBe('3.1.0');
		expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/me/shops', '/shops/{shopId}/products', '/products/{productId}', '/products/{productId}/photos']));
	});

	it('should answer a method a path does not have with 405 in the API error shape and an Allow header', async () => {
		const res = await fetch(app.baseUrl + '/api/v1/regions', { method: 'DELETE', headers: { 'accept-language': 'en' } });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toMatch(/\bGET\b/);
		expect(await res.json()).toEqual({ error: { code: 'method_not_allowed', message: expect.stringMatching(/^DELETE is not allowed here\. Allowed: .*GET/) } });
	});

	it('should never answer 500 to odd requests', async () => {
		const paths = ['/c/cigadung?page=-1', '/c/cigadung?perPage=x', '/c/cigadung?q=' + '%F0%9F'.repeat(3), '/c/%00', '/jual/produk/xyz', '/jual/mulai/tidak-ada', '/atur-sandi/' + 'a'.repeat(500), '/koordinator/cigadung', '/api/v1/products/x/photos', '/media/../../etc/passwd', '/media/p/zz/none.webp', '/bahasa?kembali=//evil.example'];
		for (const p of paths) {
			const res = await fetch(app.baseUrl + p, { redirect: 'manual' });
			expect(res.status, p).toBeLessThan(500);
		}
		const posts: [string, string][] = [['/masuk', ''], ['/masuk', 'login=' + 'x'.repeat(5000)], ['/atur-sandi/abc', 'password=12345678&confirm=12345678'], ['/jual/mulai/nama', 'name=Toko'], ['/koordinator/cigadung?/tambah', 'name=A'], ['/keluar', '']];
		for (const [p, body] of posts) {
			const res = await fetch(app.baseUrl + p, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.baseUrl, accept: 'text/html' }, body });
			expect(res.status, `POST ${p}`).toBeLessThan(500);
		}
	});
});

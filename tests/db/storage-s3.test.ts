import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { closedPort, startS3Server, type S3TestServer } from '../helpers/s3';
import { callRoute, changedTables, digestTables, ORIGIN, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import { createServices, type Services } from '../../src/lib/server/services';
import { READY_PROBE_KEY, S3Storage } from '../../src/lib/server/media/s3-storage';
import { StorageUnavailableError } from '../../src/lib/server/media/storage';
import { createMediaStorage, loadMediaStorageConfig } from '../../src/lib/server/media/storage-config';
import { parseVariants } from '../../src/lib/server/catalog/product-card';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import { translator } from '../../src/lib/i18n';
import type { Product } from '../../src/lib/server/db/schema';

/**
 * Issue 12 item 3: media in an S3-compatible bucket (MEDIA_STORAGE=s3), tested against a real S3 server started
 * here (s3rver, tests/helpers/s3.ts) on a free port with a bucket of its own — never a hand-written fake.
 */
let ctx: TestContext;
let s3: S3TestServer;
let storage: S3Storage;
let services: Services;
let coordinator: Actor;
let product: Product;

const photoOf = (r: number) => sharp({ create: { width: 640, height: 480, channels: 3, background: { r, g: 140, b: 90 } } }).jpeg().toBuffer();
const objectOf = async (key: string) => s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));

beforeAll(async () => {
	[ctx, s3] = await Promise.all([createTestContext(), startS3Server()]);
	storage = new S3Storage(s3.config);
	services = createServices({ database: ctx.database, storage });
	const community = await makeCommunity(services, { slug: 'ember-s3' });
	product = await makeProduct(services, await makeShop(services, community), { published: true });
	const id = await services.auth.createUser(system, { name: 'Koordinator Ember', email: 'ember@contoh.test' });
	await services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await services.auth.loadActor(id))!;
}, 30_000);
afterAll(async () => {
	storage?.destroy();
	await s3?.stop();
	await ctx?.cleanup();
});

describe(`S3 media storage against s3rver (${TEST_DIALECT})`, () => {
	it('should put, get, check and remove a file in the bucket (a missing one: null / false, removing it twice is fine)', async () => {
		const key = 'p/ab/0123456789abcdef01234567-large.webp';
		const bytes = Buffer.from(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123' } }).webp().toBuffer());
		expect(await storage.exists(key)).toBe(false);
		expect(await storage.get(key)).toBeNull();
		await storage.put(key, bytes);
		expect(await storage.exists(key)).toBe(true);
		expect(Buffer.compare((await storage.get(key))!, bytes)).toBe(0);
		expect(await s3.keys('p/')).toEqual([key]);
		const stored = await objectOf(key);
		expect(stored.ContentType).toBe('image/webp');
		expect(stored.CacheControl).toBe('public, max-age=31536000, immutable');
		await storage.remove(key);
		await storage.remove(key);
		expect(await storage.exists(key)).toBe(false);
		expect(await s3.keys('p/')).toEqual([]);
	});

	it('should mark private files (receipts r/…, evidence e/…) private in the bucket, never immutable-public', async () => {
		await storage.put('r/cd/0123456789abcdef01234567-large.webp', Buffer.from('receipt'));
		await storage.put('e/cd/0123456789abcdef01234567.pdf', Buffer.from('%PDF-1.4'));
		expect((await objectOf('r/cd/0123456789abcdef01234567-large.webp')).CacheControl).toBe('private, no-store');
		const pdf = await objectOf('e/cd/0123456789abcdef01234567.pdf');
		expect(pdf.CacheControl).toBe('private, no-store');
		expect(pdf.ContentType).toBe('application/pdf');
		// the public route answers only p/…: a receipt in the same bucket stays behind its guarded route
		const r = await callRoute(await routeByKey('GET /media/[...key]'), { services, actor: PUBLIC_ACTOR }, { params: { key: 'r/cd/0123456789abcdef01234567-large.webp' } });
		expect(r.status).toBe(404);
	});

	it('should refuse keys that try to escape or reach another prefix, without sending them to the server', async () => {
		const secret = 'r/ef/0123456789abcdef01234567-large.webp';
		await storage.put(secret, Buffer.from('private receipt'));
		const hostile = ['p/../' + secret, '../' + secret, 'p/%2e%2e/' + secret, '/' + secret, 'p//ef/x.webp', 'p/ef/x.webp?x=1', 'p/ef/x.webp#a', 'p/EF/X.WEBP', 'p/ef/x.webp\u0000', 'p\\..\\' + secret, 'p/ef/x.svg', ''];
		for (const key of hostile) {
			expect(await storage.get(key), key).toBeNull();
			expect(await storage.exists(key), key).toBe(false);
			await expect(storage.put(key, Buffer.from('x')), key).rejects.toThrow(/unsafe media key/);
			await storage.remove(key);
		}
		expect(await storage.get(secret)).not.toBeNull();
		expect((await s3.keys()).filter((k) => k !== READY_PROBE_KEY)).not.toContain('p/ef/x.webp');
		for (const key of ['p/../' + secret, 'p/%2e%2e/' + secret]) {
			const r = await callRoute(await routeByKey('GET /media/[...key]'), { services, actor: PUBLIC_ACTOR }, { params: { key } });
			expect(r.status, key).toBe(404);
		}
	});

	it('should store a product photo uploaded through the real photo service in the bucket, and serve it at /media/p/… cached for a year', async () => {
		const before = await s3.keys('p/');
		const photo = await services.products.addPhoto(coordinator, product.id, await photoOf(30));
		const keys = parseVariants((await ctx.database.db.selectFrom('product_photo').select('variants').where('id', '=', photo.id).executeTakeFirstOrThrow()).variants).map((v) => v.key);
		expect(keys).toHaveLength(3);
		const added = (await s3.keys('p/')).filter((k) => !before.includes(k));
		expect(added).toEqual([...keys].sort());
		for (const key of keys) {
			// immutable names: the content's SHA-256 is in the key, so new content means a new URL
			expect(key).toMatch(/^p\/[0-9a-f]{2}\/[0-9a-f]{24}-(large|medium|thumb)\.webp$/);
			const r = await callRoute(await routeByKey('GET /media/[...key]'), { services, actor: PUBLIC_ACTOR }, { params: { key } });
			expect(r.status, key).toBe(200);
			expect(r.headers?.get('cache-control')).toBe('public, max-age=31536000, immutable');
			expect(r.headers?.get('content-type')).toBe('image/webp');
			expect(Number(r.headers?.get('content-length'))).toBeGreaterThan(100);
		}
		// the JPEG rendition for marketplaces is made from the WebP in the bucket on first request, and stored there
		const jpg = keys.find((k) => k.endsWith('-large.webp'))!.replace(/\.webp$/, '.jpg');
		const r = await callRoute(await routeByKey('GET /media/[...key]'), { services, actor: PUBLIC_ACTOR }, { params: { key: jpg } });
		expect(r.status).toBe(200);
		expect(await s3.keys('p/')).toContain(jpg);
		// a different photo gets different keys (a new URL), never a changed file behind an old one
		const other = await services.products.addPhoto(coordinator, product.id, await photoOf(200));
		const otherKeys = parseVariants((await ctx.database.db.selectFrom('product_photo').select('variants').where('id', '=', other.id).executeTakeFirstOrThrow()).variants).map((v) => v.key);
		expect(otherKeys.some((k) => keys.includes(k))).toBe(false);
		// removing the photo removes its files from the bucket (it must stop being public)
		await services.products.removePhoto(coordinator, photo.id);
		const left = await s3.keys('p/');
		for (const key of keys) expect(left, key).not.toContain(key);
	});

	it('should hand out CDN URLs (MEDIA_PUBLIC_BASE_URL) for public photos in the API and the catalog feed, the bytes coming from the bucket through /media', async () => {
		vi.stubEnv('MEDIA_PUBLIC_BASE_URL', 'https://cdn.contoh.id/media/');
		try {
			const api = await callRoute(await routeByKey('POST /api/v1/products/[productId]/photos'), { services, actor: coordinator }, { params: { productId: product.id }, form: { file: new File([new Uint8Array(await photoOf(150))], 'a.jpg', { type: 'image/jpeg' }) } });
			expect(api.status).toBe(201);
			const urls = (api.body as { variants: { url: string }[] }).variants.map((v) => v.url);
			expect(urls).toHaveLength(3);
			for (const url of urls) {
				expect(url).toMatch(/^https:\/\/cdn\.contoh\.id\/media\/p\/[0-9a-f]{2}\/[0-9a-f]{24}-(large|medium|thumb)\.webp$/);
				// the CDN's origin is this app: the same key answers at /media/… from the bucket, cached for a year
				const key = url.slice('https://cdn.contoh.id/media/'.length);
				expect(await s3.keys('p/')).toContain(key);
				const r = await callRoute(await routeByKey('GET /media/[...key]'), { services, actor: PUBLIC_ACTOR }, { params: { key } });
				expect(r.status).toBe(200);
				expect(r.headers?.get('cache-control')).toBe('public, max-age=31536000, immutable');
			}
			const feed = await services.feeds.items(PUBLIC_ACTOR, ORIGIN, 'ember-s3');
			expect(feed.items.length).toBeGreaterThan(0);
			for (const item of feed.items) expect(item.imageLink).toMatch(/^https:\/\/cdn\.contoh\.id\/media\/p\/.+-large\.jpg$/);
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it('should answer /readyz 200 with a reachable bucket, writing only its one probe object', async () => {
		const r = await callRoute(await routeByKey('GET /readyz'), { services, actor: system }, {});
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ status: 'ready', checks: { database: 'ok', storage: 'ok' } });
		await callRoute(await routeByKey('GET /readyz'), { services, actor: system }, {});
		expect((await s3.keys()).filter((k) => k.startsWith('.'))).toEqual([READY_PROBE_KEY]);
	});

	it('should turn an unreachable endpoint into StorageUnavailableError: 503 with a message, nothing changed, /readyz 503', async () => {
		const down = new S3Storage({ ...s3.config, endpoint: `http://127.0.0.1:${await closedPort()}`, connectionTimeoutMs: 1000, requestTimeoutMs: 2000 });
		try {
			const started = Date.now();
			await expect(down.put('p/aa/0123456789abcdef01234567-thumb.webp', Buffer.from('x'))).rejects.toBeInstanceOf(StorageUnavailableError);
			await expect(down.get('p/aa/0123456789abcdef01234567-thumb.webp')).rejects.toMatchObject({ status: 503, messageKey: 'security.storageUnreadable' });
			await expect(down.exists('p/aa/0123456789abcdef01234567-thumb.webp')).rejects.toBeInstanceOf(StorageUnavailableError);
			await expect(down.remove('p/aa/0123456789abcdef01234567-thumb.webp')).rejects.toBeInstanceOf(StorageUnavailableError);
			expect(Date.now() - started).toBeLessThan(10_000);

			const broken = createServices({ database: ctx.database, storage: down });
			const ready = await callRoute(await routeByKey('GET /readyz'), { services: broken, actor: system }, {});
			expect(ready.status).toBe(503);
			expect(ready.body).toEqual({ status: 'unavailable', checks: { database: 'ok', storage: 'not_writable' } });
			expect((await callRoute(await routeByKey('GET /healthz'), { services: broken, actor: system }, {})).status).toBe(200);

			const before = await digestTables(ctx.database);
			const bucketBefore = await s3.keys();
			const photo = await photoOf(90);
			const form = await callRoute(await routeByKey('POST /jual/produk/[id]?/foto'), { services: broken, actor: coordinator }, { params: { id: product.id }, form: { photo: new File([new Uint8Array(photo)], 'a.jpg', { type: 'image/jpeg' }) } });
			expect(form.status).toBe(503);
			expect((form.body as { message: string }).message).toBe(translator('id')('security.storageUnwritable'));
			const api = await callRoute(await routeByKey('POST /api/v1/products/[productId]/photos'), { services: broken, actor: coordinator, locale: 'en' }, { params: { productId: product.id }, form: { file: new File([new Uint8Array(photo)], 'a.jpg', { type: 'image/jpeg' }) } });
			expect(api.status).toBe(503);
			expect(api.body).toEqual({ error: { code: 'storage_unavailable', message: translator('en')('security.storageUnwritable') } });
			expect(api.headers?.get('retry-after')).toMatch(/^\d+$/);
			expect(changedTables(before, await digestTables(ctx.database))).toEqual([]);
			expect(await s3.keys()).toEqual(bucketBefore);

			// showing a photo while the bucket is away: 503 'coba lagi', never a 500
			const media = await callRoute(await routeByKey('GET /media/[...key]'), { services: broken, actor: PUBLIC_ACTOR }, { params: { key: 'p/aa/0123456789abcdef01234567-thumb.webp' } });
			expect(media.status).toBe(503);
			expect(media.error).toBeUndefined();
		} finally {
			down.destroy();
		}
	});

	it('should treat refused credentials and a missing bucket as unavailable (503), not as a missing photo', async () => {
		// s3rver knows one account (S3RVER) and refuses any other key id (403 InvalidAccessKeyId); it does not verify V4 signatures.
		const wrongKey = new S3Storage({ ...s3.config, accessKeyId: 'NOT-AN-ACCOUNT' });
		const noBucket = new S3Storage({ ...s3.config, bucket: `${s3.bucket}-missing` });
		try {
			for (const bad of [wrongKey, noBucket]) {
				await expect(bad.put('p/aa/0123456789abcdef01234567-thumb.webp', Buffer.from('x'))).rejects.toBeInstanceOf(StorageUnavailableError);
				await expect(bad.get('p/aa/0123456789abcdef01234567-thumb.webp')).rejects.toBeInstanceOf(StorageUnavailableError);
				await expect(bad.checkWritable()).rejects.toBeInstanceOf(StorageUnavailableError);
			}
		} finally {
			wrongKey.destroy();
			noBucket.destroy();
		}
	});

	it('should pick the storage from the environment: filesystem by default, S3 with MEDIA_STORAGE=s3, and refuse settings that cannot work', async () => {
		expect(loadMediaStorageConfig('/srv/ecrav', {})).toEqual({ kind: 'filesystem', root: '/srv/ecrav/media' });
		const env = { MEDIA_STORAGE: 's3', S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };
		const config = loadMediaStorageConfig('/srv/ecrav', env);
		expect(config).toMatchObject({ kind: 's3', bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true });
		expect(loadMediaStorageConfig('/srv/ecrav', { ...env, S3_ENDPOINT: '', S3_FORCE_PATH_STYLE: '' })).toMatchObject({ forcePathStyle: false });
		expect(loadMediaStorageConfig('/srv/ecrav', { ...env, S3_FORCE_PATH_STYLE: 'false' })).toMatchObject({ forcePathStyle: false });
		const fromEnv = createMediaStorage(config);
		expect(fromEnv).toBeInstanceOf(S3Storage);
		await fromEnv.checkWritable();
		(fromEnv as S3Storage).destroy();
		expect(() => loadMediaStorageConfig('/srv/ecrav', { MEDIA_STORAGE: 's3' })).toThrow(/S3_BUCKET/);
		expect(() => loadMediaStorageConfig('/srv/ecrav', { MEDIA_STORAGE: 'ftp' })).toThrow(/MEDIA_STORAGE/);
		expect(() => loadMediaStorageConfig('/srv/ecrav', { ...env, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
		expect(() => loadMediaStorageConfig('/srv/ecrav', { ...env, S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
	});
});

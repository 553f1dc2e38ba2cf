import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, changedTables, digestTables, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import { createServices, type Services } from '../../src/lib/server/services';
import { FilesystemStorage } from '../../src/lib/server/media/storage';
import { translator } from '../../src/lib/i18n';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Product } from '../../src/lib/server/db/schema';
import sharp from 'sharp';
import { createDb, migrate, pendingMigrations } from '../../src/lib/server/db';

/** Issue 8 item 10: a media folder that cannot be written gives a clear message (not a 500) and /readyz says so. */

let ctx: TestContext;
let broken: Services;
let product: Product;
let coordinator: Actor;
let photo: Buffer;

beforeAll(async () => {
	ctx = await createTestContext();
	// The media folder lies under a plain file: nothing can ever be created there, even by root.
	const blocker = join(ctx.dataDir, 'not-a-folder');
	await writeFile(blocker, 'x');
	broken = createServices({ database: ctx.database, storage: new FilesystemStorage(join(blocker, 'media')) });
	const community = await makeCommunity(ctx.services, { slug: 'penyimpanan' });
	product = await makeProduct(ctx.services, await makeShop(ctx.services, community));
	const id = await ctx.services.auth.createUser(system, { name: 'Koordinator Foto', email: 'foto@contoh.test' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
	photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c96' } }).jpeg().toBuffer();
});
afterAll(() => ctx.cleanup());

describe(`readiness and an unwritable media folder (${TEST_DIALECT})`, () => {
	it('should answer /readyz 200 when the database answers and the media folder is writable', async () => {
		const r = await callRoute(await routeByKey('GET /readyz'), { services: ctx.services, actor: system }, {});
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ status: 'ready', checks: { database: 'ok', storage: 'ok' } });
	});

	it('should answer /readyz 503 naming the storage when the media folder cannot be written, while /healthz stays 200', async () => {
		const r = await callRoute(await routeByKey('GET /readyz'), { services: broken, actor: system }, {});
		expect(r.status).toBe(503);
		expect(r.body).toEqual({ status: 'unavailable', checks: { database: 'ok', storage: 'not_writable' } });
		expect((await callRoute(await routeByKey('GET /healthz'), { services: broken, actor: system }, {})).status).toBe(200);
	});

	it('should refuse a photo with a clear message (503, not a generic 500) and change nothing', async () => {
		const before = await digestTables(ctx.database);
		const form = await callRoute(await routeByKey('POST /jual/produk/[id]?/foto'), { services: broken, actor: coordinator }, { params: { id: product.id }, form: { photo: new File([new Uint8Array(photo)], 'a.jpg', { type: 'image/jpeg' }) } });
		expect(form.status).toBe(503);
		expect((form.body as { message: string }).message).toBe(translator('id')('security.storageUnwritable'));
		const api = await callRoute(await routeByKey('POST /api/v1/products/[productId]/photos'), { services: broken, actor: coordinator, locale: 'en' }, { params: { productId: product.id }, form: { file: new File([new Uint8Array(photo)], 'a.jpg', { type: 'image/jpeg' }) } });
		expect(api.status).toBe(503);
		expect(api.body).toEqual({ error: { code: 'storage_unavailable', message: translator('en')('security.storageUnwritable') } });
		expect(api.headers?.get('retry-after')).toMatch(/^\d+$/);
		expect(changedTables(before, await digestTables(ctx.database))).toEqual([]);
	});

	it('should answer /readyz 503 (database unavailable, quickly) and /healthz 200 when the database cannot be reached', async () => {
		// a PostgreSQL server that is not there: nothing listens on port 1
		const nowhere = await createDb({ url: 'postgres://ecrav@127.0.0.1:1/tidak_ada', lockTimeoutMs: 500 });
		try {
			const down = createServices({ database: nowhere, storage: new FilesystemStorage(join(ctx.dataDir, 'media')) });
			const started = Date.now();
			const r = await callRoute(await routeByKey('GET /readyz'), { services: down, actor: system }, {});
			expect(r.status).toBe(503);
			expect(r.body).toEqual({ status: 'unavailable', checks: { database: 'unavailable', storage: 'ok' } });
			expect(r.headers?.get('retry-after')).toBe('30');
			expect(Date.now() - started).toBeLessThan(5000);
			expect((await callRoute(await routeByKey('GET /healthz'), { services: down, actor: system }, {})).status).toBe(200);
		} finally {
			await nowhere.destroy();
		}
	});

	it('should answer /readyz 503 (migrations pending) for a database this release has not migrated yet, and 200 once it is', async () => {
		const old = await createTestContext({ migrateTo: '0030-visits' });
		try {
			expect(await pendingMigrations(old.database)).toContain('0031-visits-2');
			const r = await callRoute(await routeByKey('GET /readyz'), { services: old.services, actor: system }, {});
			expect(r.status).toBe(503);
			expect(r.body).toEqual({ status: 'unavailable', checks: { database: 'migrations_pending', storage: 'ok' } });
			await migrate(old.database);
			expect(await pendingMigrations(old.database)).toEqual([]);
			expect((await callRoute(await routeByKey('GET /readyz'), { services: old.services, actor: system }, {})).status).toBe(200);
		} finally {
			await old.cleanup();
		}
	});
});

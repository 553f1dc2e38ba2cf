import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createTestContext, TEST_DATABASE_URL, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop, system } from '../helpers/factories';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import type { Community, Product } from '../../src/lib/server/db/schema';

/**
 * Issue 8 item 8: another writer holds the database (a backup tool, the CLI, a long transaction). Writes that
 * need it wait a little, asynchronously, then answer 503 + Retry-After; reads, /healthz and the event loop go on.
 */

const LOCK_TIMEOUT_MS = 2000;
let ctx: TestContext;
let community: Community;
let product: Product;
let coordinator: Actor;

beforeAll(async () => {
	ctx = await createTestContext({ sqliteFile: true, lockTimeoutMs: LOCK_TIMEOUT_MS });
	community = await makeCommunity(ctx.services, { slug: 'sibuk' });
	product = await makeProduct(ctx.services, await makeShop(ctx.services, community), { name: 'Keripik sibuk' });
	const id = await ctx.services.auth.createUser(system, { name: 'Koordinator Sibuk', email: 'sibuk@contoh.test' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
});
afterAll(() => ctx.cleanup());

/** Another process holding the write lock on the product row (SQLite: the whole database). */
async function holdLock(): Promise<{ release(): Promise<void> }> {
	if (TEST_DIALECT === 'sqlite') {
		const other = new SQLite(join(ctx.dataDir, 'test.sqlite'));
		other.exec('BEGIN IMMEDIATE');
		other.prepare('update product set name = name where id = ?').run(product.id);
		return {
			async release() {
				other.exec('ROLLBACK');
				other.close();
			}
		};
	}
	const schema = (await ctx.database.db.selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s')).executeTakeFirstOrThrow()).s;
	const other = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
	await other.connect();
	await other.query('BEGIN');
	await other.query('update product set name = name where id = $1', [product.id]);
	return {
		async release() {
			await other.query('ROLLBACK');
			await other.end();
		}
	};
}

/** The longest the event loop went without running a timer, while fn ran. */
async function maxLoopGap<T>(fn: () => Promise<T>): Promise<{ result: T; gap: number; ms: number }> {
	let last = Date.now();
	let gap = 0;
	const timer = setInterval(() => {
		const now = Date.now();
		gap = Math.max(gap, now - last);
		last = now;
	}, 5);
	const started = Date.now();
	try {
		const result = await fn();
		return { result, gap, ms: Date.now() - started };
	} finally {
		clearInterval(timer);
	}
}

const patch = (name: string) => ({ params: { productId: product.id }, json: { name } });

describe(`busy database (${TEST_DIALECT})`, () => {
	it('should answer a write 503 with Retry-After after a short wait, while reads and /healthz keep flowing', async () => {
		const patchRoute = await routeByKey('PATCH /api/v1/products/[productId]');
		const health = await routeByKey('GET /healthz');
		const lock = await holdLock();
		try {
			const write = maxLoopGap(() => callRoute(patchRoute, { services: ctx.services, actor: coordinator }, patch('Keripik tertahan')));
			// While the write waits: a public read and the health check answer at once.
			const readStarted = Date.now();
			const list = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, {});
			const healthz = await callRoute(health, { services: ctx.services, actor: PUBLIC_ACTOR }, {});
			const readMs = Date.now() - readStarted;
			const { result, gap, ms } = await write;

			expect(list.items.map((p) => p.name)).toContain('Keripik sibuk');
			expect(healthz.status).toBe(200);
			expect(readMs).toBeLessThan(LOCK_TIMEOUT_MS / 2);
			expect(result.status).toBe(503);
			expect(result.headers?.get('retry-after')).toMatch(/^\d+$/);
			expect(result.body).toMatchObject({ error: { code: 'busy' } });
			expect(ms).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 20);
			expect(ms).toBeLessThan(LOCK_TIMEOUT_MS + 4000);
			// better-sqlite3's own busy wait would freeze the loop for the whole wait; ours sleeps asynchronously.
			expect(gap).toBeLessThan(LOCK_TIMEOUT_MS / 2);
		} finally {
			await lock.release();
		}
		const stored = await ctx.database.db.selectFrom('product').select('name').where('id', '=', product.id).executeTakeFirstOrThrow();
		expect(stored.name).toBe('Keripik sibuk');
	});

	it('should let the write through when the lock is released within the wait', async () => {
		const patchRoute = await routeByKey('PATCH /api/v1/products/[productId]');
		const lock = await holdLock();
		const write = callRoute(patchRoute, { services: ctx.services, actor: coordinator }, patch('Keripik sabar'));
		await new Promise((r) => setTimeout(r, LOCK_TIMEOUT_MS / 3));
		await lock.release();
		expect((await write).status).toBe(200);
		const stored = await ctx.database.db.selectFrom('product').select('name').where('id', '=', product.id).executeTakeFirstOrThrow();
		expect(stored.name).toBe('Keripik sabar');
	});

	it('should answer a form action 503 (not 500) when the database stays busy', async () => {
		const simpan = await routeByKey('POST /jual/produk/[id]?/simpan');
		const lock = await holdLock();
		try {
			const result = await callRoute(simpan, { services: ctx.services, actor: coordinator }, { params: { id: product.id }, form: { name: 'Keripik formulir', categorySlug: 'camilan-keripik', price: '10000', unit: 'bungkus', stock: '1' } });
			expect(result.status).toBe(503);
			expect(JSON.stringify(result.body)).toContain('sibuk');
		} finally {
			await lock.release();
		}
	});
});

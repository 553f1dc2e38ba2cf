/**
 * Scale simulation on PostgreSQL (issue 12 item 7): 1,000 communities × 25 shops × 20 products (500,000 published
 * products) and a year of orders, then p50/p95 of what the pages ask the services for. Prints one JSON document.
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5433/h_scale npx tsx bench/scale.ts
 *   BENCH_COMMUNITIES=1000  BENCH_SHOPS=25  BENCH_PRODUCTS=20   (per community / per shop)
 *   BENCH_ORDERS_PER_DAY=5  orders a day per community over the year (1,000 × 5 × 365 ≈ 1.8 M orders)
 *   BENCH_REUSE=1           keep a database already loaded with the same sizes (else it is emptied and regenerated)
 *   BENCH_RUNS=50           timed runs per operation (after BENCH_WARMUP=5)
 *   BENCH_ONLY=catalog,…    catalog, searchCommon, searchRare, searchNone, shop, product, indicators, dashboard, admin
 * The database named in the URL is used whole: its public schema is dropped and recreated unless reused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, migrate } from '../src/lib/server/db';
import { createServices } from '../src/lib/server/services';
import { FilesystemStorage } from '../src/lib/server/media/storage';
import { systemActor, PUBLIC_ACTOR, type Actor } from '../src/lib/server/auth/actor';
import { generate, RARE_WORD, type ScaleSize } from './scale-data';

const url = process.env.BENCH_PG_URL;
if (!url) throw new Error('Set BENCH_PG_URL=postgres://…/h_scale (a database this bench may empty)');
const size: ScaleSize = {
	communities: Number(process.env.BENCH_COMMUNITIES ?? 1000),
	shopsPerCommunity: Number(process.env.BENCH_SHOPS ?? 25),
	productsPerShop: Number(process.env.BENCH_PRODUCTS ?? 20),
	ordersPerDay: Number(process.env.BENCH_ORDERS_PER_DAY ?? 5)
};
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const ONLY = process.env.BENCH_ONLY?.split(',');
const log = (s: string) => process.stderr.write(`[scale] ${s}\n`);
const admin: Actor = { kind: 'user', userId: 'usr_b1_0', name: 'Admin Bench', isPlatformAdmin: true, memberships: [], shopIds: [] };
const system = systemActor('bench-scale');

/** Loads the data unless BENCH_REUSE=1 finds it already there with the same sizes. */
async function prepare(): Promise<{ reused: boolean; loadMs: number; steps?: Record<string, number> }> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		const key = JSON.stringify(size);
		if (process.env.BENCH_REUSE === '1') {
			const r = await c.query(`SELECT to_regclass('public.bench_scale_meta') IS NOT NULL AS ok`);
			if (r.rows[0].ok && (await c.query(`SELECT 1 FROM bench_scale_meta WHERE size = $1`, [key])).rowCount) {
				log('reusing the loaded database');
				const t = performance.now();
				const database = await createDb({ url: url!, statementTimeoutMs: 0 });
				await migrate(database); // new migrations (indexes) land on the loaded data
				await database.destroy();
				const migrateMs = Math.round(performance.now() - t);
				log(`migrations on the loaded data: ${migrateMs} ms`);
				return { reused: true, loadMs: 0, steps: { migrateMs } };
			}
		}
		const t = performance.now();
		await c.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
		const database = await createDb({ url: url!, statementTimeoutMs: 0 });
		await migrate(database);
		await database.destroy();
		const steps = await generate(url!, size, log);
		await c.query(`CREATE TABLE bench_scale_meta (size text primary key)`);
		await c.query(`INSERT INTO bench_scale_meta VALUES ($1)`, [key]);
		const loadMs = Math.round(performance.now() - t);
		log(`loaded in ${(loadMs / 1000).toFixed(1)} s`);
		return { reused: false, loadMs, steps };
	} finally {
		await c.end();
	}
}

function stats(ms: number[]) {
	const s = [...ms].sort((a, b) => a - b);
	const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10;
	return { runs: s.length, p50Ms: at(50), p95Ms: at(95), maxMs: Math.round(s[s.length - 1] * 10) / 10 };
}

/** Runs `fn(i)` WARMUP times, then RUNS timed; `i` picks a different community each run, so per-version caches miss. */
async function time(fn: (i: number) => Promise<unknown>) {
	for (let i = 0; i < WARMUP; i++) await fn(1000 + i);
	const ms: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		await fn(i);
		ms.push(performance.now() - t);
	}
	return stats(ms);
}

async function measure() {
	const dataDir = await mkdtemp(join(tmpdir(), 'ecrav-bench-scale-'));
	const database = await createDb({ url: url! });
	const services = createServices({ database, storage: new FilesystemStorage(join(dataDir, 'media')) });
	const slugOf = (i: number) => `desa-bench-${1 + ((i * 37) % size.communities)}`;
	const community = (i: number) => services.communities.getBySlug(PUBLIC_ACTOR, slugOf(i));
	const shopSlug = async (communityId: string, i: number) =>
		(await database.db.selectFrom('shop').select('slug').where('community_id', '=', communityId).where('status', '=', 'active').orderBy('id').offset(i % 10).limit(1).executeTakeFirstOrThrow()).slug;
	// One program per measured community (the coordinator's workspace), made once through the service.
	const programs: string[] = [];
	for (let i = 0; i < 10; i++) {
		const c = await community(i);
		const found = await database.db.selectFrom('program').select('id').where('community_id', '=', c.id).executeTakeFirst();
		programs.push(found?.id ?? (await services.programs.create(system, await services.communities.getById(system, c.id), { name: 'Program Bench' })).id);
	}
	const ops: Record<string, (i: number) => Promise<unknown>> = {
		// The catalog page: the layout's community, then products page 1, category counts and the shop list at once.
		catalog: async (i) => {
			const c = await community(i);
			return Promise.all([services.catalog.listProducts(PUBLIC_ACTOR, c, {}), services.catalog.categoryCounts(PUBLIC_ACTOR, c), services.shops.listByCommunity(PUBLIC_ACTOR, c)]);
		},
		catalogPage5: async (i) => services.catalog.listProducts(PUBLIC_ACTOR, await community(i), { page: '5' }),
		searchCommon: async (i) => services.catalog.listProducts(PUBLIC_ACTOR, await community(i), { q: 'keripik' }),
		searchTwoWords: async (i) => services.catalog.listProducts(PUBLIC_ACTOR, await community(i), { q: 'keripik pedas' }),
		searchRare: async (i) => services.catalog.listProducts(PUBLIC_ACTOR, await community(i), { q: 'gemblong' }),
		searchNone: async (i) => services.catalog.listProducts(PUBLIC_ACTOR, await community(i), { q: RARE_WORD }),
		shop: async (i) => {
			const c = await community(i);
			const shop = await services.shops.getBySlug(PUBLIC_ACTOR, c, await shopSlug(c.id, i));
			if (await services.shops.isOpen(PUBLIC_ACTOR, shop)) await services.catalog.listProducts(PUBLIC_ACTOR, c, { shop: shop.slug, perPage: '48' });
		},
		product: async (i) => {
			const c = await community(i);
			const shop = await services.shops.getBySlug(PUBLIC_ACTOR, c, await shopSlug(c.id, i));
			const p = await database.db.selectFrom('product').select('slug').where('shop_id', '=', shop.id).limit(1).executeTakeFirstOrThrow();
			return services.catalog.getProduct(PUBLIC_ACTOR, c, shop, p.slug);
		},
		indicators: (i) => services.indicators.list(system, programs[i % programs.length]),
		dashboard: (i) => services.indicators.dashboard(system, programs[i % programs.length]),
		admin: () => services.admin.platform(admin)
	};
	const out: Record<string, unknown> = {};
	for (const [name, fn] of Object.entries(ops)) {
		if (ONLY && !ONLY.includes(name)) continue;
		out[name] = await time(fn);
		log(`${name}: ${JSON.stringify(out[name])}`);
	}
	const sample = await services.catalog.listProducts(PUBLIC_ACTOR, await community(0), { q: 'keripik' });
	const rare = await services.catalog.listProducts(PUBLIC_ACTOR, await community(0), { q: 'gemblong' });
	const platform = await services.admin.platform(admin);
	await database.destroy();
	await rm(dataDir, { recursive: true, force: true });
	return { timings: out, sample: { keripikMatches: sample.page.total, gemblongMatches: rare.page.total, platformTotals: platform.totals } };
}

async function sizes() {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		const db = await c.query(`SELECT pg_database_size(current_database()) AS bytes`);
		const tables = await c.query(`SELECT c.relname AS table, c.reltuples AS rows, pg_total_relation_size(c.oid) AS bytes, pg_indexes_size(c.oid) AS index_bytes
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 3 DESC LIMIT 8`);
		const mb = (b: unknown) => Math.round(Number(b) / 1048576);
		return { databaseMB: mb(db.rows[0].bytes), largest: tables.rows.map((r) => ({ table: r.table, rows: Number(r.rows), totalMB: mb(r.bytes), indexMB: mb(r.index_bytes) })) };
	} finally {
		await c.end();
	}
}

const started = new Date().toISOString();
const load = await prepare();
const result = await measure();
console.log(JSON.stringify({ date: started, node: process.version, size, ordersInYear: size.communities * size.ordersPerDay * 365, load, ...result, ...(await sizes()) }, null, 2));

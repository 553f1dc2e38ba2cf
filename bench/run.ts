/**
 * E-Crav speed and size measurements. Prints one JSON document; nothing here asserts (goals are read by people).
 *   npm run bench                      all of it (≈3 minutes)
 *   BENCH_ONLY=weight,photos,http,search npm run bench
 *   BENCH_PG_URL=postgres://…          also measure search on PostgreSQL
 *   BENCH_DURATION=10                  seconds per HTTP run (default 10)
 */
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, migrate, type Database } from '../src/lib/server/db';
import { createServices } from '../src/lib/server/services';
import { FilesystemStorage } from '../src/lib/server/media/storage';
import { PUBLIC_ACTOR } from '../src/lib/server/auth/actor';
import { startServer } from './server';
import { pageWeight } from './page-weight';
import { generateCatalog } from './generate';

const only = new Set((process.env.BENCH_ONLY ?? 'weight,photos,image,http,orders,catalog,search').split(','));
const duration = Number(process.env.BENCH_DURATION ?? 10);
const out: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };

async function load(url: string) {
	const r = await autocannon({ url, connections: 50, duration, headers: { 'accept-encoding': 'gzip' } });
	return { url: url.replace(/^http:\/\/[^/]+/, ''), requestsPerSec: Math.round(r.requests.average), latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max }, non2xx: r.non2xx, errors: r.errors };
}

async function photoStats(database: Database) {
	const rows = await database.db.selectFrom('product_photo').select('variants').execute();
	const by: Record<string, number[]> = {};
	for (const r of rows) for (const v of JSON.parse(r.variants) as { name: string; bytes: number; width: number }[]) (by[`${v.name} (${v.width}px)`] ??= []).push(v.bytes);
	return Object.fromEntries(
		Object.entries(by).map(([k, v]) => [k, { count: v.length, minBytes: Math.min(...v), avgBytes: Math.round(v.reduce((a, b) => a + b, 0) / v.length), maxBytes: Math.max(...v) }])
	);
}

function percentile(sorted: number[], p: number) {
	return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
}

async function searchLatency(database: Database, label: string) {
	const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-'));
	await migrate(database);
	const t0 = Date.now();
	await generateCatalog(database, 'bench100k', 100_000, null);
	const generatedMs = Date.now() - t0;
	const services = createServices({ database, storage: new FilesystemStorage(dir) });
	const community = await services.communities.getBySlug(PUBLIC_ACTOR, 'bench100k');
	const queries = ['ketempling', 'ketemp', 'kripik pedas', 'sambal', 'sambel cumi', 'makanan', 'basreng daun jeruk', 'ketempling balado', 'dodol manis 250', 'keju', 'es cendol', 'tidakada'];
	for (const q of queries) await services.catalog.listProducts(PUBLIC_ACTOR, community, { q }); // warm up
	const all: number[] = [];
	const perQuery: Record<string, { p50: number; p95: number; total: number }> = {};
	for (const q of queries) {
		const times: number[] = [];
		let total = 0;
		for (let i = 0; i < 30; i++) {
			const s = performance.now();
			const r = await services.catalog.listProducts(PUBLIC_ACTOR, community, { q });
			times.push(performance.now() - s);
			total = r.page.total;
		}
		times.sort((a, b) => a - b);
		all.push(...times);
		perQuery[q] = { p50: percentile(times, 50), p95: percentile(times, 95), total };
	}
	all.sort((a, b) => a - b);
	await rm(dir, { recursive: true, force: true });
	return { database: label, products: 100_000, generatedInMs: generatedMs, p50Ms: percentile(all, 50), p95Ms: percentile(all, 95), perQuery };
}

/** A 12 MP phone photo (4000 × 3000, detailed, with EXIF) through the real pipeline: time and bytes out. */
async function imagePipeline() {
	const sharp = (await import('sharp')).default;
	const { processPhoto } = await import('../src/lib/server/media/image-pipeline');
	const noise = await sharp({ create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
	const circles = Array.from({ length: 40 }, (_, i) => `<circle cx="${(i * 397) % 4000}" cy="${(i * 613) % 3000}" r="${120 + (i % 5) * 40}" fill="hsl(${(i * 37) % 360},70%,55%)" opacity="0.8"/>`).join('');
	const photo = await sharp(noise)
		.composite([{ input: Buffer.from(`<svg width="4000" height="3000">${circles}</svg>`) }])
		.withExif({ IFD0: { Make: 'Bench', Model: 'Phone' } })
		.jpeg({ quality: 90 })
		.toBuffer();
	const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-img-'));
	const storage = new FilesystemStorage(dir);
	const times: number[] = [];
	let last;
	for (let i = 0; i < 5; i++) {
		// A different byte each run so nothing is served from the content-hash shortcut.
		const input = Buffer.concat([photo.subarray(0, photo.length - 2), Buffer.from([i]), photo.subarray(photo.length - 2)]);
		const s = performance.now();
		last = await processPhoto(storage, input);
		times.push(performance.now() - s);
	}
	await rm(dir, { recursive: true, force: true });
	times.sort((a, b) => a - b);
	return {
		input: { width: 4000, height: 3000, bytes: photo.length },
		runs: times.length,
		msMedian: Number(times[Math.floor(times.length / 2)].toFixed(0)),
		msMax: Number(times.at(-1)!.toFixed(0)),
		outputs: last?.variants.map((v) => ({ name: v.name, width: v.width, height: v.height, bytes: v.bytes }))
	};
}

/**
 * Places checkouts at rising concurrency through the real API (SQLite server), every 10th request a retry
 * of the previous key. Afterwards every acknowledged checkout must be in the database exactly once.
 */
async function orderLoad(base: string, dataDir: string) {
	const login = await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'jj@cigadung.test', password: 'demo-cigadung-2024' }) })).json();
	const shopId = (await (await fetch(`${base}/api/v1/me/shops`, { headers: { authorization: `Bearer ${login.token}` } })).json()).data[0].id;
	const products = (await (await fetch(`${base}/api/v1/shops/${shopId}/products`, { headers: { authorization: `Bearer ${login.token}` } })).json()).data;
	const product = products[0];
	await fetch(`${base}/api/v1/products/${product.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` }, body: JSON.stringify({ stock: 1_000_000 }) });
	const body = JSON.stringify({ buyer: { name: 'Bench', whatsapp: '081234567890' }, lines: [{ productId: product.id, quantity: 1 }], shops: { 'ketempling-jj': { delivery: 'pickup', payment: 'cod' } } });
	const acknowledged = new Map<string, string>();
	const levels = [];
	let n = 0;
	for (const concurrency of [1, 5, 10, 25, 50]) {
		const latencies: number[] = [];
		let errors = 0;
		const end = Date.now() + duration * 500;
		let lastKey = '';
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (Date.now() < end) {
					const key = ++n % 10 === 0 && lastKey ? lastKey : `bench-${process.pid}-${n}`;
					lastKey = key;
					const s = performance.now();
					const res = await fetch(`${base}/api/v1/communities/cigadung/checkouts`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body });
					const json = await res.json();
					latencies.push(performance.now() - s);
					if (res.status === 201 || res.status === 200) {
						const prev = acknowledged.get(key);
						if (prev && prev !== json.code) errors++; // a retry must return the same checkout
						acknowledged.set(key, json.code);
					} else errors++;
				}
			})
		);
		latencies.sort((a, b) => a - b);
		levels.push({ concurrency, requests: latencies.length, ordersPerSec: Math.round(latencies.length / (duration / 2)), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), errors });
	}
	const db = await createDb({ url: `sqlite:${join(dataDir, 'ecrav.sqlite')}` });
	const rows = await db.db.selectFrom('checkout').select(['code', 'idempotency_key']).where('buyer_name', '=', 'Bench').execute();
	await db.destroy();
	const inDb = new Map(rows.map((r) => [r.idempotency_key, r.code]));
	const missing = [...acknowledged].filter(([k, code]) => inDb.get(k) !== code).length;
	return { levels, acknowledgedCheckouts: acknowledged.size, checkoutsInDatabase: rows.length, missingOrDifferent: missing, extraInDatabase: rows.length - acknowledged.size, everyAcknowledgedOrderExactlyOnce: missing === 0 && rows.length === acknowledged.size };
}

const cleanup: (() => Promise<void> | void)[] = [];
try {
	if (only.has('weight') || only.has('photos') || only.has('http')) {
		const demoDir = await mkdtemp(join(tmpdir(), 'ecrav-bench-demo-'));
		cleanup.push(() => rm(demoDir, { recursive: true, force: true }));
		const demo = await startServer({ DATA_DIR: demoDir, DATABASE_URL: '', ECRAV_DEMO: 'on' });
		cleanup.push(() => void demo.child.kill());
		if (only.has('weight')) {
			out.pageWeight = {
				catalog: await pageWeight(demo.base, '/c/cigadung'),
				search: await pageWeight(demo.base, '/c/cigadung?q=ketempling'),
				product: await pageWeight(demo.base, '/c/cigadung/toko/ketempling-jj/ketempling-original-250-g')
			};
		}
		if (only.has('photos')) {
			const db = await createDb({ url: `sqlite:${join(demoDir, 'ecrav.sqlite')}` });
			out.photoVariants = await photoStats(db);
			await db.destroy();
		}
		if (only.has('http')) {
			out.httpDemo = [await load(`${demo.base}/c/cigadung`), await load(`${demo.base}/api/v1/communities/cigadung/products`)];
			const variants = (await (await createDb({ url: `sqlite:${join(demoDir, 'ecrav.sqlite')}` })).db.selectFrom('product_photo').select('variants').executeTakeFirst())?.variants ?? null;
			const bigDir = await mkdtemp(join(tmpdir(), 'ecrav-bench-10k-'));
			cleanup.push(() => rm(bigDir, { recursive: true, force: true }));
			const big = await createDb({ url: `sqlite:${join(bigDir, 'ecrav.sqlite')}` });
			await migrate(big);
			await generateCatalog(big, 'bench10k', 10_000, variants);
			await big.destroy();
			const server = await startServer({ DATA_DIR: bigDir, DATABASE_URL: '', ECRAV_DEMO: 'off' });
			cleanup.push(() => void server.child.kill());
			out.http10k = [
				await load(`${server.base}/c/bench10k`),
				await load(`${server.base}/c/bench10k?q=keripik+pedas`),
				await load(`${server.base}/api/v1/communities/bench10k/products`)
			];
			server.child.kill();
			// The same without the page cache: what every first view after a change costs.
			const uncached = await startServer({ DATA_DIR: bigDir, DATABASE_URL: '', ECRAV_DEMO: 'off', ECRAV_PAGE_CACHE: 'off' });
			cleanup.push(() => void uncached.child.kill());
			out.http10kUncached = [
				await load(`${uncached.base}/c/bench10k`),
				await load(`${uncached.base}/c/bench10k?q=keripik+pedas`),
				await load(`${uncached.base}/api/v1/communities/bench10k/products`)
			];
		}
	}
	if (only.has('image')) out.imagePipeline = await imagePipeline();
	// Catalog speed at 10,000 products and the view after an order (bench/catalog.ts, its own JSON document).
	if (only.has('catalog')) {
		const { execFileSync } = await import('node:child_process');
		out.catalog10k = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/catalog.ts'], { encoding: 'utf8', env: { ...process.env, BENCH_DURATION: String(Math.min(duration, 5)) }, maxBuffer: 1 << 24 }));
	}
	if (only.has('orders')) {
		const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-orders-'));
		cleanup.push(() => rm(dir, { recursive: true, force: true }));
		const server = await startServer({ DATA_DIR: dir, DATABASE_URL: '', ECRAV_DEMO: 'on' });
		cleanup.push(() => void server.child.kill());
		out.orders = await orderLoad(server.base, dir);
	}
	if (only.has('search')) {
		const searches = [];
		const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-100k-'));
		cleanup.push(() => rm(dir, { recursive: true, force: true }));
		const sqlite = await createDb({ url: `sqlite:${join(dir, 'search.sqlite')}` });
		searches.push(await searchLatency(sqlite, 'sqlite'));
		await sqlite.destroy();
		if (process.env.BENCH_PG_URL) {
			const schema = `bench_${Date.now().toString(36)}`;
			const admin = new pg.Client({ connectionString: process.env.BENCH_PG_URL });
			await admin.connect();
			await admin.query(`CREATE SCHEMA ${schema}`);
			const database = await createDb({ url: process.env.BENCH_PG_URL, schema });
			searches.push(await searchLatency(database, 'postgres'));
			await database.destroy();
			await admin.query(`DROP SCHEMA ${schema} CASCADE`);
			await admin.end();
		} else searches.push({ database: 'postgres', skipped: 'set BENCH_PG_URL=postgres://… to measure' });
		out.search = searches;
	}
} finally {
	for (const c of cleanup.reverse()) await c();
}
console.log(JSON.stringify(out, null, 2));
process.exit(0);

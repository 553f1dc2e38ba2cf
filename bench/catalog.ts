/**
 * Catalog speed at 10,000 products (issue 10, item 7). Needs a build (`npm run build`).
 *   npx tsx bench/catalog.ts            BENCH_DURATION=5 (seconds per autocannon run), BENCH_CONNECTIONS=50
 * Generates a 10k-product community on SQLite, starts scripts/server.js twice (ECRAV_PAGE_CACHE=off, then on) and
 * prints one JSON document: req/s and p50/p99 for the uncached catalog page 1, a search, a shop page and a product
 * page; the cached catalog page; and the catalog page right after an order (each order followed by one timed view,
 * then a load run while orders keep coming).
 */
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '../src/lib/server/db';
import { generateCatalog } from './generate';
import { cpuMs, startServer, stopServer, type BenchServer } from './server';

const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SLUG = 'bench10k';

async function load(server: BenchServer, path: string) {
	for (let i = 0; i < 20; i++) await (await fetch(server.base + path)).arrayBuffer(); // warm
	const cpu0 = await cpuMs(server.child);
	const r = await autocannon({ url: server.base + path, connections, duration, headers: { 'accept-encoding': 'gzip' } });
	const cpu = (await cpuMs(server.child)) - cpu0;
	return {
		path,
		requestsPerSec: Math.round(r.requests.average),
		latencyMs: { p50: r.latency.p50, p99: r.latency.p99 },
		// One Node process uses one core for JavaScript: 1000 / this ≈ the req/s it could serve with a core of its own.
		serverCpuMsPerRequest: Number((cpu / Math.max(1, r.requests.total)).toFixed(2)),
		non2xx: r.non2xx,
		errors: r.errors
	};
}

function pct(sorted: number[], p: number) {
	return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
}

async function timedGet(url: string): Promise<number> {
	const s = performance.now();
	const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
	await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
	return performance.now() - s;
}

/** A checkout of one unit of a product (pickup, cash): what a buyer's order does to the catalog. */
async function order(base: string, productId: string, shopSlug: string, n: number) {
	const res = await fetch(`${base}/api/v1/communities/${SLUG}/checkouts`, {
		method: 'POST',
		// A different buyer address each time (the server trusts X-Forwarded-For here): the per-address limit is not measured.
		headers: { 'content-type': 'application/json', 'idempotency-key': `bench-catalog-${process.pid}-${n}`, 'x-forwarded-for': `10.9.${n >> 8}.${n & 255}` },
		body: JSON.stringify({ buyer: { name: 'Bench', whatsapp: '081234567890' }, lines: [{ productId, quantity: 1 }], shops: { [shopSlug]: { delivery: 'pickup', payment: 'cod' } } })
	});
	if (res.status !== 201 && res.status !== 200) throw new Error(`checkout → ${res.status} ${await res.text()}`);
}

const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-catalog-'));
const children: ChildProcess[] = [];
try {
	const database = await createDb({ url: `sqlite:${join(dir, 'ecrav.sqlite')}` });
	await migrate(database);
	// Every product carries a cover photo (variants as the image pipeline writes them) so pages weigh what real ones do.
	const variants = JSON.stringify(
		[['thumb', 300, 300], ['medium', 600, 600], ['large', 1200, 1200]].map(([name, width, height]) => ({ name, key: `products/bench/${name}-0123456789abcdef.webp`, width, height, bytes: 20_000 }))
	);
	await generateCatalog(database, SLUG, 10_000, variants);
	const pick = await database.db
		.selectFrom('product')
		.innerJoin('shop', 'shop.id', 'product.shop_id')
		.select(['product.id', 'product.slug', 'shop.slug as shopSlug'])
		.where('product.stock', '>', 0)
		.orderBy('product.published_at', 'desc')
		.executeTakeFirstOrThrow();
	// Plenty of stock, so every bench order succeeds and the product never sells out.
	await database.db.updateTable('product').set({ stock: 1_000_000 }).where('id', '=', pick.id).execute();
	await database.destroy();

	const out: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, products: 10_000, durationSec: duration, connections };
	const catalog = `/c/${SLUG}`;
	const pages = [catalog, `${catalog}?q=keripik+pedas`, `${catalog}/toko/${pick.shopSlug}`, `${catalog}/toko/${pick.shopSlug}/${pick.slug}`];

	const uncached = await startServer({ DATA_DIR: dir, DATABASE_URL: '', ECRAV_DEMO: 'off', ECRAV_PAGE_CACHE: 'off' }, NODE_ARGS);
	children.push(uncached.child);
	out.uncached = [];
	for (const p of pages) (out.uncached as unknown[]).push(await load(uncached, p));
	await stopServer(uncached.child, 'SIGINT');

	const cached = await startServer({ DATA_DIR: dir, DATABASE_URL: '', ECRAV_DEMO: 'off', ADDRESS_HEADER: 'x-forwarded-for' }, NODE_ARGS);
	children.push(cached.child);
	out.cached = [await load(cached, catalog)];
	// One order, then one catalog view, 30 times: does the view after an order render afresh?
	const after: number[] = [];
	const hit: number[] = [];
	for (let i = 0; i < 30; i++) {
		await order(cached.base, pick.id, pick.shopSlug, i);
		after.push(await timedGet(cached.base + catalog));
		hit.push(await timedGet(cached.base + catalog));
	}
	after.sort((a, b) => a - b);
	hit.sort((a, b) => a - b);
	out.viewAfterOrderMs = { runs: after.length, p50: pct(after, 50), p99: pct(after, 99), max: pct(after, 100) };
	out.secondViewMs = { runs: hit.length, p50: pct(hit, 50), p99: pct(hit, 99) };
	// The catalog under load while orders keep coming (about 10 a second).
	let ordering = true;
	let orders = 0;
	const orderLoop = (async () => {
		while (ordering) {
			await order(cached.base, pick.id, pick.shopSlug, 1000 + orders++);
			await new Promise((r) => setTimeout(r, 100));
		}
	})();
	const during = await load(cached, catalog);
	ordering = false;
	await orderLoop;
	out.cachedWhileOrdering = { ...during, orders };
	// A seller's change (a new price: the catalog version moves), then 50 visitors at once, 10 times: server CPU for
	// the 50 and how long the slowest waited. Every one of them misses the cache; they need not all render.
	const db = await createDb({ url: `sqlite:${join(dir, 'ecrav.sqlite')}` });
	const burst: number[] = [];
	const cpu0 = await cpuMs(cached.child);
	for (let i = 0; i < 10; i++) {
		await db.db.updateTable('product').set({ price: 20_000 + i * 500 }).where('id', '=', pick.id).execute();
		const s = performance.now();
		await Promise.all(Array.from({ length: 50 }, () => timedGet(cached.base + catalog)));
		burst.push(performance.now() - s);
	}
	await db.destroy();
	burst.sort((a, b) => a - b);
	out.fiftyViewsAfterChange = { runs: burst.length, serverCpuMsPer50: Number((((await cpuMs(cached.child)) - cpu0) / burst.length).toFixed(1)), wallMsP50: pct(burst, 50), wallMsMax: pct(burst, 100) };
	await stopServer(cached.child, 'SIGINT');
	console.log(JSON.stringify(out, null, 2));
} finally {
	for (const c of children) if (c.exitCode === null) c.kill();
	await rm(dir, { recursive: true, force: true });
}
process.exit(0);

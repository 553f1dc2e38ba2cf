/**
 * Issue 12 item 7, load: the catalog, a search, a product page and the checkout API at rising concurrency
 * (autocannon), on SQLite (one process, as `npm start`), on PostgreSQL with one process and with two
 * (WEB_CONCURRENCY=2, Node's cluster). Prints throughput, p50/p99 latency, non-2xx answers and the server's
 * peak memory (RSS of the primary and its workers, sampled every 200 ms) and the server's CPU ms per request per level as one JSON document.
 *
 * The demo community (ECRAV_DEMO=on), page cache on as deployed: a checkout moves the stock version, so pages that
 * show counts are rendered again after it. Every checkout has its own Idempotency-Key and client address (behind a
 * proxy: ADDRESS_HEADER), so the per-buyer limits stay out of the measurement; afterwards every 2xx checkout is
 * counted in the database.
 *
 * Run after `npm run build`: `npx tsx bench/load.ts`. Options: BENCH_PG_URL (a PostgreSQL server the bench may
 * create a database on; without it only SQLite), BENCH_DURATION (seconds per level, default 5),
 * BENCH_LEVELS (default 10,50,100), BENCH_CONFIGS (default sqlite,pg1,pg2), BENCH_TARGETS (default
 * catalog,search,product,checkout).
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { startServer, stopServer, type BenchServer } from './server';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const levels = (process.env.BENCH_LEVELS ?? '10,50,100').split(',').map(Number);
const configs = (process.env.BENCH_CONFIGS ?? 'sqlite,pg1,pg2').split(',');
const pgUrl = process.env.BENCH_PG_URL;
const only = new Set((process.env.BENCH_TARGETS ?? 'catalog,search,product,checkout').split(','));
const PROXY = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' };

/** RSS (MB) of the server and its cluster workers, from /proc. */
function rssMb(pid: number): number {
	const rss = (p: string) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
	let kb = 0;
	try {
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean);
		for (const p of [String(pid), ...children]) kb += rss(p);
	} catch {
		/* a worker just exited */
	}
	return Math.round(kb / 1024);
}

async function prepare(base: string) {
	const proxy = { 'x-forwarded-for': '10.255.0.1' };
	const login = (await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...proxy }, body: JSON.stringify({ login: 'jj@cigadung.test', password: 'demo-cigadung-2024' }) })).json()) as { token: string };
	const auth = { authorization: `Bearer ${login.token}`, ...proxy };
	const shop = ((await (await fetch(`${base}/api/v1/me/shops`, { headers: auth })).json()) as { data: { id: string; slug: string }[] }).data[0];
	const products = ((await (await fetch(`${base}/api/v1/shops/${shop.id}/products`, { headers: auth })).json()) as { data: { id: string; slug: string; variants?: unknown[] }[] }).data;
	const product = products.find((p) => !p.variants?.length)!;
	await fetch(`${base}/api/v1/products/${product.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ stock: 1_000_000 }) });
	return { shop, product };
}

/** CPU time (user + system, ms) of the server and its cluster workers, from /proc. */
function cpuMs(pid: number): number {
	const one = (p: string) => {
		const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
		const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
	};
	try {
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean);
		return [String(pid), ...children].reduce((sum, p) => sum + one(p), 0);
	} catch {
		return NaN;
	}
}

let orderNo = 0;
async function level(base: string, pid: number, name: string, connections: number, opts: Partial<autocannon.Options>) {
	let peak = rssMb(pid);
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
	const cpuBefore = cpuMs(pid);
	const r = await autocannon({ url: base, connections, duration, headers: { 'accept-encoding': 'gzip' }, ...opts });
	clearInterval(sampler);
	const serverCpuMsPerRequest = Number(((cpuMs(pid) - cpuBefore) / Math.max(1, r.requests.total)).toFixed(2));
	return { name, connections, reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, statuses: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, (v as { count: number }).count])), errors: r.errors + r.timeouts, ok2xx: r['2xx'], peakRssMb: peak, serverCpuMsPerRequest };
}

async function measure(server: BenchServer, countCheckouts: () => Promise<number>) {
	const { shop, product } = await prepare(server.base);
	const pid = server.child.pid!;
	const idleRssMb = rssMb(pid);
	const checkoutBody = JSON.stringify({ buyer: { name: 'Beban Uji', whatsapp: '081234567890' }, lines: [{ productId: product.id, quantity: 1 }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } });
	const targets: [string, Partial<autocannon.Options>][] = [
		['catalog', { url: `${server.base}/c/cigadung` }],
		['search', { url: `${server.base}/c/cigadung?q=keripik+pedas` }],
		['product', { url: `${server.base}/c/cigadung/toko/${shop.slug}/${product.slug}` }],
		[
			'checkout',
			{
				url: `${server.base}/api/v1/communities/cigadung/checkouts`,
				method: 'POST',
				body: checkoutBody,
				setupClient: (client) => {
					client.setHeaders({ 'content-type': 'application/json' });
				},
				requests: [
					{
						setupRequest: (req) => {
							const n = ++orderNo;
							return { ...req, method: 'POST', body: checkoutBody, headers: { ...req.headers, 'content-type': 'application/json', 'idempotency-key': `load-${process.pid}-${n}`, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
						}
					}
				]
			}
		]
	];
	const results = [];
	let acknowledged = 0;
	for (const [name, opts] of targets.filter(([n]) => only.has(n)))
		for (const c of levels) {
			const r = await level(server.base, pid, name, c, opts);
			if (name === 'checkout') acknowledged += r.ok2xx;
			results.push(r);
			console.error(JSON.stringify(r));
		}
	const inDatabase = await countCheckouts();
	// autocannon stops with requests in flight: those checkouts are saved but their answers never read (≤ connections)
	return { idleRssMb, levels: results, checkouts: { acknowledged, inDatabase, savedButAnswerUnread: inDatabase - acknowledged } };
}

const out: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, durationPerLevelS: duration };
for (const config of configs) {
	if (config !== 'sqlite' && !pgUrl) {
		out[config] = 'skipped: set BENCH_PG_URL';
		continue;
	}
	const dataDir = await mkdtemp(join(tmpdir(), 'ecrav-load-'));
	let databaseUrl = '';
	let dbName = '';
	if (config !== 'sqlite') {
		dbName = `load_${Date.now().toString(36)}`;
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`create database ${dbName}`);
		await admin.end();
		const u = new URL(pgUrl!);
		u.pathname = `/${dbName}`;
		databaseUrl = u.toString();
	}
	const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ECRAV_DEMO: 'on', LOG_LEVEL: 'warn', WEB_CONCURRENCY: config === 'pg2' ? '2' : '1', ...PROXY });
	if (config === 'pg2') await new Promise((r) => setTimeout(r, 3000)); // the second worker starts after the first migrated
	const countCheckouts = async () => {
		if (config === 'sqlite') {
			const db = new Database(join(dataDir, 'ecrav.sqlite'), { readonly: true });
			const n = Number((db.prepare(`select count(*) as n from checkout where buyer_name = 'Beban Uji'`).get() as { n: number }).n);
			db.close();
			return n;
		}
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		const n = Number((await client.query(`select count(*) as n from checkout where buyer_name = 'Beban Uji'`)).rows[0].n);
		await client.end();
		return n;
	};
	try {
		out[config] = await measure(server, countCheckouts);
	} finally {
		await stopServer(server.child);
		await rm(dataDir, { recursive: true, force: true });
	}
}
console.log(JSON.stringify(out, null, 2));

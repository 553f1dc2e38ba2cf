/**
 * What counting visitors costs a page (issue 10 item 6). Needs a build (`npm run build`).
 *   npx tsx bench/visits.ts            BENCH_DURATION=5 (seconds per run), BENCH_CONNECTIONS=50, BENCH_ROUNDS=2
 * Starts scripts/server.js on the demo data with ECRAV_VISITS=off and =on (alternating, BENCH_ROUNDS times each, so a
 * busy neighbour on the shared machine hurts both alike) and loads the same product page as a phone would (a browser
 * user agent, so every request is counted), once from the page cache and once with ECRAV_PAGE_CACHE=off. Prints one
 * JSON document: req/s, p50/p99 and the server's CPU ms per request for each, and what recording added. First, in this
 * process and without HTTP, the hook step itself (countPageView: bot and prefetch checks, source, HMAC, buffer) over
 * 200,000 views of 1,000 phones: µs per counted view — on a shared machine a steadier number than the req/s difference.
 */
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countPageView } from '../src/lib/server/visits/visit-hook';
import { VisitService } from '../src/lib/server/visits/visit.service';
import { cpuMs, startServer, stopServer } from './server';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const PAGE = '/c/cigadung/toko/ketempling-jj/ketempling-original-250-g';
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

async function run(visits: 'on' | 'off', cache: 'on' | 'off') {
	const dataDir = await mkdtemp(join(tmpdir(), 'ecrav-bench-visits-'));
	const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', ECRAV_VISITS: visits, ECRAV_PAGE_CACHE: cache });
	try {
		const headers = { 'accept-encoding': 'gzip', 'user-agent': PHONE_UA, referer: 'https://www.google.com/' };
		for (let i = 0; i < 30; i++) await (await fetch(server.base + PAGE, { headers })).arrayBuffer();
		const cpu0 = await cpuMs(server.child);
		const r = await autocannon({ url: server.base + PAGE, connections, duration, headers });
		const cpu = (await cpuMs(server.child)) - cpu0;
		return { requestsPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, cpuMsPerRequest: Number((cpu / Math.max(1, r.requests.total)).toFixed(3)), non2xx: r.non2xx };
	} finally {
		await stopServer(server.child);
		await rm(dataDir, { recursive: true, force: true });
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** µs per view through the hook step alone (the buffer is emptied now and then instead of written). */
function recordMicros(): number[] {
	const visits = new VisitService(undefined as never);
	const url = new URL(`http://127.0.0.1${PAGE}?src=poster`);
	const response = new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
	const requests = Array.from({ length: 1000 }, (_, i) => new Request(url, { headers: { 'user-agent': PHONE_UA.replace('SM-A145F', `SM-A${i}`), referer: 'https://www.google.com/' } }));
	const locals = { actor: { kind: 'public' } } as never;
	const n = 200_000;
	const rounds: number[] = [];
	for (let round = 0; round < 3; round++) {
		const t0 = process.hrtime.bigint();
		for (let i = 0; i < n; i++) {
			countPageView({ request: requests[i % 1000], url, locals, getClientAddress: () => `10.0.${(i >> 8) & 255}.${i & 255}`, isSubRequest: false }, response, visits);
			if (visits.pending >= 90_000) (visits as unknown as { views: unknown[] }).views = [];
		}
		rounds.push(Number((Number(process.hrtime.bigint() - t0) / 1000 / n).toFixed(2)));
	}
	return rounds;
}

const out: Record<string, unknown> = { page: PAGE, duration, connections, rounds, hookStepMicrosPerView: recordMicros() };
for (const cache of ['on', 'off'] as const) {
	const results: Record<'on' | 'off', Awaited<ReturnType<typeof run>>[]> = { on: [], off: [] };
	for (let i = 0; i < rounds; i++) for (const visits of ['off', 'on'] as const) results[visits].push(await run(visits, cache));
	const summary = (rs: Awaited<ReturnType<typeof run>>[]) => ({ requestsPerSec: median(rs.map((r) => r.requestsPerSec)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), cpuMsPerRequest: median(rs.map((r) => r.cpuMsPerRequest)), non2xx: rs.reduce((n, r) => n + r.non2xx, 0) });
	const off = summary(results.off);
	const on = summary(results.on);
	out[cache === 'on' ? 'pageCacheOn' : 'pageCacheOff'] = {
		visitsOff: off,
		visitsOn: on,
		cpuMsPerRequestAdded: Number((on.cpuMsPerRequest - off.cpuMsPerRequest).toFixed(3)),
		requestsPerSecChangePercent: Number((((on.requestsPerSec - off.requestsPerSec) / Math.max(1, off.requestsPerSec)) * 100).toFixed(1))
	};
}
console.log(JSON.stringify(out, null, 2));

/**
 * Two builds side by side on a shared machine (issue 10 item 7): `npx tsx bench/ab.ts <dirA> <dirB> [path…]`.
 * Each dir is a checkout with its own `npm run build` (node_modules may be a symlink). Both serve the same generated
 * 10,000-product community (BENCH_DATA_DIR, made by bench/profile.ts when missing) with ECRAV_PAGE_CACHE=off; for
 * BENCH_ROUNDS (4) rounds, A then B then B then A…, each path gets BENCH_REQUESTS (2000) requests at BENCH_CONNECTIONS
 * (10), gzip asked for. Prints per path the server's CPU ms per request (from /proc) of every run and the medians:
 * with neighbours loading the machine, alternating and taking medians is what makes the two comparable.
 */
import autocannon from 'autocannon';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpuMs, startServer, stopServer } from './server';

const [dirA, dirB, ...rest] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: npx tsx bench/ab.ts <dirA> <dirB> [path…]');
const data = process.env.BENCH_DATA_DIR ?? '/tmp/ecrav-bench-ab';
if (!existsSync(join(data, 'ecrav.sqlite'))) throw new Error(`no database in ${data}: run BENCH_DATA_DIR=${data} npx tsx bench/profile.ts once`);
const paths = rest.length ? rest : ['/c/bench10k'];
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const runs: Record<string, Record<'A' | 'B', number[]>> = Object.fromEntries(paths.map((p) => [p, { A: [], B: [] }]));
const rps: Record<string, Record<'A' | 'B', number[]>> = Object.fromEntries(paths.map((p) => [p, { A: [], B: [] }]));

async function measure(which: 'A' | 'B') {
	const server = await startServer({ DATA_DIR: data, DATABASE_URL: '', ECRAV_DEMO: 'off', ECRAV_PAGE_CACHE: 'off' }, [], resolve(which === 'A' ? dirA : dirB));
	try {
		for (const path of paths) {
			for (let i = 0; i < 100; i++) await (await fetch(server.base + path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer(); // warm (JIT)
			const cpu0 = await cpuMs(server.child);
			const r = await autocannon({ url: server.base + path, connections, amount: requests, headers: { 'accept-encoding': 'gzip' } });
			if (r.non2xx || r.errors) throw new Error(`${which} ${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
			runs[path][which].push(((await cpuMs(server.child)) - cpu0) / r.requests.total);
			rps[path][which].push(r.requests.average);
		}
	} finally {
		await stopServer(server.child, 'SIGINT');
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
for (let i = 0; i < rounds; i++) for (const which of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) await measure(which);
for (const path of paths) {
	const { A, B } = runs[path];
	console.log(`${path}\n  A ${A.map((x) => x.toFixed(2)).join(' ')}  median ${median(A).toFixed(2)} ms CPU/request, ${Math.round(median(rps[path].A))} req/s`);
	console.log(`  B ${B.map((x) => x.toFixed(2)).join(' ')}  median ${median(B).toFixed(2)} ms CPU/request, ${Math.round(median(rps[path].B))} req/s`);
}
process.exit(0);

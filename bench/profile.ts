/**
 * Where a page's CPU goes (issue 10 item 7). Needs a build (`npm run build`).
 *   npx tsx bench/profile.ts [path…]     default: the uncached catalog page of a 10,000-product community
 * Generates the community on SQLite (kept in BENCH_DATA_DIR when set, so a second run skips it), starts
 * scripts/server.js with `--cpu-prof` and `ECRAV_PAGE_CACHE=off`, sends BENCH_REQUESTS (3000) requests per path
 * (BENCH_CONNECTIONS 10, gzip asked for), stops the server and prints the server's CPU ms per request and the top
 * functions of the profile by self time and by inclusive time (each function counted once per stack), grouped by
 * function + file. `BENCH_PROFILE=file.cpuprofile npx tsx bench/profile.ts` only summarises an existing profile.
 */
import autocannon from 'autocannon';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '../src/lib/server/db';
import { generateCatalog } from './generate';
import { cpuMs, startServer, stopServer } from './server';

const SLUG = 'bench10k';
const TOP = Number(process.env.BENCH_TOP ?? 40);

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** Self and inclusive time per function (name + file + line), in ms, from a V8 .cpuprofile. */
export function summarise(profile: Profile, top = TOP): string {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const label = (n: ProfileNode) => {
		const f = n.callFrame;
		const file = f.url.replace(/^file:\/\/.*?\/(build|node_modules|src)\//, '$1/');
		return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
	};
	const self = new Map<string, number>();
	const incl = new Map<string, number>();
	let total = 0;
	let idle = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const dt = (profile.timeDeltas[i] ?? 0) / 1000;
		let node = byId.get(profile.samples[i]);
		if (!node) continue;
		const name = label(node);
		if (node.callFrame.functionName === '(idle)') {
			idle += dt;
			continue;
		}
		total += dt;
		self.set(name, (self.get(name) ?? 0) + dt);
		const seen = new Set<string>();
		while (node) {
			const l = label(node);
			if (!seen.has(l)) {
				seen.add(l);
				incl.set(l, (incl.get(l) ?? 0) + dt);
			}
			const p = parent.get(node.id);
			node = p === undefined ? undefined : byId.get(p);
		}
	}
	const rows = (m: Map<string, number>) =>
		[...m]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([k, v]) => `${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
			.join('\n');
	return `busy ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms\n--- self ---\n${rows(self)}\n--- inclusive ---\n${rows(incl)}`;
}

if (process.env.BENCH_PROFILE) {
	console.log(summarise(JSON.parse(await readFile(process.env.BENCH_PROFILE, 'utf8')) as Profile));
	process.exit(0);
}

const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const keep = process.env.BENCH_DATA_DIR;
const dir = keep ?? (await mkdtemp(join(tmpdir(), 'ecrav-bench-profile-')));
const profDir = await mkdtemp(join(tmpdir(), 'ecrav-cpuprof-'));
try {
	await mkdir(dir, { recursive: true });
	if (!existsSync(join(dir, 'ecrav.sqlite'))) {
		const database = await createDb({ url: `sqlite:${join(dir, 'ecrav.sqlite')}` });
		await migrate(database);
		const variants = JSON.stringify(
			[['thumb', 300, 300], ['medium', 600, 600], ['large', 1200, 1200]].map(([name, width, height]) => ({ name, key: `products/bench/${name}-0123456789abcdef.webp`, width, height, bytes: 20_000 }))
		);
		await generateCatalog(database, SLUG, 10_000, variants);
		await database.destroy();
	}
	const paths = process.argv.slice(2).length ? process.argv.slice(2) : [`/c/${SLUG}`];
	const server = await startServer({ DATA_DIR: dir, DATABASE_URL: '', ECRAV_DEMO: 'off', ECRAV_PAGE_CACHE: process.env.ECRAV_PAGE_CACHE ?? 'off' }, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
	for (const path of paths) {
		for (let i = 0; i < 50; i++) await (await fetch(server.base + path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer(); // warm
		const cpu0 = await cpuMs(server.child);
		const r = await autocannon({ url: server.base + path, connections, amount: requests, headers: { 'accept-encoding': 'gzip' } });
		const cpu = (await cpuMs(server.child)) - cpu0;
		console.log(`${path}: ${r.requests.total} requests, ${Math.round(r.requests.average)} req/s, server CPU ${(cpu / r.requests.total).toFixed(2)} ms per request, ${r.non2xx} non-2xx`);
	}
	await stopServer(server.child, 'SIGINT');
	const file = (await readdir(profDir)).find((f) => f.endsWith('.cpuprofile'));
	if (!file) throw new Error('no profile written');
	console.log(`profile: ${join(profDir, file)} (whole process, warm-up and start included)`);
	console.log(summarise(JSON.parse(await readFile(join(profDir, file), 'utf8')) as Profile));
} finally {
	if (!keep) await rm(dir, { recursive: true, force: true });
}
process.exit(0);

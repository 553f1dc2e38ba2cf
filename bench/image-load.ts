/**
 * Issue 8 item 9: ~80 concurrent uploads of a 49-megapixel photo against the built server, and the server's
 * peak resident memory (VmHWM from /proc) — bounded image queue vs. effectively unbounded. Prints JSON.
 *   npm run build && npx tsx bench/image-load.ts
 *   BENCH_UPLOADS=80 BENCH_CONFIGS=bounded,unbounded,bounded-arena2 npx tsx bench/image-load.ts
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 80);
const CONFIGS: Record<string, Record<string, string>> = {
	// What ships: 2 decodes at a time, 8 waiting, the rest refused at once (503 + Retry-After).
	bounded: {},
	// Roughly the old behaviour: every upload decoded at once.
	unbounded: { IMAGE_CONCURRENCY: String(UPLOADS), IMAGE_QUEUE: '0' },
	// sharp's advice for glibc: fewer malloc arenas (or jemalloc via LD_PRELOAD when installed).
	'bounded-arena2': { MALLOC_ARENA_MAX: '2' }
};
const chosen = (process.env.BENCH_CONFIGS ?? 'bounded,unbounded').split(',');

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const a = s.address();
			s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

/** A 7000 × 7000 JPEG (49 MP) under the 15 MB upload limit: smooth colour with a little noise, like a phone photo. */
async function bigPhoto(): Promise<Buffer> {
	const path = join(tmpdir(), 'ecrav-bench-49mp.jpg');
	if (existsSync(path)) return readFile(path);
	const noise = await sharp({ create: { width: 7000, height: 7000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 12 } } })
		.jpeg({ quality: 60 })
		.toBuffer();
	const photo = await sharp(noise).tint({ r: 220, g: 150, b: 90 }).jpeg({ quality: 60 }).toBuffer();
	await writeFile(path, photo);
	return photo;
}

function memory(pid: number): Promise<{ hwm: number; rss: number }> {
	return readFile(`/proc/${pid}/status`, 'utf8').then((s) => ({
		hwm: Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0) / 1024,
		rss: Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0) / 1024
	}));
}

async function run(name: string, env: Record<string, string>, photo: Buffer) {
	const port = await freePort();
	const dataDir = await mkdtemp(join(tmpdir(), 'ecrav-bench-img-'));
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/server.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		for (let i = 0; ; i++) {
			if (i > 600) throw new Error('server did not start');
			if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		const login = (await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'jj@cigadung.test', password: 'demo-cigadung-2024' }) })).json()) as { token: string };
		const auth = { authorization: `Bearer ${login.token}` };
		const shops = (await (await fetch(`${base}/api/v1/me/shops`, { headers: auth })).json()) as { data: { id: string }[] };
		const products = (await (await fetch(`${base}/api/v1/shops/${shops.data[0].id}/products`, { headers: auth })).json()) as { data: { id: string }[] };
		const idle = await memory(child.pid!);
		const started = Date.now();
		const statuses: Record<string, number> = {};
		await Promise.all(
			Array.from({ length: UPLOADS }, async (_, i) => {
				const form = new FormData();
				form.append('file', new File([new Uint8Array(photo)], `besar-${i}.jpg`, { type: 'image/jpeg' }));
				const status = await fetch(`${base}/api/v1/products/${products.data[i % products.data.length].id}/photos`, { method: 'POST', headers: auth, body: form }).then(
					async (r) => {
						await r.arrayBuffer();
						return String(r.status);
					},
					(e: Error) => `error ${e.message}`
				);
				statuses[status] = (statuses[status] ?? 0) + 1;
			})
		);
		const seconds = (Date.now() - started) / 1000;
		const peak = await memory(child.pid!);
		await new Promise((r) => setTimeout(r, 3000));
		const after = await memory(child.pid!);
		return { config: name, env, uploads: UPLOADS, photoBytes: photo.length, statuses, seconds, idleRssMB: Math.round(idle.rss), peakRssMB: Math.round(peak.hwm), rssAfter3sMB: Math.round(after.rss) };
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
		await rm(dataDir, { recursive: true, force: true });
	}
}

const photo = await bigPhoto();
const results = [];
for (const name of chosen) results.push(await run(name, CONFIGS[name] ?? {}, photo));
console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, imageLoad: results }, null, 2));

/**
 * The training hour at the venue (issue 13 item 6): 60 phones on one hotspot with slow links, two boards on the
 * projectors. Starts the real built server (scripts/server.js, fresh SQLite, the demo community), then:
 *   1. weighs every page of the path as served (gzip, HTML + CSS + JS, before photos; goal ≤ 30 KB);
 *   2. opens 2 board streams (Server-Sent Events, the board link's /events);
 *   3. runs BENCH_MEMBERS (60) members over HTTP, arriving over BENCH_ARRIVAL_S (60) seconds, each: set a password
 *      from the coordinator's link, check in by the training's QR, open onboarding and save the shop name, upload a
 *      ~2 MB phone photo (the first product's step 1), name and price it, publish it;
 *   4. prints the server's CPU (user + system from /proc, and % of one core over the run), RSS now and at its peak
 *      (VmRSS / VmHWM), each step's response times, and for every change on each board how long after the member's
 *      request it arrived (p50 / p95 / max, ms). A photo refused because the image queue is full (503, "coba kirim lagi
 *      dalam beberapa detik") is sent again after 5 s, as the page asks; `photoRetries` counts them.
 * Slow links: every request waits one round trip (BENCH_RTT_MS, 200); photo uploads are paced per phone
 * (BENCH_UPLINK_KBIT, 1000 = 1 Mbit/s) and together through the hotspot (BENCH_HOTSPOT_KBIT, 10000).
 * Prints one JSON document; asserts nothing. Run after `npm run build`:
 *   npx tsx bench/venue.ts
 */
import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { cpuMs, startServer, stopServer } from './server';
import { pageWeight, TRAINING_PAGE_BUDGET, type PageWeight } from './page-weight';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 60);
const ARRIVAL_S = Number(process.env.BENCH_ARRIVAL_S ?? 60);
const RTT_MS = Number(process.env.BENCH_RTT_MS ?? 200);
const UPLINK = (Number(process.env.BENCH_UPLINK_KBIT ?? 1000) * 1000) / 8; // bytes per second, one phone
const HOTSPOT = (Number(process.env.BENCH_HOTSPOT_KBIT ?? 10000) * 1000) / 8; // bytes per second, all phones
const PHOTO_PX = Number(process.env.BENCH_PHOTO_PX ?? 3000);
const PASSWORD = 'demo-cigadung-2024';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ——— HTTP as a phone on the hotspot does it ———
interface Answer {
	status: number;
	location: string | null;
	body: string;
	cookies: string[];
}
let hotspotFree = 0;
/** Waits until `bytes` may go up this phone's link and the shared hotspot (both paced as token-free queues). */
async function paced(phone: { free: number }, bytes: number) {
	const now = performance.now();
	const start = Math.max(now, phone.free, hotspotFree);
	hotspotFree = start + (bytes / HOTSPOT) * 1000;
	phone.free = start + (bytes / UPLINK) * 1000;
	const wait = Math.max(phone.free, hotspotFree) - now;
	if (wait > 0) await sleep(wait);
}

class Phone {
	jar = new Map<string, string>();
	free = 0;
	constructor(private readonly base: string) {}

	private cookie() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async send(method: 'GET' | 'POST', path: string, body?: { type: string; data: Buffer }): Promise<Answer> {
		await sleep(RTT_MS);
		const url = new URL(path, this.base);
		return new Promise((resolve, reject) => {
			const req = request(
				url,
				{
					method,
					headers: {
						accept: 'text/html',
						'accept-encoding': 'gzip',
						cookie: this.cookie(),
						...(body ? { 'content-type': body.type, 'content-length': String(body.data.length), origin: this.base } : {})
					}
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c) => chunks.push(c));
					res.on('end', async () => {
						const raw = Buffer.concat(chunks);
						const text = res.headers['content-encoding'] === 'gzip' ? (await import('node:zlib')).gunzipSync(raw).toString() : raw.toString();
						const cookies = res.headers['set-cookie'] ?? [];
						for (const c of cookies) {
							const [pair] = c.split(';');
							const eq = pair.indexOf('=');
							this.jar.set(pair.slice(0, eq), pair.slice(eq + 1));
						}
						resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: text, cookies });
					});
				}
			);
			req.on('error', reject);
			if (!body) return void req.end();
			// the body goes up in 16 KB pieces at the phone's and the hotspot's pace
			void (async () => {
				for (let i = 0; i < body.data.length; i += 16_384) {
					const piece = body.data.subarray(i, i + 16_384);
					await paced(this, piece.length);
					if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
				}
				req.end();
			})();
		});
	}

	form(path: string, fields: Record<string, string>) {
		return this.send('POST', path, { type: 'application/x-www-form-urlencoded', data: Buffer.from(new URLSearchParams(fields).toString()) });
	}

	upload(path: string, field: string, file: Buffer, name: string) {
		const boundary = `----ecrav${Math.random().toString(36).slice(2)}`;
		const data = Buffer.concat([
			Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${field}"; filename="${name}"\r\ncontent-type: image/jpeg\r\n\r\n`),
			file,
			Buffer.from(`\r\n--${boundary}--\r\n`)
		]);
		return this.send('POST', path, { type: `multipart/form-data; boundary=${boundary}`, data });
	}
}

function expectStatus(a: Answer, status: number, what: string): Answer {
	if (a.status !== status) throw new Error(`${what}: ${a.status} ${a.location ?? ''} ${a.body.slice(0, 300)}`);
	return a;
}
const pathOf = (location: string | null) => new URL(location ?? '/', 'http://x').pathname + new URL(location ?? '/', 'http://x').search;

// ——— the numbers ———
function stats(values: number[]) {
	if (!values.length) return null;
	const s = [...values].sort((a, b) => a - b);
	const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]);
	return { n: s.length, p50: at(0.5), p95: at(0.95), max: Math.round(s[s.length - 1]) };
}
async function memory(pid: number) {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
	return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

// ——— set up: the demo community, a training today, its board link and check-in QR, the members' setup links ———
const dataDir = await mkdtemp(join(tmpdir(), 'ecrav-bench-venue-'));
const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
const { base, child } = server;
const out: Record<string, unknown> = { date: new Date().toISOString(), members: MEMBERS, arrivalSeconds: ARRIVAL_S, rttMs: RTT_MS, uplinkKbit: (UPLINK * 8) / 1000, hotspotKbit: (HOTSPOT * 8) / 1000 };
try {
	// a ~2 MB phone photo (3000 px, with its EXIF), or with BENCH_PHOTO_PX=1600 what downscale.js sends when JavaScript is on
	const photo = await sharp(fileURLToPath(new URL('../tests/fixtures/phone-photo.jpg', import.meta.url)))
		.resize(PHOTO_PX)
		.jpeg({ quality: PHOTO_PX > 1600 ? 80 : 85 })
		.keepExif()
		.toBuffer();
	out.photoBytes = photo.length;

	const token = ((await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'koordinator@cigadung.test', password: PASSWORD }) })).json()) as { token: string }).token;
	const api = async (path: string, body?: unknown) =>
		(await fetch(base + path, { method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })).json();
	const coordinator = new Phone(base);
	expectStatus(await coordinator.form('/masuk', { login: 'koordinator@cigadung.test', password: PASSWORD }), 303, 'coordinator sign-in');
	const setupLinks: string[] = [];
	for (let i = 0; i < MEMBERS; i++) {
		const added = expectStatus(
			await coordinator.form('/koordinator/cigadung?/tambah', { name: `Ibu Peserta${String(i).padStart(2, '0')} Cigadung`, businessType: i % 2 ? 'Penjual sambal' : 'Penjual keripik', whatsapp: `0813 8800 ${String(1000 + i)}`, area: '', email: '' }),
			303,
			'add member'
		);
		const roster = await coordinator.send('GET', pathOf(added.location));
		const link = /\/atur-sandi\/[A-Za-z0-9_-]{43}/.exec(roster.body)?.[0];
		if (!link) throw new Error('no setup link on the roster page');
		setupLinks.push(link);
	}
	const programs = (await api('/api/v1/communities/cigadung/programs')) as { data: { id: string }[] };
	const training = (await api(`/api/v1/programs/${programs.data[0].id}/trainings`, { title: 'Pelatihan Jualan Online', startsAt: new Date(Date.now() + 5_000).toISOString(), venue: 'Gedung Serbaguna Kelurahan Cigadung' })) as { id: string };
	const boardUrl = ((await api(`/api/v1/trainings/${training.id}/board-links`, {})) as { url: string }).url;
	const qr = await coordinator.send('GET', `/koordinator/cigadung/pelatihan/${training.id}/qr`);
	const checkinPath = /\/hadir\/[A-Za-z0-9_-]+/.exec(qr.body)?.[0];
	if (!checkinPath) throw new Error('no check-in link on the QR page');
	await sleep(5_500); // the training has started: everyone added is on its list
	const boardWeight = await pageWeight(base, new URL(boardUrl).pathname);

	// ——— two projectors ———
	const firstSeen: Map<string, number>[] = [new Map(), new Map()];
	const streams = [0, 1].map((b) => {
		const last = new Map<string, { step: string; present: boolean }>();
		let buffer = '';
		const req = request(new URL(`${new URL(boardUrl).pathname}/events`, base), { headers: { accept: 'text/event-stream' } }, (res) => {
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => {
				buffer += chunk;
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const event = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const data = event.split('\n').find((l) => l.startsWith('data: '));
					if (!data) continue;
					const at = performance.now();
					const board = JSON.parse(data.slice(6)) as { members: { firstName: string; step: string; present: boolean }[] };
					for (const m of board.members) {
						const before = last.get(m.firstName);
						if (before && before.step !== m.step) firstSeen[b].set(`${m.firstName}|${m.step}`, at);
						if (before && !before.present && m.present) firstSeen[b].set(`${m.firstName}|present`, at);
						last.set(m.firstName, { step: m.step, present: m.present });
					}
				}
			});
		});
		req.end();
		return req;
	});

	// ——— 60 phones ———
	const done: Record<string, number>[] = [];
	const timings: Record<string, number[]> = { setPassword: [], checkIn: [], onboarding: [], photoUpload: [], nameAndPrice: [], publish: [], total: [] };
	const weights: PageWeight[] = [];
	const failures: string[] = [];
	/** Photo uploads refused busy (503) and sent again 5 s later (at most 5 times per member). */
	const retries: number[] = [];
	const cpuStart = await cpuMs(child);
	const wallStart = performance.now();
	const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
		const t0 = performance.now();
		const r = await fn();
		timings[step].push(performance.now() - t0);
		return r;
	};

	async function member(i: number) {
		await sleep((ARRIVAL_S * 1000 * i) / MEMBERS);
		const phone = new Phone(base);
		const weigh = async (path: string) => i === 0 && weights.push(await pageWeight(base, path, [...phone.jar].map(([k, v]) => `${k}=${v}`).join('; ')));
		const first = `Peserta${String(i).padStart(2, '0')}`;
		const t0 = performance.now();
		const at: Record<string, number> = {};
		await weigh(setupLinks[i]);
		await timed('setPassword', async () => {
			await phone.send('GET', setupLinks[i]);
			expectStatus(await phone.form(setupLinks[i], { password: 'jualan-online-1', confirm: 'jualan-online-1' }), 303, 'set password');
		});
		at.akun = performance.now();
		await weigh(checkinPath!);
		await timed('checkIn', async () => {
			const page = await phone.send('GET', checkinPath!);
			const eventId = /name="eventId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
			expectStatus(await phone.form(checkinPath!, { eventId }), 200, 'check in');
		});
		at.present = performance.now();
		if (i === 0) for (const step of ['nama', 'whatsapp', 'logo', 'cerita', 'lokasi', 'pengiriman', 'pembayaran']) await weigh(`/jual/mulai/${step}`);
		await timed('onboarding', async () => {
			await phone.send('GET', '/jual/mulai/nama');
			expectStatus(await phone.form('/jual/mulai/nama', { name: `Dapur ${first}` }), 303, 'onboarding name');
		});
		await weigh('/jual/produk-pertama');
		const taken = await timed('photoUpload', async () => {
			await phone.send('GET', '/jual/produk-pertama');
			// "Sedang banyak foto yang diproses … coba kirim lagi dalam beberapa detik": the member waits and sends again
			for (let attempt = 1; ; attempt++) {
				const sent = await phone.upload('/jual/produk-pertama', 'photo', photo, 'IMG_20241128_151500.jpg');
				if (sent.status !== 503 || attempt === 6) return expectStatus(sent, 303, `photo (attempt ${attempt})`);
				retries.push(i);
				await sleep(5_000);
			}
		});
		const step2 = pathOf(taken.location);
		await weigh(step2);
		const saved = await timed('nameAndPrice', async () => {
			await phone.send('GET', step2);
			return expectStatus(await phone.form(step2, { name: i % 2 ? 'Sambal Cumi Pedas' : 'Keripik Singkong Balado', price: '15.000' }), 303, 'name and price');
		});
		at.foto = performance.now();
		const step3 = pathOf(saved.location);
		await weigh(step3);
		await timed('publish', async () => {
			await phone.send('GET', step3);
			expectStatus(await phone.form(step3, {}), 303, 'publish');
		});
		at.tayang = performance.now();
		timings.total.push(performance.now() - t0);
		done.push(Object.fromEntries(Object.entries(at).map(([k, v]) => [`${first}|${k}`, v])));
	}
	await Promise.all(Array.from({ length: MEMBERS }, (_, i) => member(i).catch((e: Error) => void failures.push(`member ${i}: ${e.message}`))));
	const wall = performance.now() - wallStart;
	const cpu = (await cpuMs(child)) - cpuStart;
	const mem = await memory(child.pid!);
	await sleep(3_000); // the boards' last polls
	for (const s of streams) s.destroy();

	const lag = [0, 1].map((b) => {
		const per: Record<string, number[]> = { present: [], akun: [], foto: [], tayang: [] };
		// a step the board never showed: for 'foto' usually because 'tayang' came within the same poll (1 s)
		const notShown: Record<string, number> = { present: 0, akun: 0, foto: 0, tayang: 0 };
		for (const d of done) {
			for (const [key, requestDone] of Object.entries(d)) {
				const seen = firstSeen[b].get(key);
				const step = key.split('|')[1];
				if (seen === undefined) notShown[step]++;
				else per[step].push(seen - requestDone);
			}
		}
		return { notShown, ...Object.fromEntries(Object.entries(per).map(([k, v]) => [k, stats(v)])) };
	});
	Object.assign(out, {
		failures,
		photoRetries: { refusedBusy: retries.length, members: new Set(retries).size },
		wallSeconds: Math.round(wall / 100) / 10,
		server: { cpuSeconds: Math.round(cpu / 100) / 10, cpuPercentOfOneCore: Math.round((cpu / wall) * 1000) / 10, ...mem },
		stepMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, stats(v)])),
		boardLagMs: { board1: lag[0], board2: lag[1] },
		pageWeights: [boardWeight, ...weights].map((w) => ({ path: w.path.replace(/foto=[^&]+/, 'foto=…').replace(/[A-Za-z0-9_-]{40,}/, '…'), gzipBytes: w.totalExceptPhotosGzip, files: w.subresources.length + 1, withinBudget: w.totalExceptPhotosGzip <= TRAINING_PAGE_BUDGET }))
	});
} finally {
	console.log(JSON.stringify(out, null, 1));
	await stopServer(child);
	await rm(dataDir, { recursive: true, force: true });
}

/**
 * Issue 8, smaller item: what one big upload costs the server's CPU, through the real pipeline (processPhoto),
 * by format and size — the 50 MP limit is a decoding-bomb guard, and PNG has no shrink-on-load (every pixel is
 * decoded), JPEG does. Prints JSON: per case, median wall ms and process CPU ms of BENCH_RUNS runs (default 3),
 * or the refusal. Run: `npx tsx bench/pixel-limit.ts`.
 */
import sharp from 'sharp';
import { processPhoto } from '../src/lib/server/media/image-pipeline';
import type { MediaStorage } from '../src/lib/server/media/storage';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const storage: MediaStorage = { put: async () => {}, get: async () => null, exists: async () => false, remove: async () => {}, checkWritable: async () => {} };

async function image(format: 'png' | 'jpeg' | 'png-interlaced', width: number, height: number): Promise<Buffer> {
	// Under the 15 MB upload limit, as an attacker sends it: a JPEG with light noise, a PNG of flat colour (it
	// compresses to almost nothing, yet every pixel must be decoded — the decoding-bomb shape).
	// Interlaced (Adam7) PNGs cannot be read line by line: the slowest case.
	if (format !== 'jpeg') return sharp({ create: { width, height, channels: 3, background: '#e0c090' } }).png({ compressionLevel: 9, progressive: format === 'png-interlaced' }).toBuffer();
	return sharp({ create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 4 } } }).jpeg({ quality: 70 }).toBuffer();
}

const cases: [string, 'png' | 'jpeg' | 'png-interlaced', number, number][] = [
	['12 MP phone JPEG 4000×3000', 'jpeg', 4000, 3000],
	['49 MP JPEG 7000×7000', 'jpeg', 7000, 7000],
	['screenshot PNG 1440×3200', 'png', 1440, 3200],
	['16 MP PNG 4000×4000', 'png', 4000, 4000],
	['25 MP PNG 5000×5000', 'png', 5000, 5000],
	['49 MP PNG 7000×7000', 'png', 7000, 7000],
	['49 MP interlaced PNG 7000×7000', 'png-interlaced', 7000, 7000],
	['51 MP PNG 7200×7100 (over the limit)', 'png', 7200, 7100]
];

const out: Record<string, unknown> = {};
for (const [name, format, w, h] of cases) {
	const input = await image(format, w, h);
	const wall: number[] = [];
	const cpu: number[] = [];
	let refused: string | null = null;
	for (let i = 0; i < RUNS && !refused; i++) {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		try {
			await processPhoto(storage, input);
		} catch (e) {
			refused = (e as { messageKey?: string }).messageKey ?? String(e);
		}
		const c = process.cpuUsage(c0);
		wall.push(performance.now() - t0);
		cpu.push((c.user + c.system) / 1000);
	}
	const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
	out[name] = { bytes: input.length, ...(refused ? { refused, ms: median(wall), cpuMs: median(cpu) } : { ms: median(wall), cpuMs: median(cpu) }) };
}
console.log(JSON.stringify(out, null, 2));

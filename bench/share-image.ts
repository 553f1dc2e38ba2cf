/**
 * Share images (issue 10 item 3): ms per image through ShareService.image — cold (drawn from the stored 1200 px
 * WebP cover and written to storage) and cached (read back from storage) — for the 1200×630 og:image and the
 * 1080×1080 status image, with a photo and without. Median/max of BENCH_RUNS products (default 10) each.
 *   npx tsx bench/share-image.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createDb, migrate } from '../src/lib/server/db';
import { createServices } from '../src/lib/server/services';
import { FilesystemStorage } from '../src/lib/server/media/storage';
import { processPhoto } from '../src/lib/server/media/image-pipeline';
import { PUBLIC_ACTOR, systemActor } from '../src/lib/server/auth/actor';
import { newId } from '../src/lib/utils/ids';
import type { ShareFormat } from '../src/lib/server/media/share-types';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const actor = systemActor('bench');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs: number[]) => ({ msMedian: Math.round(median(xs) * 10) / 10, msMax: Math.round(Math.max(...xs) * 10) / 10 });

async function main() {
	const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-share-'));
	const database = await createDb({ url: `sqlite:${join(dir, 'bench.sqlite')}` });
	await migrate(database);
	const storage = new FilesystemStorage(join(dir, 'media'));
	const services = createServices({ database, storage });
	const community = await services.communities.create(actor, { slug: 'bench-share', name: 'Kelurahan Bench', regionCode: '32.08.18.1998', kind: 'kelurahan', district: 'Bench', regency: 'Kabupaten Bench', province: 'Bench' });
	const shop = await services.shops.create(actor, community, { name: 'Warung Bench Bu Sri', whatsapp: '0812 7000 0001', businessType: 'Penjual camilan' });
	// A phone-like photo through the real pipeline: the share image is drawn from its stored 1200 px WebP.
	const noisy = await sharp({ create: { width: 1600, height: 1200, channels: 3, noise: { type: 'gaussian', mean: 120, sigma: 40 } } }).png().toBuffer();
	const variants = JSON.stringify((await processPhoto(storage, await sharp(noisy).blur(2.5).jpeg({ quality: 85 }).toBuffer())).variants);

	const results: Record<string, unknown> = {};
	for (const withPhoto of [true, false]) {
		const slugs: string[] = [];
		for (let i = 0; i < RUNS; i++) {
			const p = await services.products.create(actor, shop, { name: `Keripik Singkong Balado Pedas Manis Khas Kuningan Nomor ${i + 1}${withPhoto ? '' : ' Tanpa Foto'}`, categorySlug: 'camilan-keripik', price: 15000 + i * 500, unit: 'bungkus', stock: 10, published: true });
			if (withPhoto) await database.db.insertInto('product_photo').values({ id: newId('pho'), product_id: p.id, position: 0, width: 1200, height: 900, variants, hints: '[]', created_at: new Date().toISOString() }).execute();
			slugs.push(p.slug);
		}
		for (const format of ['og', 'status'] as ShareFormat[]) {
			const cold: number[] = [];
			const cached: number[] = [];
			let bytes = 0;
			for (const slug of slugs) {
				let start = performance.now();
				const { data } = await services.share.image(PUBLIC_ACTOR, community, shop, slug, format);
				cold.push(performance.now() - start);
				bytes = data.length;
				start = performance.now();
				await services.share.image(PUBLIC_ACTOR, community, shop, slug, format);
				cached.push(performance.now() - start);
			}
			results[`${format}${withPhoto ? 'Photo' : 'NoPhoto'}`] = { cold: stats(cold), cached: stats(cached), bytes };
		}
	}
	console.log(JSON.stringify({ runs: RUNS, results }, null, 2));
	await database.destroy();
	await rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});

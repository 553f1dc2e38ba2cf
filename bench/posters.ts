/**
 * Printed promotion timings (issue 10 item 4): a shop's catalog PDF with 10, 100 and 500 products (every product
 * with a photo, converted WebP → JPEG per product as the route does), the community catalog of all of them, and
 * the A4 / A6 posters. Prints one JSON document with ms (median of BENCH_RUNS, default 3), bytes and pages.
 *   npx tsx bench/posters.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createDb, migrate } from '../src/lib/server/db';
import { createServices } from '../src/lib/server/services';
import { FilesystemStorage } from '../src/lib/server/media/storage';
import { processPhoto } from '../src/lib/server/media/image-pipeline';
import { systemActor } from '../src/lib/server/auth/actor';
import { newId } from '../src/lib/utils/ids';
import { translator } from '../src/lib/i18n';
import { catalogPdf } from '../src/lib/server/documents/catalog-pdf';
import { posterPdf } from '../src/lib/server/documents/poster';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = [10, 100, 500];
const PHOTOS = 24;
const ORIGIN = 'https://e-crav.example';
const actor = systemActor('bench');
const t = translator('id');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function timed(make: () => Promise<Buffer>) {
	const ms: number[] = [];
	let out = Buffer.alloc(0);
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		out = await make();
		ms.push(Math.round(performance.now() - start));
	}
	return { msMedian: median(ms), msMax: Math.max(...ms), bytes: out.length, pages: pages(out) };
}

async function main() {
	const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-posters-'));
	const database = await createDb({ url: `sqlite:${join(dir, 'bench.sqlite')}` });
	await migrate(database);
	const storage = new FilesystemStorage(join(dir, 'media'));
	const services = createServices({ database, storage });
	const community = await services.communities.create(actor, { slug: 'bench-poster', name: 'Kelurahan Bench', regionCode: '32.08.18.1999', kind: 'kelurahan', district: 'Bench', regency: 'Kabupaten Bench', province: 'Bench' });

	// a few real photos through the real pipeline (1200×900 phone-like JPEGs), shared round-robin by the products
	const variants: string[] = [];
	for (let i = 0; i < PHOTOS; i++) {
		// noise softened by a blur: textured like a phone photo of food, not the pure noise no camera produces
		const noisy = await sharp({ create: { width: 1200, height: 900, channels: 3, noise: { type: 'gaussian', mean: 90 + i * 5, sigma: 40 } } }).png().toBuffer();
		const jpeg = await sharp(noisy).blur(2.5).jpeg({ quality: 85 }).toBuffer();
		variants.push(JSON.stringify((await processPhoto(storage, jpeg)).variants));
	}

	const results: Record<string, unknown> = {};
	let photoIndex = 0;
	for (const n of SIZES) {
		const shop = await services.shops.create(actor, community, { name: `Toko Bench ${n} Produk`, whatsapp: `0812 7${String(n).padStart(3, '0')} 0000`, businessType: 'Penjual camilan' });
		for (let i = 0; i < n; i++) {
			const name = i % 10 === 0 ? `Keripik Singkong Balado Pedas Manis Khas Kuningan Ukuran Besar Nomor ${i + 1} Tanpa Pengawet` : `Camilan ${i + 1} Pedas 250 g`;
			const product = await services.products.create(actor, shop, { name, categorySlug: 'camilan-keripik', price: 1000 * (5 + (i % 40)), unit: 'bungkus', stock: 10, published: true });
			const now = new Date().toISOString();
			await database.db.insertInto('product_photo').values({ id: newId('pho'), product_id: product.id, position: 0, width: 1200, height: 900, variants: variants[photoIndex++ % PHOTOS], hints: '[]', created_at: now }).execute();
		}
		results[`shopCatalog${n}`] = await timed(async () => catalogPdf(await services.promo.shopCatalog(actor, shop.id, ORIGIN), t, 'id'));
		const data = await services.promo.shopCatalog(actor, shop.id, ORIGIN);
		results[`shopCatalog${n}DrawingOnly`] = await timed(() => catalogPdf(data, t, 'id'));
		if (n === SIZES[SIZES.length - 1]) {
			results.posterA4 = await timed(async () => posterPdf(await services.promo.poster(actor, shop.id, ORIGIN), 'A4', t));
			results.posterA6 = await timed(async () => posterPdf(await services.promo.poster(actor, shop.id, ORIGIN), 'A6', t));
		}
	}
	results[`communityCatalog${SIZES.reduce((a, b) => a + b, 0)}`] = await timed(async () => catalogPdf(await services.promo.communityCatalog(actor, community.slug, ORIGIN), t, 'id'));
	console.log(JSON.stringify({ runs: RUNS, results }, null, 2));
	await database.destroy();
	await rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});

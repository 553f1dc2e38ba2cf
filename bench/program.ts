/**
 * Program workspace timings for a large community: 500 members (shops), ~1,500 products with photos and a
 * year of orders. Prints one JSON document; nothing asserts (numbers go into the closing notes).
 *   npx tsx bench/program.ts
 *   BENCH_PG_URL=postgres://…   also on PostgreSQL (in a throw-away schema)
 *   BENCH_ORDERS_PER_DAY=150    orders per day over the year (default 150 ≈ 55,000 orders)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql, type Insertable } from 'kysely';
import { createDb, migrate, type Database } from '../src/lib/server/db';
import { createServices } from '../src/lib/server/services';
import { FilesystemStorage } from '../src/lib/server/media/storage';
import { systemActor } from '../src/lib/server/auth/actor';
import type { CheckoutTable, OrderStatus, ProductPhotoTable, ProductTable, ShopOrderTable } from '../src/lib/server/db/schema';
import { newId } from '../src/lib/utils/ids';
import { evaluationReportPdf } from '../src/lib/server/documents/evaluation-report';
import { evaluationReportXlsx } from '../src/lib/server/documents/evaluation-xlsx';

const MEMBERS = 500;
const ORDERS_PER_DAY = Number(process.env.BENCH_ORDERS_PER_DAY ?? 150);
const RUNS = 20;
/** The evaluation report takes longer (a 500-name daftar hadir): fewer runs by default. */
const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 10);
const actor = systemActor('bench');

function rng(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function batched<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 400) {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** A community with 500 shops (one member each; 60% with a login), 3 products per shop, a year of orders. */
async function generate(database: Database): Promise<{ communityId: string; orders: number; products: number }> {
	const { db } = database;
	const rand = rng(500);
	const now = Date.now();
	const year = 365 * 86_400_000;
	const iso = (ms: number) => new Date(ms).toISOString();
	const communityId = newId('com');
	await db.insertInto('community').values({ id: communityId, slug: 'bench-program', name: 'Kelurahan Bench', region_code: '99.99.99.1500', kind: 'kelurahan', district: 'Bench', regency: 'Kabupaten Bench', province: 'Bench', group_name: 'TKM Bench', is_demo: 0, created_at: iso(now - year), updated_at: iso(now) }).execute();
	const users = Array.from({ length: MEMBERS }, (_, i) => ({ id: newId('usr'), name: `Anggota ${i + 1}`, email: null, whatsapp: `62813${String(20_000_000 + i).slice(-8)}`, password_hash: i % 5 < 3 ? '$argon2id$bench' : null, is_platform_admin: 0, created_at: iso(now - year), updated_at: iso(now) }));
	await batched(users, (c) => db.insertInto('app_user').values(c).execute());
	const shops = users.map((u, i) => ({
		id: newId('shop'),
		community_id: communityId,
		slug: `toko-${i + 1}`,
		name: `Toko Bench ${i + 1}`,
		business_type: 'Penjual camilan',
		whatsapp: u.whatsapp,
		area: `RW ${(i % 7) + 1}`,
		story: '',
		logo: null,
		nib: null,
		status: 'active' as const,
		owner_user_id: u.id,
		onboarding_step: i % 4 === 0 ? 3 : 8,
		created_at: iso(now - year + Math.floor((i / MEMBERS) * year * 0.8)),
		updated_at: iso(now)
	}));
	await batched(shops, (c) => db.insertInto('shop').values(c).execute());
	await batched(
		shops.map((s, i) => ({ id: newId('mbr'), community_id: communityId, shop_id: s.id, person_name: users[i].name, whatsapp: s.whatsapp, rw: String((i % 7) + 1).padStart(2, '0'), created_at: s.created_at, updated_at: s.updated_at })),
		(c) => db.insertInto('member').values(c).execute()
	);
	const products: Insertable<ProductTable>[] = [];
	const photos: Insertable<ProductPhotoTable>[] = [];
	shops.forEach((s, i) => {
		for (let k = 0; k < 3; k++) {
			const id = newId('prod');
			const at = iso(Date.parse(s.created_at) + k * 86_400_000 * 7);
			const name = `Camilan ${i + 1}-${k + 1} Pedas 250 g`;
			products.push({ id, community_id: communityId, shop_id: s.id, slug: `camilan-${i + 1}-${k + 1}`, name, category_slug: 'camilan-keripik', price: 1000 * (5 + Math.floor(rand() * 40)), unit: 'bungkus', stock: 20, made_to_order: 0, lead_time_days: 0, weight_grams: k === 2 ? null : 250, description: `${name} buatan ${s.name}. Renyah dan gurih, dibuat setiap hari tanpa pengawet.`, shelf_life: null, ingredients: null, pirt: null, halal: null, bpom: null, status: k === 2 && i % 3 === 0 ? 'draft' : 'published', search_name: name.toLowerCase(), search_body: '', published_at: k === 2 && i % 3 === 0 ? null : at, created_at: at, updated_at: at });
			if (k < 2) photos.push({ id: newId('pho'), product_id: id, position: 0, width: 900, height: 900, variants: '[]', hints: k === 1 ? '["blurry"]' : '[]', created_at: at });
		}
	});
	await batched(products, (c) => db.insertInto('product').values(c).execute(), 200);
	await batched(photos, (c) => db.insertInto('product_photo').values(c).execute());

	const total = ORDERS_PER_DAY * 365;
	const checkouts: Insertable<CheckoutTable>[] = [];
	const orders: Insertable<ShopOrderTable>[] = [];
	for (let n = 0; n < total; n++) {
		const at = iso(now - Math.floor(rand() * year));
		const shop = shops[Math.floor(rand() * shops.length)];
		const checkoutId = newId('chk');
		const subtotal = 1000 * (5 + Math.floor(rand() * 120));
		const status: OrderStatus = rand() < 0.06 ? 'dibatalkan' : rand() < 0.9 ? 'selesai' : 'baru';
		checkouts.push({ id: checkoutId, code: `B${n}`, token: `t${n}`, community_id: communityId, idempotency_key: `bench-${n}`, buyer_name: 'Pembeli', buyer_whatsapp: '6281234567890', created_at: at });
		orders.push({ id: newId('ord'), code: `B${n}-1`, checkout_id: checkoutId, community_id: communityId, shop_id: shop.id, status, delivery: 'pickup', delivery_fee: 0, payment_method: 'cod', paid_at: null, subtotal, total: subtotal, item_count: 1, created_at: at, updated_at: at });
	}
	await batched(checkouts, (c) => db.insertInto('checkout').values(c).execute());
	await batched(orders, (c) => db.insertInto('shop_order').values(c).execute(), 300);
	await sql`ANALYZE`.execute(db);
	return { communityId, orders: total, products: products.length };
}

function stats(ms: number[]) {
	const s = [...ms].sort((a, b) => a - b);
	const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10;
	return { runs: s.length, p50Ms: at(50), p95Ms: at(95), maxMs: Math.round(s[s.length - 1] * 10) / 10 };
}

async function time(fn: () => Promise<unknown>, runs = RUNS) {
	await fn(); // warm up (statement cache, pages in memory)
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		ms.push(performance.now() - t);
	}
	return stats(ms);
}

async function measure(database: Database, dataDir: string) {
	const started = performance.now();
	const services = createServices({ database, storage: new FilesystemStorage(join(dataDir, 'media')) });
	const made = await generate(database);
	const generatedMs = Math.round(performance.now() - started);
	const community = await services.communities.getById(actor, made.communityId);
	const program = await services.programs.create(actor, community, { name: 'Program Bench' });
	const indicators = await services.indicators.list(actor, program.id);
	return {
		members: MEMBERS,
		products: made.products,
		ordersInYear: made.orders,
		generatedMs,
		sample: Object.fromEntries(indicators.map((i) => [i.key, i.value])),
		indicatorsApi: await time(() => services.indicators.list(actor, program.id)),
		dashboard: await time(() => services.indicators.dashboard(actor, program.id)),
		...(await reportTimings(services, database, program.id, made.communityId))
	};
}

/**
 * Two sessions for all 500 members (80% present at each, pre/post scores for 400, reactions for 300), then the
 * evaluation report as the route makes it: gather the data, then draw the PDF or write the XLSX.
 */
async function reportTimings(services: ReturnType<typeof createServices>, database: Database, programId: string, communityId: string) {
	const { db } = database;
	const members = await db.selectFrom('member').select('id').where('community_id', '=', communityId).orderBy('id').execute();
	const now = new Date().toISOString();
	for (const [k, title] of ['Pelatihan E-Commerce', 'Foto produk dan QRIS'].entries()) {
		// a month ago: every member (the last joined ~73 days ago) was on the roster, so each session expects all 500
		const day = new Date(Date.now() - (30 - k) * 86_400_000).toISOString().slice(0, 10);
		const t = await services.trainings.create(actor, programId, { title, startsAt: `${day}T09:00`, venue: 'Gedung Serbaguna Kelurahan' });
		const present = members.filter((_, i) => i % 5 !== k);
		await batched(present, (c) => services.trainings.recordAttendance(actor, t.id, { events: c.map((m, i) => ({ id: `bench-${k}-${m.id}`, memberId: m.id, present: true, at: `${day}T02:${String(i % 60).padStart(2, '0')}:00Z` })) }), 200);
		// scores only for members ticked present (a typed score for an absent member is refused, 409)
		const scored = present.slice(0, 400);
		await services.tests.setScores(actor, t.id, { kind: 'pre', scores: scored.map((m, i) => ({ memberId: m.id, score: 30 + (i % 40) })) });
		await services.tests.setScores(actor, t.id, { kind: 'post', scores: scored.map((m, i) => ({ memberId: m.id, score: 60 + (i % 40) })) });
		await batched(members.slice(0, 300), (c) => db.insertInto('training_reaction').values(c.map((m, i) => ({ training_id: t.id, member_id: m.id, satisfaction: 1 + (i % 5), usefulness: 5 - (i % 5), confidence_before: 2, confidence_now: 4, created_at: now }))).execute());
	}
	let pdfBytes = 0;
	let xlsxBytes = 0;
	return {
		reportData: await time(() => services.reports.build(actor, programId), REPORT_RUNS),
		reportPdf: await time(async () => (pdfBytes = (await evaluationReportPdf(await services.reports.build(actor, programId))).length), REPORT_RUNS),
		reportXlsx: await time(async () => (xlsxBytes = (await evaluationReportXlsx(await services.reports.build(actor, programId))).length), REPORT_RUNS),
		reportSizes: { pdfBytes, xlsxBytes }
	};
}

const out: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
{
	const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-program-'));
	const database = await createDb({ url: `sqlite:${join(dir, 'bench.sqlite')}` });
	await migrate(database);
	out.sqlite = await measure(database, dir);
	await database.destroy();
	await rm(dir, { recursive: true, force: true });
}
if (process.env.BENCH_PG_URL) {
	const schema = `bench_program_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: process.env.BENCH_PG_URL });
	await admin.connect();
	await admin.query(`CREATE SCHEMA ${schema}`);
	const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-program-'));
	const database = await createDb({ url: process.env.BENCH_PG_URL, schema });
	try {
		await migrate(database);
		out.postgres = await measure(database, dir);
	} finally {
		await database.destroy();
		await admin.query(`DROP SCHEMA ${schema} CASCADE`);
		await admin.end();
		await rm(dir, { recursive: true, force: true });
	}
}
console.log(JSON.stringify(out, null, 2));

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeStaff } from '../helpers/program';
import { makeMember } from '../helpers/program-fixtures';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { evaluationReportPdf } from '../../src/lib/server/documents/evaluation-report';
import { evaluationReportXlsx } from '../../src/lib/server/documents/evaluation-xlsx';
import { measuringPeriod, periodMonths } from '../../src/lib/server/program/order-figures';
import { newId } from '../../src/lib/utils/ids';
import { program2Migration } from '../../src/lib/server/db/migrations/0016-program-2';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import type { Community, OrderStatus } from '../../src/lib/server/db/schema';

// 3 December 2024, 10.00 WIB: inside the demo program's field period (28 Oct – 6 Dec 2024)
const NOW = new Date('2024-12-03T03:00:00Z');
let ctx: TestContext;
let cigadung: Community;
let coordinator: Actor;
let demoProgramId: string;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	await seedDemoCommunity(ctx.services, { photos: false });
	cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	const token = (await ctx.services.auth.login({ login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' })).token;
	coordinator = (await ctx.services.auth.actorForToken(token, 'cookie'))!.actor;
	demoProgramId = (await ctx.services.programs.listByCommunity(coordinator, cigadung))[0].id;
}, 120_000);
afterAll(() => ctx.cleanup());

/** Text of a PDF (poppler's pdftotext), squeezed to single spaces (no-break spaces too). */
function pdfText(pdf: Buffer, name: string): string {
	const file = join(ctx.dataDir, `${name}.pdf`);
	writeFileSync(file, pdf);
	if (process.env.SCREENSHOT_DIR) writeFileSync(join(process.env.SCREENSHOT_DIR, `${name}.pdf`), pdf);
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

/** An order of a shop in a given state, placed at `at` (straight into the tables: the time is the point here). */
async function placeOrder(community: Community, shopId: string, total: number, at: string, status: OrderStatus) {
	const id = newId('chk');
	await ctx.database.db.insertInto('checkout').values({ id, code: id, token: id, community_id: community.id, idempotency_key: id, buyer_name: 'Pembeli', buyer_whatsapp: '6281299990000', created_at: at }).execute();
	await ctx.database.db
		.insertInto('shop_order')
		.values({ id: newId('ord'), code: newId('o'), checkout_id: id, community_id: community.id, shop_id: shopId, status, delivery: 'pickup', delivery_fee: 0, payment_method: 'cod', paid_at: null, subtotal: total, total, item_count: 1, created_at: at, updated_at: at })
		.execute();
}

/** A community of its own with one program over the given days and one shop. */
async function villageWithProgram(startsOn: string, endsOn: string) {
	const village = await makeCommunity(ctx.services);
	const coord = await makeStaff(ctx.services, village, 'coordinator');
	const program = await ctx.services.programs.create(coord, village, { name: 'Program Pesanan', theme: '', goals: '', targetGroup: '', startsOn, endsOn });
	const { shopId } = await makeMember(ctx.services, ctx.database.db, village, 'Ibu Ani');
	return { village, coord, program, shopId };
}

/** The values of the XLSX "Adopsi" sheet by their label. */
async function adoptionSheet(xlsx: Buffer): Promise<Map<string, unknown>> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
	const out = new Map<string, unknown>();
	wb.getWorksheet('Adopsi')!.eachRow((row, i) => i > 1 && out.set(String(row.getCell(1).value), row.getCell(2).value));
	return out;
}

/** The standard indicators' values as the API, the dashboard and the report read them. */
async function indicatorValues(programId: string): Promise<Record<string, number | null>> {
	return Object.fromEntries((await ctx.services.indicators.list(coordinator, programId)).filter((i) => i.standard).map((i) => [i.key, i.value]));
}

describe(`shops ready = the funnel's "profil toko lengkap" (${TEST_DIALECT})`, () => {
	it('should give the funnel count for the demo program on the indicators, the dashboard and the report', async () => {
		const funnel = await ctx.services.funnel.forProgram(coordinator, demoProgramId);
		const values = await indicatorValues(demoProgramId);
		expect(values.shops_ready).toBe(funnel.reached.profile);
		expect(values.members).toBe(funnel.members.length);
		expect(values.accounts_set_up).toBe(funnel.reached.account);
		expect(values.shops_selling).toBe(funnel.reached.first_product);
		expect((await ctx.services.indicators.dashboard(coordinator, demoProgramId)).metrics.shops_ready).toBe(funnel.reached.profile);
		const report = await ctx.services.reports.build(coordinator, demoProgramId);
		expect(report.indicators.find((i) => i.key === 'shops_ready')?.value).toBe(funnel.reached.profile);
		expect(report.adoption.reached.profile).toBe(funnel.reached.profile);
		// the handover's follow-up already ends with a full stop: one, not "lokal.."
		const text = pdfText(await evaluationReportPdf(report), 'laporan-demo');
		expect(text).toContain('bergabung dengan komunitas bisnis lokal.');
		expect(text).not.toMatch(/\p{L}\.\./u);
	});

	it('should follow the funnel when a shop completes its profile and when another drops out of it', async () => {
		const before = await ctx.services.funnel.forProgram(coordinator, demoProgramId);
		const db = ctx.database.db;
		// finish one shop's profile: every checklist item but the products
		const shop = await db.selectFrom('shop').selectAll().where('community_id', '=', cigadung.id).orderBy('slug').executeTakeFirstOrThrow();
		await db
			.updateTable('shop')
			.set({ logo: 'logo/demo.webp', story: 'Dibuat sendiri di rumah sejak 2019.', area: 'RW 06', pickup_point: 'Warung Bu RT', opening_hours: 'Setiap hari 08.00–17.00', onboarding_step: 8, delivery: JSON.stringify({ pickup: true, local: { fee: 5000 }, courier: false }), payment: JSON.stringify({ cod: true, transfer: null, qris: null }) })
			.where('id', '=', shop.id)
			.execute();
		const completed = await ctx.services.funnel.forProgram(coordinator, demoProgramId);
		expect(completed.reached.profile).toBeGreaterThanOrEqual(1);
		expect((await indicatorValues(demoProgramId)).shops_ready).toBe(completed.reached.profile);

		// the same shop loses its story: it is no longer ready, in both
		await db.updateTable('shop').set({ story: '' }).where('id', '=', shop.id).execute();
		const dropped = await ctx.services.funnel.forProgram(coordinator, demoProgramId);
		expect(dropped.reached.profile).toBe(completed.reached.profile - 1);
		expect((await indicatorValues(demoProgramId)).shops_ready).toBe(dropped.reached.profile);
		expect(before.reached.profile).toBe(dropped.reached.profile);
	});
});

describe(`orders and turnover: completed orders only, one function (${TEST_DIALECT})`, () => {
	it('should count new, confirmed and completed orders as placed, but only completed ones in the turnover, everywhere', async () => {
		const { village, coord, program, shopId } = await villageWithProgram('2024-11-01', '2024-12-31');
		await placeOrder(village, shopId, 10_000, '2024-11-20T03:00:00.000Z', 'baru');
		await placeOrder(village, shopId, 20_000, '2024-11-21T03:00:00.000Z', 'dikonfirmasi');
		await placeOrder(village, shopId, 40_000, '2024-11-22T03:00:00.000Z', 'dibatalkan');
		await placeOrder(village, shopId, 47_500, '2024-11-23T03:00:00.000Z', 'selesai');

		const dashboard = await ctx.services.indicators.dashboard(coord, program.id);
		expect(dashboard.orders.total).toMatchObject({ placed: 3, completed: 1, turnover: 47_500 });
		expect(dashboard.metrics).toMatchObject({ orders_30d: 3, turnover_30d: 47_500 });
		expect(dashboard.months).toEqual([expect.objectContaining({ month: '2024-11', placed: 3, completed: 1, turnover: 47_500 }), expect.objectContaining({ month: '2024-12', placed: 0, completed: 0, turnover: 0 })]);
		const api = Object.fromEntries((await ctx.services.indicators.list(coord, program.id)).map((i) => [i.key, i.value]));
		expect(api).toMatchObject({ orders_30d: 3, turnover_30d: 47_500 });

		const report = await ctx.services.reports.build(coord, program.id);
		expect(report.orders).toEqual(dashboard.orders);
		expect(report.adoption.reached.first_completed).toBe(1);
		const sheet = await adoptionSheet(await evaluationReportXlsx(report));
		expect(sheet.get('Pesanan masuk dalam masa program (tidak dibatalkan)')).toBe(3);
		expect(sheet.get('Pesanan selesai dalam masa program')).toBe(1);
		expect(sheet.get('Omzet dalam masa program (pesanan selesai), rupiah')).toBe(47_500);
		const text = pdfText(await evaluationReportPdf(report), 'laporan-omzet');
		expect(text).toContain('Omzet dalam masa program (pesanan selesai) Rp 47.500');
		expect(text).toContain('Pesanan selesai dalam masa program 1');
		expect(text).toContain('Omzet hanya menjumlahkan pesanan yang sudah selesai');
		expect(text).not.toContain('Rp 117.500');
	});
});

describe(`orders within the program's period (${TEST_DIALECT})`, () => {
	it('should measure a finished program from its first to its last WIB day, and tell what came after', async () => {
		const { village, coord, program, shopId } = await villageWithProgram('2024-09-01', '2024-09-30');
		// the shop selling in this program was listed before it (a finished program's members are counted at its end)
		await ctx.database.db.updateTable('shop').set({ created_at: '2024-08-01T02:00:00.000Z' }).where('id', '=', shopId).execute();
		await ctx.database.db.updateTable('member').set({ created_at: '2024-08-01T02:00:00.000Z' }).where('shop_id', '=', shopId).execute();
		await placeOrder(village, shopId, 5_000, '2024-08-31T16:59:00.000Z', 'selesai'); // 23.59 WIB, 31 Aug: before
		await placeOrder(village, shopId, 11_000, '2024-08-31T17:00:00.000Z', 'selesai'); // 00.00 WIB, 1 Sep: inside
		await placeOrder(village, shopId, 13_000, '2024-09-30T16:59:00.000Z', 'selesai'); // 23.59 WIB, 30 Sep: inside
		await placeOrder(village, shopId, 17_000, '2024-09-30T17:00:00.000Z', 'selesai'); // 00.00 WIB, 1 Oct: after
		await placeOrder(village, shopId, 19_000, '2024-11-25T03:00:00.000Z', 'baru'); // after, last 30 days from "today"

		const dashboard = await ctx.services.indicators.dashboard(coord, program.id);
		expect(dashboard.orders.period).toMatchObject({ from: '2024-08-31T17:00:00.000Z', to: '2024-09-30T17:00:00.000Z', firstDay: '2024-09-01', lastDay: '2024-09-30', ongoing: false, empty: false });
		expect(dashboard.orders.total).toMatchObject({ placed: 2, completed: 2, turnover: 24_000 });
		// "30 hari terakhir" is the last 30 days of the period, not of today: the order of 25 Nov is not in it
		expect(dashboard.metrics).toMatchObject({ orders_30d: 2, turnover_30d: 24_000 });
		expect(dashboard.orders.after).toMatchObject({ placed: 2, completed: 1, turnover: 17_000 });
		expect(dashboard.months.map((m) => [m.month, m.placed, m.turnover])).toEqual([['2024-09', 2, 24_000]]);

		const report = await ctx.services.reports.build(coord, program.id);
		const text = pdfText(await evaluationReportPdf(report), 'laporan-masa');
		expect(text).toContain('dalam masa program: Minggu, 1 September 2024 s.d. Senin, 30 September 2024.');
		expect(text).toContain('Sesudah masa program ada 2 pesanan lagi (1 selesai, omzet Rp 17.000); pesanan itu tidak dihitung');
		expect(text).toContain('Omzet dalam masa program (pesanan selesai) Rp 24.000');
		const sheet = await adoptionSheet(await evaluationReportXlsx(report));
		expect(sheet.get('Omzet dalam masa program (pesanan selesai), rupiah')).toBe(24_000);
	});

	it('should measure a running program up to now, and count nothing before a program starts', async () => {
		const running = await villageWithProgram('2024-11-15', '2025-03-31');
		await placeOrder(running.village, running.shopId, 9_000, '2024-11-14T10:00:00.000Z', 'selesai'); // 17.00 WIB the day before: not counted
		await placeOrder(running.village, running.shopId, 21_000, '2024-12-02T03:00:00.000Z', 'selesai');
		const d = await ctx.services.indicators.dashboard(running.coord, running.program.id);
		expect(d.orders.period).toMatchObject({ to: NOW.toISOString(), lastDay: '2024-12-03', ongoing: true });
		expect(d.orders.total).toMatchObject({ placed: 1, turnover: 21_000 });
		expect(d.orders.after).toBeNull();
		expect(d.months.map((m) => m.month)).toEqual(['2024-11', '2024-12']);
		expect(pdfText(await evaluationReportPdf(await ctx.services.reports.build(running.coord, running.program.id)), 'laporan-berjalan')).toContain('hari laporan ini dibuat, karena program masih berjalan');

		const later = await villageWithProgram('2025-01-06', '2025-02-28');
		await placeOrder(later.village, later.shopId, 30_000, '2024-12-01T03:00:00.000Z', 'selesai');
		const e = await ctx.services.indicators.dashboard(later.coord, later.program.id);
		expect(e.orders.period.empty).toBe(true);
		expect(e.orders.total).toMatchObject({ placed: 0, completed: 0, turnover: 0 });
		expect(e.metrics).toMatchObject({ orders_30d: 0, turnover_30d: 0 });
		expect(e.months).toEqual([]);
		expect(pdfText(await evaluationReportPdf(await ctx.services.reports.build(later.coord, later.program.id)), 'laporan-belum')).toContain('Masa program belum dimulai');
	});

	it('should give the months of an open-ended program as the latest 12 up to now', () => {
		const open = measuringPeriod({ starts_on: null, ends_on: null }, NOW);
		expect(open).toMatchObject({ from: null, ongoing: true, lastDay: '2024-12-03' });
		expect(periodMonths(open)).toHaveLength(12);
		expect(periodMonths(open).at(-1)).toBe('2024-12');
		expect(periodMonths(measuringPeriod({ starts_on: '2023-01-10', ends_on: '2024-06-30' }, NOW))).toEqual(['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
	});
});

describe(`0016-program-2 (${TEST_DIALECT})`, () => {
	it("should relabel built-in indicators still holding the old default, and leave a label someone wrote alone", async () => {
		const { coord, program } = await villageWithProgram('2024-11-01', '2024-12-31');
		const db = ctx.database.db;
		const set = (key: string, label: string) => db.updateTable('program_indicator').set({ label }).where('program_id', '=', program.id).where('key', '=', key).execute();
		await set('shops_ready', 'Toko siap berjualan (langkah awal selesai)');
		await set('turnover_30d', 'Omzet 30 hari terakhir');
		await set('orders_30d', 'Pesanan bulan ini');
		await program2Migration().up(db as never);
		const labels = Object.fromEntries((await ctx.services.indicators.list(coord, program.id)).map((i) => [i.key, i.label]));
		expect(labels).toMatchObject({ shops_ready: 'Toko siap berjualan (profil toko lengkap)', turnover_30d: 'Omzet 30 hari terakhir masa program (pesanan selesai)', orders_30d: 'Pesanan bulan ini' });
	});
});

describe(`reaction summary of a training (${TEST_DIALECT})`, () => {
	it('should give how many answered, the mean of each answer and its 1–5 distribution, to staff of the community only', async () => {
		const { village, coord, program } = await villageWithProgram('2024-11-01', '2024-12-31');
		const members: string[] = [];
		for (const name of ['Budi', 'Cici', 'Dedi', 'Euis']) members.push((await makeMember(ctx.services, ctx.database.db, village, `Ibu ${name}`)).memberId);
		const t = await ctx.services.trainings.create(coord, program.id, { title: 'Foto Produk', startsAt: '2024-11-28T09:00', venue: 'Balai RW' });
		// the first three are ticked present; Ibu Euis answered without a tick, so her answer is not counted
		await ctx.services.trainings.recordAttendance(coord, t.id, { events: members.slice(0, 3).map((memberId, i) => ({ id: `evt-react-000${i}`, memberId, present: true, at: '2024-11-28T02:05:00.000Z' })) });
		const answers: [number, number, number, number][] = [
			[5, 4, 2, 4],
			[4, 4, 1, 3],
			[5, 5, 2, 5],
			[1, 1, 5, 1]
		];
		for (const [i, [satisfaction, usefulness, before, now]] of answers.entries())
			await ctx.database.db.insertInto('training_reaction').values({ training_id: t.id, member_id: members[i], satisfaction, usefulness, confidence_before: before, confidence_now: now, created_at: NOW.toISOString() }).execute();

		const { reaction } = await ctx.services.tests.results(coord, t.id);
		expect(reaction.n).toBe(3);
		expect(reaction.items).toEqual([
			{ key: 'satisfaction', mean: 14 / 3, counts: [0, 0, 0, 1, 2] },
			{ key: 'usefulness', mean: 13 / 3, counts: [0, 0, 0, 2, 1] },
			{ key: 'confidenceBefore', mean: 5 / 3, counts: [1, 2, 0, 0, 0] },
			{ key: 'confidenceNow', mean: 4, counts: [0, 0, 1, 1, 1] }
		]);
		expect(reaction).toMatchObject({ satisfaction: 14 / 3, usefulness: 13 / 3, confidenceBefore: 5 / 3, confidenceNow: 4 });
		const facilitator = await makeStaff(ctx.services, village, 'facilitator');
		expect((await ctx.services.tests.results(facilitator, t.id)).reaction.n).toBe(3);
		await expect(ctx.services.tests.results(coordinator, t.id)).rejects.toMatchObject({ status: 404 });

		// the report's XLSX: the session's date is a real date cell, shown the Indonesian way
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await evaluationReportXlsx(await ctx.services.reports.build(coord, program.id))) as unknown as ArrayBuffer);
		const cell = wb.getWorksheet('Sesi')!.getRow(2).getCell(3); // No, Kegiatan, Tanggal
		expect(cell.value).toEqual(new Date('2024-11-28T00:00:00Z'));
		expect(cell.numFmt).toBe('[$-421]dddd, d mmmm yyyy');
	});
});

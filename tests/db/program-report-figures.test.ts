import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntry } from '../../src/lib/server/cashbook/post-entry';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeStaff } from '../helpers/program';
import { makeMember, rosterSince } from '../helpers/program-fixtures';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { evaluationReportPdf, indicatorFigure } from '../../src/lib/server/documents/evaluation-report';
import { evaluationReportXlsx } from '../../src/lib/server/documents/evaluation-xlsx';
import { newId } from '../../src/lib/utils/ids';
import { PUBLIC_ACTOR, systemActor, type Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// 3 December 2024, 10.00 WIB: inside the demo program's field period (28 Oct – 6 Dec 2024)
const NOW = new Date('2024-12-03T03:00:00Z');
let ctx: TestContext;
let cigadung: Community;
let coordinator: Actor;
let demoProgramId: string;
let n = 0;
const eid = () => `evt-${Date.now().toString(36)}-${++n}`;

/** Text of a PDF (poppler's pdftotext), squeezed to single spaces; with `layout`, one squeezed line per printed line. */
function pdfText(pdf: Buffer, name: string, layout = false): string {
	const file = join(ctx.dataDir, `${name}.pdf`);
	writeFileSync(file, pdf);
	if (process.env.SCREENSHOT_DIR) writeFileSync(join(process.env.SCREENSHOT_DIR, `${name}.pdf`), pdf);
	const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-']).toString('utf8');
	return layout ? text.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).join('\n') : text.replace(/\s+/g, ' ');
}

async function placeOrder(community: Community, shopId: string, total: number, at: string) {
	const id = newId('chk');
	await ctx.database.db.insertInto('checkout').values({ id, code: id, token: id, community_id: community.id, idempotency_key: id, buyer_name: 'Pembeli', buyer_whatsapp: '6281299990000', created_at: at }).execute();
	await ctx.database.db
		.insertInto('shop_order')
		.values({ id: newId('ord'), code: newId('o'), checkout_id: id, community_id: community.id, shop_id: shopId, status: 'selesai', delivery: 'pickup', delivery_fee: 0, payment_method: 'cod', paid_at: null, subtotal: total, total, item_count: 1, created_at: at, updated_at: at })
		.execute();
}

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	await seedDemoCommunity(ctx.services, { photos: false });
	cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	const token = (await ctx.services.auth.login({ login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' })).token;
	coordinator = (await ctx.services.auth.actorForToken(token, 'cookie'))!.actor;
	demoProgramId = (await ctx.services.programs.listByCommunity(coordinator, cigadung))[0].id;
	// a held session with attendance and both tests, and an order: every indicator has a value
	const t = await ctx.services.trainings.create(coordinator, demoProgramId, { title: 'Pelatihan E-Commerce', startsAt: '2024-11-28T15:00', venue: 'Gedung Serbaguna' });
	const roster = (await ctx.services.trainings.attendance(coordinator, t.id)).data.slice(0, 4);
	await ctx.services.trainings.recordAttendance(coordinator, t.id, { events: roster.slice(0, 3).map((r) => ({ id: eid(), memberId: r.memberId, present: true, at: '2024-11-28T08:05:00Z' })) });
	await ctx.services.tests.setScores(coordinator, t.id, { kind: 'pre', scores: [{ memberId: roster[0].memberId, score: 35 }, { memberId: roster[1].memberId, score: 50 }] });
	await ctx.services.tests.setScores(coordinator, t.id, { kind: 'post', scores: [{ memberId: roster[0].memberId, score: 80 }, { memberId: roster[1].memberId, score: 90 }] });
	const shops = await ctx.services.shops.listByCommunity(coordinator, cigadung);
	await placeOrder(cigadung, shops[0].id, 47_500, '2024-12-01T04:00:00Z');
	// one shop shares its cash book's monthly totals: the program's last complete month (November) has income and profit
	await postEntry(ctx.database.db, { shopId: shops[0].id, kind: 'income', amount: 120_000, occurredOn: '2024-11-15', category: 'penjualan', method: 'tunai', byUserId: null, at: NOW.toISOString() });
	await ctx.services.cashReports.setSharing(systemActor('test'), shops[0].id, 'on');
}, 120_000);
afterAll(() => ctx.cleanup());

describe(`evaluation report figures (${TEST_DIALECT})`, () => {
	it('should print every indicator of the demo program exactly as the dashboard computes it, in the data, the XLSX and the PDF', async () => {
		const dashboard = await ctx.services.indicators.dashboard(coordinator, demoProgramId);
		const report = await ctx.services.reports.build(coordinator, demoProgramId);
		expect(dashboard.metrics.listing_quality).not.toBeNull();
		expect(dashboard.indicators.every((i) => i.value !== null)).toBe(true);

		expect(report.metrics).toEqual(dashboard.metrics);
		expect(report.indicators.map((i) => [i.key, i.label, i.value, i.baseline, i.target, i.source])).toEqual(
			dashboard.indicators.map((i) => [i.key, i.label, i.value, i.baseline, i.target, i.source === 'auto' ? 'otomatis' : 'manual'])
		);
		const quality = report.indicators.find((i) => i.key === 'listing_quality')!;
		expect(quality).toMatchObject({ value: dashboard.metrics.listing_quality, source: 'otomatis' });

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await evaluationReportXlsx(report)) as unknown as ArrayBuffer);
		const sheet = wb.getWorksheet('Indikator')!;
		const cells = new Map<string, { value: unknown; source: unknown }>();
		sheet.eachRow((row, i) => i > 1 && cells.set(String(row.getCell(1).value), { value: row.getCell(6).value, source: row.getCell(3).value }));
		for (const i of dashboard.indicators) expect(cells.get(i.label), i.label).toEqual({ value: i.value, source: i.source === 'auto' ? 'otomatis' : 'manual' });

		const pdf = await evaluationReportPdf(report);
		const text = pdfText(pdf, 'laporan-indikator');
		const table = text.slice(text.indexOf('b. Evaluasi hasil'), text.indexOf('Tahap adopsi anggota'));
		expect(table).toContain('(otomatis)');
		expect(table).not.toContain('(manual)');
		// each indicator's printed row, in order: its label's first word, then baseline, target and value
		const lines = pdfText(pdf, 'laporan-indikator', true).split('\n');
		let from = lines.findIndex((l) => l.startsWith('b. Evaluasi hasil'));
		for (const i of dashboard.indicators) {
			// pdftotext gives formatRupiah's no-break space ("Rp\u00a047.500") back as a space; the lines are squeezed the same way
			const cells = `${indicatorFigure(i.baseline, i.unit)} ${indicatorFigure(i.target, i.unit)} ${indicatorFigure(i.value, i.unit)} `.replace(/\s+/g, ' ');
			const at = lines.findIndex((l, k) => k > from && l.startsWith(i.label.split(' ')[0]) && l.includes(cells));
			expect(at, `${i.label}: ${cells}`).toBeGreaterThan(from);
			from = at;
		}
	});
});

describe(`held sessions (${TEST_DIALECT})`, () => {
	it('should count only sessions that have started and lie within the program, on the dashboard and in the report', async () => {
		const village = await makeCommunity(ctx.services);
		const coord = await makeStaff(ctx.services, village, 'coordinator');
		const program = await ctx.services.programs.create(coord, village, { name: 'Program Sesi', theme: '', goals: '', targetGroup: '', startsOn: '2024-11-01', endsOn: '2024-12-31' });
		const m: string[] = [];
		for (const name of ['Ani', 'Budi', 'Cici', 'Dedi']) m.push((await makeMember(ctx.services, ctx.database.db, village, `Ibu ${name}`)).memberId);
		await rosterSince(ctx.database.db, village);
		const session = async (title: string, startsAt: string, present: string[], at: string, scores?: [number, number]) => {
			const t = await ctx.services.trainings.create(coord, program.id, { title, startsAt, venue: 'Balai RW' });
			await ctx.services.trainings.recordAttendance(coord, t.id, { events: present.map((memberId) => ({ id: eid(), memberId, present: true, at })) });
			if (scores) {
				await ctx.services.tests.setScores(coord, t.id, { kind: 'pre', scores: [{ memberId: m[0], score: scores[0] }] });
				await ctx.services.tests.setScores(coord, t.id, { kind: 'post', scores: [{ memberId: m[0], score: scores[1] }] });
			}
			return t;
		};
		await session('Sesi sebelum program', '2024-10-20T09:00', m, '2024-10-20T02:30:00Z', [0, 10]);
		await session('Sesi nanti sore', '2024-12-03T15:00', m, '2024-12-03T02:00:00Z', [0, 10]);
		await session('Sesi tahun depan', '2025-06-10T09:00', [m[0]], '2024-12-03T02:00:00Z');
		await session('Sesi yang sudah berlangsung', '2024-11-28T09:00', m.slice(0, 3), '2024-11-28T02:10:00Z', [40, 70]);

		const dashboard = await ctx.services.indicators.dashboard(coord, program.id);
		expect(dashboard.metrics.attendance_rate).toBe(75);
		expect(dashboard.metrics.knowledge_gain).toBe(0.5);
		const report = await ctx.services.reports.build(coord, program.id);
		expect(report.trainings.map((t) => t.title)).toEqual(['Sesi yang sudah berlangsung']);
		expect(report.attendance).toMatchObject({ present: 3, expected: 4, rate: 0.75 });
		expect(report.gain).toMatchObject({ n: 1, meanPre: 40, meanPost: 70 });
		expect(report.notCounted.map((s) => [s.title, s.state])).toEqual([
			['Sesi sebelum program', 'outside'],
			['Sesi nanti sore', 'upcoming'],
			['Sesi tahun depan', 'outside']
		]);
		const text = pdfText(await evaluationReportPdf(report), 'laporan-sesi');
		expect(text).toContain('telah melaksanakan 1 sesi pelatihan dengan tingkat kehadiran 75%');
		expect(text).toContain('Jumlah sesi pelatihan 1');
		expect(text).toContain('Sesi nanti sore (Selasa, 3 Desember 2024, belum berlangsung)');
		expect(text).toContain('DAFTAR HADIR SESI 1 Kegiatan: Sesi yang sudah berlangsung');
		expect(text).not.toContain('Kegiatan: Sesi nanti sore');

		// a program without an end date: next year's session is upcoming, still not counted
		await ctx.services.programs.updatePlan(coord, program.id, { name: 'Program Sesi', theme: '', goals: '', targetGroup: '', startsOn: '2024-11-01', endsOn: '' });
		const open = await ctx.services.reports.build(coord, program.id);
		expect(open.notCounted.find((s) => s.title === 'Sesi tahun depan')?.state).toBe('upcoming');
		expect(open.attendance.rate).toBe(0.75);
	});
});

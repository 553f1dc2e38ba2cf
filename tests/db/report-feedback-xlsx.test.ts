import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, staffActor } from '../helpers/program-fixtures';
import { evaluationReportXlsx } from '../../src/lib/server/documents/evaluation-xlsx';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// issue 9 re-test: the evaluation report's XLSX had no sheet for the reaction check (umpan balik)
// 3 December 2024, 10.00 WIB: the session of 28 November has been held, its reaction check is open
const NOW = new Date('2024-12-03T03:00:00Z');
let ctx: TestContext;
let village: Community;
let coord: UserActor;
let n = 0;
const eid = () => `fb-${Date.now().toString(36)}-${++n}`;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	village = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
	coord = staffActor(village, 'coordinator');
}, 60_000);
afterAll(() => ctx.cleanup());

/** The sheet's rows below the header, as objects keyed by the header's texts. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
	const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
	const out: Record<string, unknown>[] = [];
	sheet.eachRow((row, i) => {
		if (i === 1) return;
		out.push(Object.fromEntries(header.map((h, k) => [h, row.getCell(k + 1).value])));
	});
	return out;
}

describe(`evaluation report XLSX: the reaction check (${TEST_DIALECT})`, () => {
	it("should have an 'Umpan balik' sheet with each question's mean and 1–5 counts, and the answers of the members marked present only", async () => {
		const p = await ctx.services.programs.create(coord, village, { name: 'Program Umpan Balik', theme: '', goals: '', targetGroup: '', startsOn: '2024-11-01', endsOn: '2024-12-31' });
		const t = await ctx.services.trainings.create(coord, p.id, { title: 'Sesi foto produk', startsAt: '2024-11-28T09:00', venue: 'Balai RW 04' });
		const ani = await makeMember(ctx.services, ctx.database.db, village, 'Ani Rahmawati');
		const budi = await makeMember(ctx.services, ctx.database.db, village, 'Budi Santoso');
		const cici = await makeMember(ctx.services, ctx.database.db, village, 'Cici Lestari');
		const seller = (m: { shopId: string }) => staffActor(village, 'seller', [m.shopId]);
		// everyone is ticked present first (only those present may answer); Cici's tick is undone afterwards
		await ctx.services.trainings.recordAttendance(coord, t.id, { events: [ani, budi, cici].map((m) => ({ id: eid(), memberId: m.memberId, present: true, at: '2024-11-28T02:05:00Z' })) });
		await ctx.services.tests.react(seller(ani), t.id, { satisfaction: '5', usefulness: '4', confidenceBefore: '2', confidenceNow: '4' });
		await ctx.services.tests.react(seller(budi), t.id, { satisfaction: '4', usefulness: '4', confidenceBefore: '1', confidenceNow: '5' });
		await ctx.services.tests.react(seller(cici), t.id, { satisfaction: '1', usefulness: '1', confidenceBefore: '1', confidenceNow: '1' });
		await ctx.services.trainings.recordAttendance(coord, t.id, { events: [{ id: eid(), memberId: cici.memberId, present: false, at: '2024-11-28T03:00:00Z' }] });

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await evaluationReportXlsx(await ctx.services.reports.build(coord, p.id))) as unknown as ArrayBuffer);

		const summary = rowsOf(wb.getWorksheet('Umpan balik')!);
		expect(summary.map((r) => [r['Sesi'], r['Pertanyaan'], r['n'], r['Rata-rata (1–5)'], [1, 2, 3, 4, 5].map((v) => r[`Jawaban ${v}`])])).toEqual([
			[1, 'Kepuasan terhadap pelatihan', 2, 4.5, [0, 0, 0, 1, 1]],
			[1, 'Kebermanfaatan untuk usaha', 2, 4, [0, 0, 0, 2, 0]],
			[1, 'Keyakinan berjualan lewat internet, sebelum pelatihan', 2, 1.5, [1, 1, 0, 0, 0]],
			[1, 'Keyakinan berjualan lewat internet, sekarang', 2, 4.5, [0, 0, 0, 1, 1]]
		]);
		expect(summary.every((r) => r['Kegiatan'] === 'Sesi foto produk')).toBe(true);

		const answers = rowsOf(wb.getWorksheet('Umpan balik anggota')!);
		expect(answers.map((r) => [r['Nama'], r['Toko'], r['Kepuasan'], r['Kebermanfaatan'], r['Yakin sebelum'], r['Yakin sekarang']])).toEqual([
			['Ani Rahmawati', 'Toko Ani Rahmawati', 5, 4, 2, 4],
			['Budi Santoso', 'Toko Budi Santoso', 4, 4, 1, 5]
		]);
	});

	it('should keep the sheets with their headers when nobody answered yet', async () => {
		const p = await ctx.services.programs.create(coord, village, { name: 'Program Tanpa Jawaban', theme: '', goals: '', targetGroup: '', startsOn: '2024-11-01', endsOn: '2024-12-31' });
		await ctx.services.trainings.create(coord, p.id, { title: 'Sesi sepi', startsAt: '2024-11-29T09:00', venue: 'Balai RW 01' });
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await evaluationReportXlsx(await ctx.services.reports.build(coord, p.id))) as unknown as ArrayBuffer);
		const summary = rowsOf(wb.getWorksheet('Umpan balik')!);
		expect(summary.map((r) => [r['n'], r['Rata-rata (1–5)']])).toEqual([
			[0, null],
			[0, null],
			[0, null],
			[0, null]
		]);
		expect(rowsOf(wb.getWorksheet('Umpan balik anggota')!)).toEqual([]);
	});
});

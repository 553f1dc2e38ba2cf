import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, staffActor } from '../helpers/program-fixtures';
import { pdfPages } from '../helpers/pdf';
import { evaluationReportPdf } from '../../src/lib/server/documents/evaluation-report';
import { evaluationReportXlsx } from '../../src/lib/server/documents/evaluation-xlsx';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// 3 December 2024, 10.00 WIB: the sessions of 20 and 28 November have been held
const NOW = new Date('2024-12-03T03:00:00Z');
let ctx: TestContext;
let village: Community;
let coord: UserActor;
let n = 0;
const eid = () => `rl-${Date.now().toString(36)}-${++n}`;

const LURAH = {
	issuer: 'Pemerintah Kabupaten Kuningan\nKecamatan Cigugur\nKelurahan Cigadung',
	issuerAddress: 'Jl. Raya Cigadung No. 1, Kuningan 45511',
	signerTitle: 'Lurah Cigadung',
	signerName: 'Budiana Suparman, SE',
	signerRank: 'Penata Tk. I',
	signerNip: '19750127 200801 1 002'
};

async function program(community: Community, actor: UserActor, name: string) {
	return ctx.services.programs.create(actor, community, { name, theme: '', goals: '', targetGroup: '', startsOn: '2024-11-01', endsOn: '2024-12-31' });
}

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	village = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
	coord = staffActor(village, 'coordinator');
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`evaluation report: kop and signer from the letter settings (${TEST_DIALECT})`, () => {
	it("should print the invitation letters' kop at the top of page 1 and the signer's name, rank and NIP under the signature space", async () => {
		const p = await program(village, coord, 'Program Kop');
		// the older session has no letter settings; the later one has the Lurah's
		await ctx.services.trainings.create(coord, p.id, { title: 'Sesi tanpa surat', startsAt: '2024-11-20T09:00', venue: 'Balai RW 03' });
		await ctx.services.trainings.create(coord, p.id, { title: 'Sesi dengan surat', startsAt: '2024-11-28T15:00', venue: 'Gedung Serbaguna', letter: LURAH });
		const data = await ctx.services.reports.build(coord, p.id);
		expect(data.letter).toMatchObject({ kop: ['Pemerintah Kabupaten Kuningan', 'Kecamatan Cigugur', 'Kelurahan Cigadung'], address: LURAH.issuerAddress, signer: { title: 'Lurah Cigadung', name: 'Budiana Suparman, SE', rank: 'Penata Tk. I', nip: '19750127 200801 1 002' } });

		const [first] = pdfPages(await evaluationReportPdf(data), ctx.dataDir, 'laporan-kop');
		// the kop opens page 1, above the title
		expect(first.slice(0, 5)).toEqual(['PEMERINTAH KABUPATEN KUNINGAN', 'KECAMATAN CIGUGUR', 'KELURAHAN CIGADUNG', LURAH.issuerAddress, 'LAPORAN EVALUASI KEGIATAN']);
		// the signer, under "Mengetahui," and the signature space: office, name, rank, NIP
		const tail = first.slice(first.findIndex((l) => l === 'Mengetahui,')).join(' | ');
		expect(tail).toMatch(/Lurah Cigadung .*\| Budiana Suparman, SE .*\| Penata Tk\. I \| NIP\. 19750127 200801 1 002/);
		expect(tail).not.toContain('NIP. ....');
	});

	it("should take the kop and signer from the community's other program when this program's letters have none, never from another community", async () => {
		const older = await program(village, coord, 'Program Tahun Lalu');
		await ctx.services.trainings.create(coord, older.id, { title: 'Sesi tahun lalu', startsAt: '2024-11-05T09:00', venue: 'Balai RW 01', letter: LURAH });
		const other = await makeCommunity(ctx.services, { name: 'Kelurahan Lain' });
		const otherCoord = staffActor(other, 'coordinator');
		const otherProgram = await program(other, otherCoord, 'Program Desa Lain');
		await ctx.services.trainings.create(otherCoord, otherProgram.id, { title: 'Sesi desa lain', startsAt: '2024-11-30T09:00', venue: 'Balai Desa', letter: { ...LURAH, signerName: 'Lurah Desa Lain', issuer: 'Kelurahan Lain' } });

		const copy = await program(village, coord, 'Program Salinan');
		await ctx.services.trainings.create(coord, copy.id, { title: 'Sesi salinan', startsAt: '2024-11-29T09:00', venue: 'Balai RW 02' });
		const data = await ctx.services.reports.build(coord, copy.id);
		expect(data.letter.signer.name).toBe('Budiana Suparman, SE');
		expect(data.letter.kop).toContain('Kecamatan Cigugur');
		// the form to fill in is this program's own latest training
		expect(data.letter.fillAt?.title).toBe('Sesi salinan');
		const text = pdfPages(await evaluationReportPdf(data), ctx.dataDir, 'laporan-kop-lain')[0].join(' ');
		expect(text).toContain('Budiana Suparman, SE');
		expect(text).not.toContain('Lurah Desa Lain');

		// the other community's report keeps its own signer
		const theirs = await ctx.services.reports.build(otherCoord, otherProgram.id);
		expect(theirs.letter.signer.name).toBe('Lurah Desa Lain');
	});

	it("should print the community's own kop and dotted name and NIP lines when no letter has them", async () => {
		const fresh = await makeCommunity(ctx.services, { name: 'Kelurahan Windujanten' });
		const freshCoord = staffActor(fresh, 'coordinator');
		const p = await program(fresh, freshCoord, 'Program Baru');
		const data = await ctx.services.reports.build(freshCoord, p.id);
		expect(data.letter).toMatchObject({ kop: [], address: '', signer: { name: '', nip: '' }, kopFrom: null, signerFrom: null, fillAt: null });
		const first = pdfPages(await evaluationReportPdf(data), ctx.dataDir, 'laporan-kop-kosong')[0];
		expect(first.slice(0, 3)).toEqual(['PEMERINTAH KABUPATEN KUNINGAN', 'KECAMATAN CIGUGUR', 'KELURAHAN WINDUJANTEN']);
		const tail = first.slice(first.findIndex((l) => l === 'Mengetahui,')).join(' | ');
		expect(tail).toMatch(/Kepala Kelurahan Windujanten .*\| \(\.{10,}\) .*\| NIP\. \.{10,}/);
	});
});

describe(`evaluation report XLSX (${TEST_DIALECT})`, () => {
	it('should put the shop beside the member name on the "Nilai" sheet, so two members of one name are told apart', async () => {
		const p = await program(village, coord, 'Program Nilai');
		const a = await makeMember(ctx.services, ctx.database.db, village, 'Ibu Eneng Satu');
		const b = await makeMember(ctx.services, ctx.database.db, village, 'Ibu Eneng Dua');
		// the demo roster has two sellers called "E": same name, different shops
		await ctx.database.db.updateTable('member').set({ person_name: 'Ibu E' }).where('id', 'in', [a.memberId, b.memberId]).execute();
		const t = await ctx.services.trainings.create(coord, p.id, { title: 'Sesi nilai', startsAt: '2024-11-28T09:00', venue: 'Balai RW 04' });
		await ctx.services.trainings.recordAttendance(coord, t.id, { events: [a, b].map((m) => ({ id: eid(), memberId: m.memberId, present: true, at: '2024-11-28T02:05:00Z' })) });
		await ctx.services.tests.setScores(coord, t.id, { kind: 'pre', scores: [{ memberId: a.memberId, score: 40 }, { memberId: b.memberId, score: 55 }] });
		await ctx.services.tests.setScores(coord, t.id, { kind: 'post', scores: [{ memberId: a.memberId, score: 80 }, { memberId: b.memberId, score: 70 }] });

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await evaluationReportXlsx(await ctx.services.reports.build(coord, p.id))) as unknown as ArrayBuffer);
		const sheet = wb.getWorksheet('Nilai')!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		const col = (name: string) => header.indexOf(name) + 1;
		expect(col('Toko')).toBe(col('Nama') + 1);
		const rows: [unknown, unknown, unknown][] = [];
		sheet.eachRow((row, i) => i > 1 && rows.push([row.getCell(col('Nama')).value, row.getCell(col('Toko')).value, row.getCell(col('Pre-test')).value]));
		expect(rows.sort((x, y) => Number(x[2]) - Number(y[2]))).toEqual([
			['Ibu E', 'Toko Ibu Eneng Satu', 40],
			['Ibu E', 'Toko Ibu Eneng Dua', 55]
		]);
	});
});

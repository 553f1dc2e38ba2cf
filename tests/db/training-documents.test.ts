import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, staffActor } from '../helpers/program-fixtures';
import { EvaluationReportService } from '../../src/lib/server/training/report.service';
import { evaluationReportPdf } from '../../src/lib/server/documents/evaluation-report';
import { evaluationReportXlsx } from '../../src/lib/server/documents/evaluation-xlsx';
import { certificatesPdf, invitationLetterPdf } from '../../src/lib/server/documents/invitation-letter';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { Training } from '../../src/lib/server/training/training.service';

let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let programId: string;
let training: Training;
const names = ['Ibu Énéng Sumarni', 'Pak Ujang Suryadi', 'Bu Tati Hayati', 'Kang Asep Saepudin'];
const members: { memberId: string; shopId: string }[] = [];

/** Text of a PDF (poppler's pdftotext), squeezed to single spaces. */
function pdfText(pdf: Buffer, dir: string, name: string): string {
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, pdf);
	if (process.env.SCREENSHOT_DIR) writeFileSync(join(process.env.SCREENSHOT_DIR, `${name}.pdf`), pdf);
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
	coordinator = staffActor(community, 'coordinator');
	const program = await ctx.services.programs.create(coordinator, community, {
		name: 'E-Commerce Creative (E-Crav)',
		theme: 'Peningkatan kapasitas pemasaran melalui e-commerce guna meningkatkan kesejahteraan UMKM',
		goals: 'Pemberian pengetahuan pelaku UMKM terhadap e-commerce\nMemperluas akses pasar bagi UMKM',
		targetGroup: 'Pelaku UMKM di Kelurahan Cigadung'
	});
	programId = program.id;
	for (const n of names) members.push(await makeMember(ctx.services, ctx.database.db, community, n));
	training = await ctx.services.trainings.create(coordinator, programId, {
		title: 'Peningkatan Kapasitas Bagi Para Pelaku UKM',
		startsAt: '2024-11-28T15:00',
		venue: 'Gedung Serbaguna Kelurahan Cigadung',
		speakers: ['Dinas Koperasi UKM Perdagangan dan Perindustrian Kabupaten Kuningan'],
		agenda: ['Penyuluhan tentang e-commerce', 'Pendaftaran akun', 'Pemasangan produk: unggah foto produk'],
		letter: {
			number: '15/PanKel/24/11/2024',
			subject: 'Undangan Pelatihan E-Commerce',
			addressees: 'Ketua RW Kel. Cigadung\nPara Pelaku UKM',
			place: 'Cigadung',
			signerTitle: 'Kepala Kelurahan Cigadung',
			signerName: 'Budiana Suparman, SE',
			signerRank: 'Penata Tk. I',
			signerNip: '19750127 200801 1 002',
			copies: 'Camat Cigugur\nDinas Koperasi UKM Kabupaten Kuningan'
		}
	});
	const at = (min: number) => `2024-11-28T08:${String(min).padStart(2, '0')}:00Z`;
	await ctx.services.trainings.recordAttendance(coordinator, training.id, { events: members.slice(0, 3).map((m, i) => ({ id: `doc-evt-${i}-${Date.now()}`, memberId: m.memberId, present: true, at: at(i) })) });
	await ctx.services.tests.setScores(coordinator, training.id, { kind: 'pre', scores: [{ memberId: members[0].memberId, score: 40 }, { memberId: members[1].memberId, score: 60 }] });
	await ctx.services.tests.setScores(coordinator, training.id, { kind: 'post', scores: [{ memberId: members[0].memberId, score: 70 }, { memberId: members[1].memberId, score: 90 }] });
	await ctx.services.programs.saveHandover(coordinator, programId, { recipient: 'Kelompok UMKM Kharisma', followUp: 'Bergabung dengan komunitas bisnis lokal binaan Dinas Koperasi', handedOverOn: '2024-12-06' });
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`${EvaluationReportService.name} (${TEST_DIALECT})`, () => {
	it('should print the report with the attendance, the gain, the handover and a daftar hadir with full Indonesian names', async () => {
		const data = await ctx.services.reports.build(coordinator, programId);
		expect(data.attendance).toMatchObject({ present: 3, expected: 4 });
		expect(data.gain.g).toBeCloseTo(0.6);
		const text = pdfText(await evaluationReportPdf(data), ctx.dataDir, 'laporan');
		for (const s of ['HALAMAN PENGESAHAN', 'BAB I', 'Latar Belakang', 'Tujuan', 'Sasaran', 'BAB II', 'Waktu dan Tempat', 'Kendala dan Solusi', 'BAB III', 'Simpulan', 'Rekomendasi', 'DAFTAR HADIR', 'Tanda tangan'])
			expect(text).toContain(s);
		expect(text).toContain('3 dari 4');
		expect(text).toContain('75%');
		expect(text).toContain('g = 0,60');
		expect(text).toContain('Kelompok UMKM Kharisma');
		expect(text).toContain('Ibu Énéng Sumarni');
		expect(text).toContain('Kamis, 28 November 2024');
	});

	it('should export the data behind the report as XLSX', async () => {
		const xlsx = await evaluationReportXlsx(await ctx.services.reports.build(coordinator, programId));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Sesi', 'Daftar hadir', 'Nilai', 'Indikator', 'Adopsi']);
		expect(wb.getWorksheet('Sesi')!.getRow(2).getCell(7).value).toBe(75);
		expect(wb.getWorksheet('Daftar hadir')!.rowCount).toBe(5);
	});

	it('should refuse the report to a seller and to another community (404)', async () => {
		const other = await makeCommunity(ctx.services);
		for (const actor of [staffActor(community, 'seller', [members[0].shopId]), staffActor(other, 'coordinator')]) await expect(ctx.services.reports.build(actor, programId)).rejects.toMatchObject({ status: 404 });
	});

	it('should print the invitation letter with every value from the data, and one certificate per member present', async () => {
		const t = await ctx.services.trainings.get(coordinator, training.id);
		const letter = pdfText(await invitationLetterPdf({ community, training: t, today: '2024-11-26T03:00:00Z' }), ctx.dataDir, 'undangan');
		for (const s of ['PEMERINTAH KABUPATEN KUNINGAN', 'KELURAHAN CIGADUNG', 'Nomor', '15/PanKel/24/11/2024', 'Lampiran', 'Hal', 'Kepada Yth.', 'Ketua RW Kel. Cigadung', 'Kamis, 28 November 2024', '15.00 WIB', 'Gedung Serbaguna Kelurahan Cigadung', 'Budiana Suparman, SE', '19750127 200801 1 002', 'Tembusan', 'Camat Cigugur', 'Cigadung, 26 November 2024'])
			expect(letter).toContain(s);
		const view = await ctx.services.trainings.attendance(coordinator, training.id);
		const present = view.data.filter((d) => d.present).map((d) => ({ name: d.name, shopName: d.shopName }));
		const certs = await certificatesPdf({ community, training: t, participants: present, number: (i) => `15/SRT/${i + 1}` });
		const text = pdfText(certs, ctx.dataDir, 'sertifikat');
		expect(text.match(/SERTIFIKAT/g)).toHaveLength(3);
		expect(text).toContain('Ibu Énéng Sumarni');
		expect(text).not.toContain('Kang Asep');
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, staffActor } from '../helpers/program-fixtures';
import { pdfPages } from '../helpers/pdf';
import { evaluationReportPdf } from '../../src/lib/server/documents/evaluation-report';
import { evaluationReportXlsx } from '../../src/lib/server/documents/evaluation-xlsx';
import { invitationLetterPdf } from '../../src/lib/server/documents/invitation-letter';
import { letterSchema } from '../../src/lib/validation/training';
import { pdfWords } from '../helpers/pdf';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { EvaluationReportData, ReportTraining } from '../../src/lib/server/training/report.service';

// 3 December 2024, 10.00 WIB: every session below has been held
const NOW = new Date('2024-12-03T03:00:00Z');
let ctx: TestContext;
let village: Community;
let coord: UserActor;
let n = 0;
const eid = () => `rlay-${Date.now().toString(36)}-${++n}`;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	village = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
	coord = staffActor(village, 'coordinator');
}, 60_000);
afterAll(() => ctx.cleanup());

/** Index of the first line at or after `from` that starts with `prefix` (-1 when none). */
const lineAt = (lines: string[], prefix: string, from = 0) => lines.findIndex((l, i) => i >= from && l.startsWith(prefix));

describe(`evaluation report: one session numbering (${TEST_DIALECT})`, () => {
	const TITLES = ['Foto Produk', 'Harga dan Deskripsi', 'QRIS dan WhatsApp'];

	it('should number each session the same, chronologically, in 2.1, 2.2, 2.3, the feedback lines, the lampiran and every XLSX sheet', async () => {
		const program = await ctx.services.programs.create(coord, village, { name: 'Program Nomor', theme: '', goals: '', targetGroup: '', startsOn: '2024-11-01', endsOn: '2024-12-31' });
		const m = await makeMember(ctx.services, ctx.database.db, village, 'Ibu Nining');
		// created out of order: the third session first
		for (const [title, day] of [[TITLES[2], '28'], [TITLES[0], '10'], [TITLES[1], '20']]) {
			const t = await ctx.services.trainings.create(coord, program.id, { title, startsAt: `2024-11-${day}T09:00`, venue: 'Balai RW 03' });
			await ctx.services.trainings.recordAttendance(coord, t.id, { events: [{ id: eid(), memberId: m.memberId, present: true, at: `2024-11-${day}T02:05:00Z` }] });
			await ctx.services.tests.setScores(coord, t.id, { kind: 'pre', scores: [{ memberId: m.memberId, score: 40 }] });
		}
		const data: EvaluationReportData = await ctx.services.reports.build(coord, program.id);
		expect(data.trainings.map((t) => t.title)).toEqual(TITLES);
		// the training list (newest first) is the same order, reversed
		const { trainings: list } = await ctx.services.trainings.overview(coord, village.id);
		expect(list.filter((t) => t.programId === program.id).map((t) => t.title).reverse()).toEqual(TITLES);
		// feedback on the first and the third session only: the third is still "sesi 3", not the second with feedback
		const reaction = { ...data.trainings[0].results.reaction, n: 2, satisfaction: 4.5, usefulness: 4, confidenceBefore: 2, confidenceNow: 4 };
		data.trainings[0].results.reaction = reaction;
		data.trainings[2].results.reaction = reaction;

		const pages = pdfPages(await evaluationReportPdf(data), ctx.dataDir, 'laporan-nomor');
		const lines = pages.flat();
		// 2.1 Waktu dan Tempat: No and Kegiatan
		let at = lineAt(lines, '2.1 Waktu dan Tempat');
		for (const [i, title] of TITLES.entries()) {
			at = lineAt(lines, `${i + 1} ${title}`, at);
			expect(at, `2.1: ${i + 1} ${title}`).toBeGreaterThan(0);
		}
		// 2.2 Kegiatan: one bold line per session
		at = lineAt(lines, '2.2 Kegiatan');
		for (const [i, title] of TITLES.entries()) {
			at = lineAt(lines, `Sesi ${i + 1}: ${title}`, at);
			expect(at, `2.2: Sesi ${i + 1}`).toBeGreaterThan(0);
		}
		// 2.3 Hasil, the attendance table: No and Sesi
		at = lineAt(lines, 'a. Evaluasi proses');
		for (const [i, title] of TITLES.entries()) {
			at = lineAt(lines, `${i + 1} ${title}`, at);
			expect(at, `2.3: ${i + 1} ${title}`).toBeGreaterThan(0);
		}
		const text = lines.join(' ');
		expect(text).toContain('Umpan balik peserta sesi 1,');
		expect(text).toContain('Umpan balik peserta sesi 3,');
		expect(text).not.toContain('Umpan balik peserta sesi 2');
		// the lampiran: one daftar hadir per session, under the same number
		for (const [i, title] of TITLES.entries()) {
			const page = pages.find((p) => p.includes(`LAMPIRAN ${i + 1} — DAFTAR HADIR SESI ${i + 1}`));
			expect(page, `lampiran ${i + 1}`).toBeDefined();
			expect(page).toContain(`Kegiatan: ${title}`);
		}

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await evaluationReportXlsx(data)) as unknown as ArrayBuffer);
		for (const [sheet, numberHeader] of [['Sesi', 'No'], ['Daftar hadir', 'Sesi'], ['Nilai', 'Sesi']]) {
			const ws = wb.getWorksheet(sheet)!;
			const header = (ws.getRow(1).values as unknown[]).slice(1);
			const pairs: [unknown, unknown][] = [];
			ws.eachRow((row, i) => i > 1 && pairs.push([row.getCell(header.indexOf(numberHeader) + 1).value, row.getCell(header.indexOf('Kegiatan') + 1).value]));
			expect(pairs, sheet).toEqual(TITLES.map((t, i) => [i + 1, t]));
		}
	});
});

/** A heading of the report: "2.4 Kendala dan Solusi", "a. Evaluasi proses", a session's title line in 2.2. */
const HEADING = /^(\d\.\d [A-Z]|[ab]\. Evaluasi (proses|hasil)$|Sesi \d+: )/;
/** The header row of one of the report's tables (repeated on every page the table runs onto). */
const TABLE_HEADER = /^(No Kegiatan|Tahap Status|No Sesi Hadir|Indikator Baseline|Tahap adopsi anggota)/;

describe(`evaluation report: page breaks (${TEST_DIALECT})`, () => {
	it('should keep every heading with at least two lines of what follows it, and break no word, however long the sections are', async () => {
		const program = await ctx.services.programs.create(coord, village, { name: 'Program Halaman', theme: 'Pemasaran daring', goals: 'Satu', targetGroup: 'Pelaku UMKM', startsOn: '2024-11-01', endsOn: '2024-12-31' });
		const members = [];
		for (const name of ['Ani', 'Budi', 'Cici', 'Dedi', 'Euis', 'Fajar']) members.push(await makeMember(ctx.services, ctx.database.db, village, `Ibu ${name}`));
		const t = await ctx.services.trainings.create(coord, program.id, { title: 'Sesi dasar', startsAt: '2024-11-12T09:00', venue: 'Balai RW 05', agenda: ['Pembukaan'] });
		await ctx.services.trainings.recordAttendance(coord, t.id, { events: members.map((m) => ({ id: eid(), memberId: m.memberId, present: true, at: '2024-11-12T02:05:00Z' })) });
		const base = await ctx.services.reports.build(coord, program.id);
		const session = base.trainings[0];

		const offenders: string[] = [];
		// sessions and agenda lines of growing length move every later heading down the page, a few points at a time
		for (let k = 0; k < 16; k++) {
			const trainings: ReportTraining[] = Array.from({ length: 1 + (k % 5) }, (_, i) => ({
				...session,
				id: `${session.id}-${i}`,
				title: `Pelatihan ke-${i + 1}`,
				agenda: Array.from({ length: (k + i) % 7 }, (_, j) => `Materi ${j + 1}: praktik unggah foto produk dan menulis deskripsi`),
				speakers: k % 2 ? ['Dinas Koperasi UKM Perdagangan dan Perindustrian Kabupaten Kuningan'] : []
			}));
			const data: EvaluationReportData = {
				...base,
				program: { ...base.program, goals: Array.from({ length: 1 + k }, (_, j) => `Tujuan ${j + 1}: pelaku UMKM mampu berjualan daring dan mengelola toko`).join('\n') },
				stages: base.stages.map((s) => ({ ...s, status: 'selesai', notes: `Catatan tahap ${s.key}. `.repeat(1 + ((k * 3) % 11)) })),
				trainings
			};
			const pages = pdfPages(await evaluationReportPdf(data), ctx.dataDir, `laporan-halaman-${k}`);
			const bodies = pages.map((lines) => (/^\d+$/.test(lines.at(-1) ?? '') ? lines.slice(0, -1) : lines));
			for (const [p, content] of bodies.entries()) {
				// a heading followed by one line here is fine only when its section ends with that line: the next page opens something else
				const nextOpensNew = p + 1 >= bodies.length || /^(BAB |LAMPIRAN)/.test(bodies[p + 1][0]) || HEADING.test(bodies[p + 1][0]) || TABLE_HEADER.test(bodies[p + 1][0]);
				for (const [i, line] of content.entries()) {
					const after = content.length - i - 1;
					if (HEADING.test(line) && (after === 0 || (after === 1 && !nextOpensNew))) offenders.push(`k=${k} page ${p + 1}: "${line}" followed by ${after} line(s), then "${bodies[p + 1]?.[0]}"`);
					// what a word broken mid-word leaves on a line of its own ("Undanga" / "n")
					if (/^[a-z]{1,2}$/.test(line)) offenders.push(`k=${k} page ${p + 1}: fragment "${line}"`);
				}
			}
			expect(pages.flat().some((l) => / Undangan /.test(` ${l} `)), `k=${k}: the attendance table's "Undangan" header`).toBe(true);
		}
		expect(offenders).toEqual([]);
	});
});

describe('invitation letter header', () => {
	it('should wrap a long Hal and a long addressee under their own first word, never mid-word', async () => {
		const letter = letterSchema.parse({
			number: '005/123/Kel.Cgd/XI/2024',
			subject: 'Undangan Pelatihan Peningkatan Kapasitas Pemasaran Digital bagi Pelaku UMKM',
			addressees: 'Ketua RW 01 sampai dengan RW 07 Kelurahan Cigadung\nPara Pelaku UMKM',
			signerName: 'Budiana Suparman, SE',
			signerNip: '19750127 200801 1 002'
		});
		const pdf = await invitationLetterPdf({ community: village, training: { title: 'Pelatihan E-Commerce', startsAt: '2024-11-28T08:00:00Z', venue: 'Gedung Serbaguna', speakers: [], agenda: [], letter }, today: '2024-11-26T03:00:00Z' });
		const words = pdfWords(pdf, ctx.dataDir, 'undangan-panjang');
		const at = (text: string) => words.find((w) => w.text === text)!;
		// Hal: "Undangan Pelatihan …" wraps; every later line of it starts where "Undangan" starts, right of the colon
		const hal = at('Undangan');
		const wrapped = words.filter((w) => w.yMin > hal.yMin + 2 && w.yMin < hal.yMin + 60 && w.xMin < 300 && ['Peningkatan', 'Pemasaran', 'Pelaku'].includes(w.text));
		expect(wrapped.length).toBeGreaterThan(0);
		for (const w of wrapped) expect(Math.abs(w.xMin - hal.xMin), w.text).toBeLessThan(1);
		// addressee 1 wraps under "Ketua", not under "1."
		const ketua = at('Ketua');
		const below = words.filter((w) => w.xMin > 300 && w.yMin > ketua.yMin + 2 && w.yMin < ketua.yMin + 20);
		expect(below.map((w) => w.text)).toContain('Cigadung');
		expect(Math.abs(Math.min(...below.map((w) => w.xMin)) - ketua.xMin)).toBeLessThan(1);
		expect(words.map((w) => w.text)).toContain('Undangan');
	});
});

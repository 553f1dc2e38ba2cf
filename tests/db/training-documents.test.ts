import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { adoptionRows } from '../../src/lib/server/documents/adoption-rows';
import { newId } from '../../src/lib/utils/ids';
import { makeMember, rosterSince, staffActor } from '../helpers/program-fixtures';
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
	await rosterSince(ctx.database.db, community);
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
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Sesi', 'Daftar hadir', 'Nilai', 'Umpan balik', 'Umpan balik anggota', 'Indikator', 'Adopsi']);
		expect(wb.getWorksheet('Sesi')!.getRow(2).getCell(8).value).toBe(75);
		expect(wb.getWorksheet('Daftar hadir')!.rowCount).toBe(5);
	});

	it("should print the adoption counts the funnel service gives the adoption page, in the PDF and the XLSX", async () => {
		// a seller who made their login and sells; a shop with a live product but no login; one order
		const added = await ctx.services.members.addSeller(system, community, { name: 'Bu Rina Marlina', businessType: 'Kue basah', area: 'RW 04', whatsapp: '0813 7000 0004', email: '' });
		await ctx.services.auth.setPasswordWithLink(added.setupToken, { password: 'kue-basah-rina-1', confirm: 'kue-basah-rina-1' });
		// shops without a product yet are not listed publicly (225e16b): read them as staff
		const rina = await ctx.services.shops.getManaged(system, added.shopId);
		const tati = await ctx.services.shops.getManaged(system, members[2].shopId);
		await makeProduct(ctx.services, rina, { name: 'Kue Lapis Rina' });
		await makeProduct(ctx.services, tati, { name: 'Opak Tati' });
		const at = new Date().toISOString();
		const checkoutId = newId('chk');
		await ctx.database.db.insertInto('checkout').values({ id: checkoutId, code: checkoutId, token: checkoutId, community_id: community.id, idempotency_key: checkoutId, buyer_name: 'Pembeli', buyer_whatsapp: '6281299990000', created_at: at }).execute();
		await ctx.database.db
			.insertInto('shop_order')
			.values({ id: newId('ord'), code: newId('o'), checkout_id: checkoutId, community_id: community.id, shop_id: tati.id, status: 'selesai', delivery: 'pickup', delivery_fee: 0, payment_method: 'cod', paid_at: null, subtotal: 15000, total: 15000, item_count: 1, created_at: at, updated_at: at })
			.execute();

		const funnel = await ctx.services.funnel.forCommunity(coordinator, community);
		const data = await ctx.services.reports.build(coordinator, programId);
		expect(data.adoption).toEqual({ members: funnel.members.length, reached: funnel.reached });
		expect(funnel.reached).toMatchObject({ account: 1, first_product: 2, first_order: 1, first_completed: 1 });
		expect(data.adoption.members).toBe(names.length + 1);

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await evaluationReportXlsx(data)) as unknown as ArrayBuffer);
		const sheet = wb.getWorksheet('Adopsi')!;
		const xlsxRows = new Map<string, unknown>();
		sheet.eachRow((row, i) => i > 1 && xlsxRows.set(String(row.getCell(1).value), row.getCell(2).value));
		for (const r of adoptionRows(data)) expect(xlsxRows.get(r.label), r.label).toBe(r.value);
		// shop visitors are counted now (issue 10): the report prints the funnel's first_visitor, not a blank
		expect(adoptionRows(data).find((r) => r.label === 'Toko yang dikunjungi pembeli')?.value).toBe(funnel.reached.first_visitor ?? 0);
		expect(xlsxRows.get('Sudah membuat akun (kata sandi)')).toBe(funnel.reached.account);
		expect(xlsxRows.get('Toko dengan produk tayang')).toBe(funnel.reached.first_product);
		expect(xlsxRows.get('Toko yang sudah mendapat pesanan')).toBe(funnel.reached.first_order);

		const text = pdfText(await evaluationReportPdf(data), ctx.dataDir, 'laporan-adopsi');
		expect(text).toContain(`Sudah membuat akun (kata sandi) ${funnel.reached.account}`);
		expect(text).toContain(`Toko dengan produk tayang ${funnel.reached.first_product}`);
		expect(text).toContain(`Toko yang sudah mendapat pesanan ${funnel.reached.first_order}`);
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

	it('should print "di Tempat" and "Dengan hormat," once, a multi-line kop, and lines to sign on when the signer is not filled in', async () => {
		const t = await ctx.services.trainings.get(coordinator, training.id);
		const letter = { ...t.letter, issuer: 'Pemerintah Kabupaten Kuningan\nKecamatan Cigugur\nKelurahan Cigadung', issuerAddress: 'Jl. Raya Cigadung No. 1, Kuningan', addressees: ['Para Pelaku UMKM', 'di Tempat'], body: 'Dengan hormat, bersama ini kami mengundang Bapak/Ibu.', signerName: '', signerNip: '' };
		const text = pdfText(await invitationLetterPdf({ community, training: { ...t, letter }, today: '2024-11-26T03:00:00Z' }), ctx.dataDir, 'undangan-2');
		expect(text.match(/di Tempat/g)).toHaveLength(1);
		expect(text.match(/Dengan hormat/gi)).toHaveLength(1);
		expect(text).not.toMatch(/\d\. di Tempat/);
		expect(text).toContain('PEMERINTAH KABUPATEN KUNINGAN KECAMATAN CIGUGUR KELURAHAN CIGADUNG Jl. Raya Cigadung No. 1, Kuningan');
		expect(text).toContain('Dengan hormat, Bersama ini kami mengundang');
		expect(text).toMatch(/\(\.{10,}\) Penata Tk\. I NIP\. \.{10,} Tembusan/);
	});
});

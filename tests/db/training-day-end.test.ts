import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { RoomService } from '../../src/lib/server/training/room.service';
import { firstProductTimes } from '../../src/lib/server/training/day-results';
import { trainingResultsPdf } from '../../src/lib/server/documents/training-results';
import { evaluationReportPdf } from '../../src/lib/server/documents/evaluation-report';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// The test clock: the training starts 28 Nov 2024, 15.00 WIB (08.00 UTC); the tests move it.
let now = new Date('2024-11-27T03:00:00.000Z');
const at = (hhmmss: string) => new Date(`2024-11-28T${hhmmss}.000Z`);
let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let facilitator: UserActor;
let programId: string;
let trainingId: string;
const m: Record<string, { memberId: string; shopId: string }> = {};
let seq = 0;

const eid = () => `evt-end-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
const tick = (memberId: string, present = true) => ctx.services.trainings.recordAttendance(facilitator, trainingId, { events: [{ id: eid(), memberId, present, at: now.toISOString() }] });

/** Text of a PDF (poppler's pdftotext), squeezed to single spaces. */
function pdfText(pdf: Buffer, name: string): string {
	const file = join(ctx.dataDir, `${name}.pdf`);
	writeFileSync(file, pdf);
	if (process.env.SCREENSHOT_DIR) writeFileSync(join(process.env.SCREENSHOT_DIR, `${name}.pdf`), pdf);
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

async function setUpAccount(member: { memberId: string; shopId: string }, n: number) {
	const whatsapp = `62812990000${String(n).padStart(2, '0')}`;
	await ctx.database.db.updateTable('shop').set({ whatsapp }).where('id', '=', member.shopId).execute();
	await ctx.database.db.updateTable('member').set({ whatsapp }).where('id', '=', member.memberId).execute();
	const invite = await ctx.services.roster.inviteOwner(coordinator, community, member.memberId);
	await ctx.services.auth.setPasswordWithLink(invite.token, { password: 'risol-mayo-2024', confirm: 'risol-mayo-2024' });
}

/** A product with a photo, published now (the test clock). */
async function publishWithPhoto(shopId: string, name: string) {
	const shop = await ctx.database.db.selectFrom('shop').selectAll().where('id', '=', shopId).executeTakeFirstOrThrow();
	const p = await makeProduct(ctx.services, shop, { name });
	await ctx.services.products.addPhoto(system, p.id, await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 180, g: 120, b: 60 } } }).jpeg().toBuffer());
}

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
	coordinator = staffActor(community, 'coordinator');
	facilitator = staffActor(community, 'facilitator');
	programId = await makeProgram(ctx.database.db, community);
	const names = { ujang: 'Pak Ujang Jaya', tati: 'Bu Tati Dewi', eneng: 'Ibu Eneng Sumarni', nining: 'Nining Purwati', siti: 'Siti Aminah' };
	for (const [k, name] of Object.entries(names)) m[k] = await makeMember(ctx.services, ctx.database.db, community, name);
	await rosterSince(ctx.database.db, community);
	// Eneng sells online already, since the day before
	await publishWithPhoto(m.eneng.shopId, 'Opak Bakar');
	const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan Jualan Online', startsAt: '2024-11-28T15:00', venue: 'Gedung Serbaguna Kelurahan Cigadung', speakers: ['Dinas Koperasi dan UMKM Kota Bandung'] });
	trainingId = t.id;

	// the afternoon: Ujang, Tati and Nining check in at 15.00, Eneng at 15.05; Siti does not come
	now = at('08:00:00');
	for (const k of ['ujang', 'tati', 'nining']) await tick(m[k].memberId);
	now = at('08:05:00');
	await tick(m.eneng.memberId);
	now = at('08:03:00');
	await setUpAccount(m.ujang, 1);
	now = at('08:08:00');
	await publishWithPhoto(m.ujang.shopId, 'Basreng Pedas'); // 8 minutes
	now = at('08:12:00');
	await setUpAccount(m.tati, 2);
	now = at('08:25:00');
	await publishWithPhoto(m.tati.shopId, 'Risol Mayo'); // 25 minutes
	now = at('08:45:00');
	await publishWithPhoto(m.nining.shopId, 'Cireng Rujak'); // 45 minutes
}, 120_000);
afterAll(() => ctx.cleanup());

describe(`${RoomService.name} end of the day (${TEST_DIALECT})`, () => {
	it('should count what the day produced and time check-in → first product, in buckets with the median', async () => {
		now = at('09:00:00');
		const { figures, training } = await ctx.services.rooms.dayResults(coordinator, trainingId);
		expect(training).toMatchObject({ title: 'Pelatihan Jualan Online', venue: 'Gedung Serbaguna Kelurahan Cigadung', speakers: ['Dinas Koperasi dan UMKM Kota Bandung'], attendanceClosedAt: null });
		expect(figures).toEqual({
			listed: 5,
			present: 4,
			accounts: 2,
			profiles: 0,
			// Eneng's photo and product are from the day before: not the day's work, but "online before"
			photosToday: 3,
			publishedToday: 3,
			// 8, 25 and 45 minutes; Eneng was live before she came and published nothing new
			firstProduct: { measured: 3, buckets: [1, 0, 1, 1], medianMinutes: 25, before: 1, notYet: 1 }
		});
		await expect(ctx.services.rooms.dayResults(staffActor(community, 'seller', [m.ujang.shopId]), trainingId)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.rooms.dayResults(staffActor(await makeCommunity(ctx.services), 'coordinator'), trainingId)).rejects.toMatchObject({ status: 404 });
	});

	it('should put the bucket edges at 10, 20 and 30 minutes inclusive and take the middle of an even count', () => {
		const checkInAt = '2024-11-28T08:00:00.000Z';
		const after = (min: number) => new Date(Date.parse(checkInAt) + min * 60_000).toISOString();
		expect(firstProductTimes([10, 10.5, 20, 30, 30.01].map((x) => ({ checkInAt, publishedAt: after(x) })))).toMatchObject({ buckets: [1, 2, 1, 1], medianMinutes: 20 });
		expect(firstProductTimes([4, 7].map((x) => ({ checkInAt, publishedAt: after(x) })))).toMatchObject({ medianMinutes: 5.5 });
		expect(firstProductTimes([{ checkInAt, publishedAt: null }])).toEqual({ measured: 0, buckets: [0, 0, 0, 0], medianMinutes: null, before: 0, notYet: 1 });
		// online before and published again that day: both lines count her
		expect(firstProductTimes([{ checkInAt, publishedAt: after(12), onlineBefore: true }])).toEqual({ measured: 1, buckets: [0, 1, 0, 0], medianMinutes: 12, before: 1, notYet: 0 });
	});

	it('should print the same figures on the one-page "Hasil pelatihan" and in the evaluation report', async () => {
		now = at('09:00:00');
		const { figures, training } = await ctx.services.rooms.dayResults(facilitator, trainingId);
		const pdf = await trainingResultsPdf({ community, training, figures, generatedAt: now.toISOString() });
		const pages = execFileSync('pdfinfo', ['-'], { input: pdf }).toString().match(/Pages:\s+(\d+)/)?.[1];
		expect(pages).toBe('1');
		const text = pdfText(pdf, 'hasil-pelatihan');
		expect(text).toContain('HASIL PELATIHAN');
		expect(text).toContain('Kamis, 28 November 2024');
		expect(text).toContain('Gedung Serbaguna Kelurahan Cigadung');
		expect(text).toContain('Dinas Koperasi dan UMKM Kota Bandung');
		expect(text).toContain('4 dari 5 yang diundang (80%)');
		expect(text).toContain('2 dari 4 yang hadir (50%)');
		expect(text).toContain('Menayangkan produk hari itu setelah absen 3 dari 4 (75%)');
		expect(text).toContain('Sudah jualan online sebelum absen 1 dari 4 (25%)');
		expect(text).toContain('Median 25 menit dari absen sampai produk pertama yang ditayangkan hari itu (3 peserta)');
		expect(text).toMatch(/≤ 10 menit 1 .*10–20 menit 0 .*20–30 menit 1 .*> 30 menit 1 .*Tidak menayangkan produk hari itu 1/);
		// the picture of it: one page, looked at by a person (pdftoppm) when SCREENSHOT_DIR is set
		if (process.env.SCREENSHOT_DIR) execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', join(ctx.dataDir, 'hasil-pelatihan.pdf'), join(process.env.SCREENSHOT_DIR, 'hasil-pelatihan')]);

		const report = await ctx.services.reports.build(coordinator, programId);
		expect(report.trainings.find((x) => x.id === trainingId)?.day).toEqual(figures);
		const reportText = pdfText(await evaluationReportPdf(report), 'laporan-hasil-hari');
		expect(reportText).toContain('Hasil hari pelatihan: dari 4 peserta yang hadir, 2 sudah membuat akun, 0 melengkapi profil toko, 3 mengunggah foto produk hari itu, dan 3 menayangkan produk hari itu setelah absen (1 sudah jualan online sebelum absen); waktu dari absen sampai produk pertama yang ditayangkan hari itu: median 25 menit (3 peserta; ≤ 10 menit 1, 10–20 menit 0, 20–30 menit 1, > 30 menit 1).');
	});

	it('should refuse ticks, self check-ins and help flags once attendance is closed, and take them again when reopened', async () => {
		now = at('09:30:00');
		const closed = await ctx.services.trainings.closeAttendance(coordinator, trainingId);
		expect(closed.attendanceClosedAt).toBe('2024-11-28T09:30:00.000Z');
		now = at('09:31:00');
		// closing again keeps the first time
		expect((await ctx.services.trainings.closeAttendance(facilitator, trainingId)).attendanceClosedAt).toBe('2024-11-28T09:30:00.000Z');
		const before = await ctx.database.db.selectFrom('attendance').selectAll().where('training_id', '=', trainingId).orderBy('member_id').execute();
		await expect(tick(m.siti.memberId)).rejects.toMatchObject({ status: 409, code: 'attendance_closed', messageKey: 'training.attendanceClosed' });
		await expect(tick(m.ujang.memberId, false)).rejects.toMatchObject({ status: 409 });
		const siti = staffActor(community, 'seller', [m.siti.shopId]);
		const t = await ctx.services.trainings.get(coordinator, trainingId);
		await expect(ctx.services.trainings.selfCheckIn(siti, t.checkinToken, eid())).rejects.toMatchObject({ status: 409, code: 'attendance_closed' });
		await expect(ctx.services.help.raise(staffActor(community, 'seller', [m.tati.shopId]), trainingId)).rejects.toMatchObject({ status: 409 });
		expect(await ctx.services.help.today(staffActor(community, 'seller', [m.tati.shopId]))).toBeNull();
		expect(await ctx.database.db.selectFrom('attendance').selectAll().where('training_id', '=', trainingId).orderBy('member_id').execute()).toEqual(before);
		expect((await ctx.services.rooms.dayResults(coordinator, trainingId)).training.attendanceClosedAt).toBe('2024-11-28T09:30:00.000Z');

		// a seller or another community cannot close it; reopened by the coordinator, ticks count again
		await expect(ctx.services.trainings.closeAttendance(siti, trainingId, true)).rejects.toMatchObject({ status: 404 });
		await ctx.services.trainings.closeAttendance(coordinator, trainingId, true);
		await tick(m.siti.memberId);
		expect((await ctx.services.rooms.dayResults(coordinator, trainingId)).figures.present).toBe(5);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { trainingResultsPdf } from '../../src/lib/server/documents/training-results';
import { evaluationReportPdf } from '../../src/lib/server/documents/evaluation-report';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// The reviewer's demo (review 2026-12-02): the coordinator entered every member's shop and a live product with a
// photo the day before; on the training day (28 Nov 2024, 15.00 WIB = 08.00 UTC) five come, three of them set a
// password and add, photograph and publish a product of their own, one only sets a password, one does nothing.
let now = new Date('2024-11-27T03:00:00.000Z');
const at = (hhmm: string) => new Date(`2024-11-28T${hhmm}:00.000Z`);
let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let facilitator: UserActor;
let programId: string;
let trainingId: string;
let checkinToken: string;
const m: Record<string, { memberId: string; shopId: string }> = {};
let seq = 0;
const eid = () => `evt-aft-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
const tick = (memberId: string) => ctx.services.trainings.recordAttendance(facilitator, trainingId, { events: [{ id: eid(), memberId, present: true, at: now.toISOString() }] });

// three members called just "U" (the demo's), told apart by their shops; two Siti; one Nur
const PEOPLE = {
	u1: ['U', 'Sate Ayam U'],
	u2: ['U', 'Bakso U'],
	u3: ['U', 'Keripik U'],
	siti: ['Siti Rahma', 'Warung Rahma'],
	nur: ['Nur Aini', 'Nur Snack']
} as const;

function pdfText(pdf: Buffer, name: string): string {
	const file = join(ctx.dataDir, `${name}.pdf`);
	writeFileSync(file, pdf);
	if (process.env.SCREENSHOT_DIR) writeFileSync(join(process.env.SCREENSHOT_DIR, `${name}.pdf`), pdf);
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

const jpeg = () => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 180, g: 120, b: 60 } } }).jpeg().toBuffer();

async function publishWithPhoto(shopId: string, name: string) {
	const shop = await ctx.database.db.selectFrom('shop').selectAll().where('id', '=', shopId).executeTakeFirstOrThrow();
	const p = await makeProduct(ctx.services, shop, { name });
	await ctx.services.products.addPhoto(system, p.id, await jpeg());
}

async function setPassword(member: { memberId: string; shopId: string }, n: number) {
	const whatsapp = `62812880000${String(n).padStart(2, '0')}`;
	await ctx.database.db.updateTable('shop').set({ whatsapp }).where('id', '=', member.shopId).execute();
	await ctx.database.db.updateTable('member').set({ whatsapp }).where('id', '=', member.memberId).execute();
	const invite = await ctx.services.roster.inviteOwner(coordinator, community, member.memberId);
	await ctx.services.auth.setPasswordWithLink(invite.token, { password: 'risol-mayo-2024', confirm: 'risol-mayo-2024' });
}

const board = async () => (await ctx.services.boards.forStaff(facilitator, trainingId)).board;
const stepsByName = async () => Object.fromEntries((await board()).members.map((x) => [x.firstName, x.step]));

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
	coordinator = staffActor(community, 'coordinator');
	facilitator = staffActor(community, 'facilitator');
	programId = await makeProgram(ctx.database.db, community);
	for (const [k, [person, shop]] of Object.entries(PEOPLE)) {
		m[k] = await makeMember(ctx.services, ctx.database.db, community, `${person} ${k}`);
		await ctx.database.db.updateTable('member').set({ person_name: person }).where('id', '=', m[k].memberId).execute();
		// the coordinator fills in the whole shop profile and a live product with a photo, the day before
		await ctx.database.db
			.updateTable('shop')
			.set({ name: shop, logo: 'logo/demo.webp', story: 'Dibuat sendiri di rumah.', area: 'RW 06', pickup_point: 'Warung Bu RT', opening_hours: 'Setiap hari 08.00–17.00', delivery: JSON.stringify({ pickup: true, local: null, courier: false }), payment: JSON.stringify({ cod: true, transfer: null, qris: null }), updated_at: now.toISOString() })
			.where('id', '=', m[k].shopId)
			.execute();
		await publishWithPhoto(m[k].shopId, `Produk lama ${shop}`);
	}
	await rosterSince(ctx.database.db, community);
	const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan Jualan Online', startsAt: '2024-11-28T15:00', venue: 'Balai RW 06', speakers: ['Dinas Koperasi dan UMKM Kota Bandung'] });
	trainingId = t.id;
	checkinToken = t.checkinToken;
}, 120_000);
afterAll(() => ctx.cleanup());

describe(`training day after the coordinator entered everything before (${TEST_DIALECT})`, () => {
	it('should show nobody past invited before the training, then the chain as the afternoon goes', async () => {
		now = at('07:30');
		let b = await board();
		expect(b.counts).toEqual({ invited: 5, hadir: 0, akun: 0, toko: 0, foto: 0, tayang: 0 });
		expect(b.members.every((x) => x.step === 'invited')).toBe(true);

		now = at('08:00');
		for (const k of Object.keys(PEOPLE)) await tick(m[k].memberId);
		b = await board();
		// present but no password: hadir, whatever the coordinator entered
		expect(b.counts).toEqual({ invited: 5, hadir: 5, akun: 0, toko: 0, foto: 0, tayang: 0 });

		// the afternoon: U (Sate Ayam) 6 min, U (Bakso) 15 min, U (Keripik) 35 min; Siti only sets a password
		now = at('08:03');
		await setPassword(m.u1, 1);
		now = at('08:04');
		await setPassword(m.u2, 2);
		now = at('08:06');
		await publishWithPhoto(m.u1.shopId, 'Sate Ayam Madura');
		now = at('08:08');
		await setPassword(m.u3, 3);
		now = at('08:09');
		await setPassword(m.siti, 4);
		now = at('08:15');
		await publishWithPhoto(m.u2.shopId, 'Bakso Urat');
		now = at('08:35');
		await publishWithPhoto(m.u3.shopId, 'Keripik Singkong');

		now = at('09:00');
		b = await board();
		// Siti checked in with a password and her products from before: straight to tayang; Nur stays at hadir
		expect(await stepsByName()).toEqual({ 'U · Sate Ayam U': 'tayang', 'U · Bakso U': 'tayang', 'U · Keripik U': 'tayang', Siti: 'tayang', Nur: 'hadir' });
		expect(b.counts).toEqual({ invited: 5, hadir: 5, akun: 4, toko: 4, foto: 4, tayang: 4 });
		// the counts fall from left to right and the headline is the tayang count
		const c = Object.values(b.counts);
		expect(c).toEqual([...c].sort((x, y) => y - x));
		expect(JSON.stringify(b)).not.toContain('62812');
	});

	it('should tell the three U apart by shop name on the check-in list and the room list too', async () => {
		now = at('09:00');
		const view = await ctx.services.checkins.publicView(checkinToken);
		expect(view.members.map((x) => x.firstName).sort()).toEqual(['Nur', 'Siti', 'U · Bakso U', 'U · Keripik U', 'U · Sate Ayam U']);
		const room = await ctx.services.rooms.forStaff(facilitator, trainingId);
		expect(room.members.map((x) => x.name).sort()).toEqual(['Nur Aini', 'Siti Rahma', 'U · Bakso U', 'U · Keripik U', 'U · Sate Ayam U']);
		expect(JSON.stringify({ view, room })).not.toContain('62812');
	});

	it("should report the afternoon's own work in the Hasil pelatihan PDF and the evaluation report, with 'online before' apart", async () => {
		now = at('09:00');
		const { figures, training } = await ctx.services.rooms.dayResults(coordinator, trainingId);
		expect(figures).toEqual({
			listed: 5,
			present: 5,
			accounts: 4,
			profiles: 5,
			photosToday: 3,
			publishedToday: 3,
			firstProduct: { measured: 3, buckets: [1, 1, 0, 1], medianMinutes: 15, before: 5, notYet: 2 }
		});
		const text = pdfText(await trainingResultsPdf({ community, training, figures, generatedAt: now.toISOString() }), 'hasil-pelatihan-sore');
		expect(text).toContain('Mengunggah foto produk hari itu 3 dari 5 (60%)');
		expect(text).toContain('Menayangkan produk hari itu setelah absen 3 dari 5 (60%)');
		expect(text).toContain('Sudah jualan online sebelum absen 5 dari 5 (100%)');
		expect(text).toContain('Median 15 menit dari absen sampai produk pertama yang ditayangkan hari itu (3 peserta)');
		expect(text).toMatch(/≤ 10 menit 1 .*10–20 menit 1 .*20–30 menit 0 .*> 30 menit 1 .*Tidak menayangkan produk hari itu 2/);
		for (const wrong of ['Belum ada peserta', 'Punya foto produk', '100%) Menayangkan']) expect(text).not.toContain(wrong);

		const report = await ctx.services.reports.build(coordinator, programId);
		expect(report.trainings.find((x) => x.id === trainingId)?.day).toEqual(figures);
		const reportText = pdfText(await evaluationReportPdf(report), 'laporan-sore');
		expect(reportText).toContain(
			'Hasil hari pelatihan: dari 5 peserta yang hadir, 4 sudah membuat akun, 5 melengkapi profil toko, 3 mengunggah foto produk hari itu, dan 3 menayangkan produk hari itu setelah absen (5 sudah jualan online sebelum absen); waktu dari absen sampai produk pertama yang ditayangkan hari itu: median 15 menit (3 peserta; ≤ 10 menit 1, 10–20 menit 1, 20–30 menit 0, > 30 menit 1).'
		);
	});
});

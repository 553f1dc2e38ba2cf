import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, staffActor } from '../helpers/program-fixtures';
import { programTablesSnapshot } from '../helpers/program';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/utils/ids';

// issue 9 re-test: "Salin sebagai templat" dropped the trainings' agenda and letter text
let ctx: TestContext;
let cigadung: Community;
let sukamulya: Community;
let coord: UserActor;
let both: UserActor;
let otherCoord: UserActor;

const LETTER = {
	number: '005/123/Kel.Cgd/XI/2024',
	subject: 'Undangan Pelatihan Pemasaran Digital',
	addressees: 'Para Pelaku UMKM\nKetua RW 01 s.d. RW 07',
	body: 'Dalam rangka meningkatkan kemampuan berjualan daring, kami mengundang Bapak/Ibu pada:',
	copies: 'Camat Cigugur',
	place: 'Kuningan',
	issuer: 'Pemerintah Kabupaten Kuningan / Kecamatan Cigugur / Kelurahan Cigadung',
	issuerAddress: 'Jl. Raya Cigadung No. 1',
	signerTitle: 'Lurah Cigadung',
	signerName: 'Budiana Suparman, SE',
	signerNip: '19750127 200801 1 002'
};

beforeAll(async () => {
	ctx = await createTestContext();
	cigadung = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
	sukamulya = await makeCommunity(ctx.services, { name: 'Desa Sukamulya' });
	coord = staffActor(cigadung, 'coordinator');
	otherCoord = staffActor(sukamulya, 'coordinator');
	// the Dinas facilitator who serves both villages carries the program from one to the next
	both = { kind: 'user', userId: newId('usr'), name: 'Pendamping Dinas', isPlatformAdmin: false, memberships: [{ communityId: cigadung.id, role: 'facilitator' }, { communityId: sukamulya.id, role: 'facilitator' }], shopIds: [] };
}, 60_000);
afterAll(() => ctx.cleanup());

async function sourceProgram(name: string) {
	const src = await ctx.services.programs.create(coord, cigadung, { name, theme: '', goals: '', targetGroup: '', startsOn: '2024-11-01', endsOn: '2024-12-31' });
	const first = await ctx.services.trainings.create(coord, src.id, { title: 'Foto produk dengan HP', startsAt: '2024-11-20T09:00', venue: 'Balai RW 03', speakers: ['Dinas Koperasi Kab. Kuningan'], agenda: ['Cahaya dari jendela', 'Latar polos'], letter: LETTER });
	await ctx.services.trainings.create(coord, src.id, { title: 'Jualan lewat WhatsApp', startsAt: '2024-11-28T09:00', venue: 'Aula Kelurahan', agenda: ['Katalog WhatsApp'] });
	const m = await makeMember(ctx.services, ctx.database.db, cigadung, `Ibu ${name}`);
	await ctx.services.trainings.setInvitees(coord, first.id, [m.memberId]);
	await ctx.services.trainings.recordAttendance(coord, first.id, { events: [{ id: newId('evt'), memberId: m.memberId, present: true, at: '2024-11-20T02:05:00.000Z' }] });
	return src;
}

describe(`a program copied as a template carries its trainings' text (${TEST_DIALECT})`, () => {
	it("should carry each training's title, venue, speakers, agenda and letter text to another village, without date, number, kop, signer, invitees or attendance", async () => {
		const src = await sourceProgram('E-Crav Cigadung');
		const copy = await ctx.services.programs.copyToCommunity(both, src.id, sukamulya, { name: 'E-Crav Sukamulya 2025', startsOn: '2025-03-01', endsOn: '2025-08-31' });
		// no training (nothing dated, nothing a seller would see twice), but two plans waiting for their dates
		expect(await ctx.services.trainings.listForProgram(otherCoord, copy.id)).toEqual([]);
		const plans = await ctx.services.trainingPlans.listForCommunity(otherCoord, sukamulya.id);
		expect(plans.map((p) => [p.programId, p.title, p.venue, p.speakers, p.agenda])).toEqual([
			[copy.id, 'Foto produk dengan HP', 'Balai RW 03', ['Dinas Koperasi Kab. Kuningan'], ['Cahaya dari jendela', 'Latar polos']],
			[copy.id, 'Jualan lewat WhatsApp', 'Aula Kelurahan', [], ['Katalog WhatsApp']]
		]);
		expect(plans[0].letter).toMatchObject({ subject: LETTER.subject, body: LETTER.body, addressees: ['Para Pelaku UMKM', 'Ketua RW 01 s.d. RW 07'], copies: ['Camat Cigugur'], number: '', issuer: '', issuerAddress: '', signerName: '', signerNip: '', signerTitle: '', place: '' });
	});

	it('should keep the kop and signer when copied within the same village (next year), never the letter number', async () => {
		const src = await sourceProgram('E-Crav 2024');
		const copy = await ctx.services.programs.copyToCommunity(coord, src.id, cigadung, { name: 'E-Crav 2025', startsOn: '2025-03-01', endsOn: '2025-08-31' });
		const [plan] = (await ctx.services.trainingPlans.listForCommunity(coord, cigadung.id)).filter((p) => p.programId === copy.id);
		expect(plan.letter).toMatchObject({ number: '', signerName: LETTER.signerName, signerNip: LETTER.signerNip, issuerAddress: LETTER.issuerAddress, subject: LETTER.subject });
	});

	it('should turn a plan into a training of the copy when given its start, once; another village gets 404 and nothing changes', async () => {
		const src = await sourceProgram('E-Crav Jadwal');
		const copy = await ctx.services.programs.copyToCommunity(both, src.id, sukamulya, { name: 'E-Crav Sukamulya Jadwal', startsOn: '2025-03-01', endsOn: '2025-08-31' });
		const [plan] = (await ctx.services.trainingPlans.listForCommunity(otherCoord, sukamulya.id)).filter((p) => p.programId === copy.id);

		// someone who does not run Sukamulya: 404, nothing written
		const before = await programTablesSnapshot(ctx.services);
		const plansBefore = JSON.stringify(await ctx.database.db.selectFrom('training_plan').selectAll().orderBy('id').execute());
		await expect(ctx.services.trainingPlans.schedule(coord, plan.id, '2025-03-10T09:00')).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.trainingPlans.listForCommunity(coord, sukamulya.id)).rejects.toMatchObject({ status: 404 });
		// a start that is no date: the form's message, nothing written
		await expect(ctx.services.trainingPlans.schedule(otherCoord, plan.id, '2025-02-30T09:00')).rejects.toMatchObject({ status: 422 });
		expect(await programTablesSnapshot(ctx.services)).toBe(before);
		expect(JSON.stringify(await ctx.database.db.selectFrom('training_plan').selectAll().orderBy('id').execute())).toBe(plansBefore);

		const id = await ctx.services.trainingPlans.schedule(otherCoord, plan.id, '2025-03-10T09:00');
		const t = await ctx.services.trainings.get(otherCoord, id);
		expect(t).toMatchObject({ programId: copy.id, communityId: sukamulya.id, title: 'Foto produk dengan HP', startsAt: '2025-03-10T02:00:00.000Z', venue: 'Balai RW 03', agenda: ['Cahaya dari jendela', 'Latar polos'], inviteAll: true });
		expect(t.letter).toMatchObject({ subject: LETTER.subject, body: LETTER.body, number: '' });
		// the plan is gone: a second tap finds nothing and makes no second training
		await expect(ctx.services.trainingPlans.schedule(otherCoord, plan.id, '2025-03-11T09:00')).rejects.toMatchObject({ status: 404 });
		expect((await ctx.services.trainings.listForProgram(otherCoord, copy.id)).map((x) => x.title)).toEqual(['Foto produk dengan HP']);
		expect((await ctx.services.trainingPlans.listForCommunity(otherCoord, sukamulya.id)).filter((p) => p.programId === copy.id).map((p) => p.title)).toEqual(['Jualan lewat WhatsApp']);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { TrainingService } from '../../src/lib/server/training/training.service';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { attendanceRate, knowledgeGain } from '../../src/lib/server/program/training-metrics';

let ctx: TestContext;
let community: Community;
let other: Community;
let facilitator: UserActor;
let coordinator: UserActor;
let otherCoordinator: UserActor;
let programId: string;
let otherProgramId: string;
const members: { memberId: string; shopId: string }[] = [];
let foreignMember: string;
let seq = 0;
const eid = () => `evt-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services);
	other = await makeCommunity(ctx.services);
	facilitator = staffActor(community, 'facilitator');
	coordinator = staffActor(community, 'coordinator');
	otherCoordinator = staffActor(other, 'coordinator');
	programId = await makeProgram(ctx.database.db, community);
	otherProgramId = await makeProgram(ctx.database.db, other);
	for (const name of ['Ibu Énéng Sumarni', 'Pak Ujang', 'Bu Tati', 'Kang Asep']) members.push(await makeMember(ctx.services, ctx.database.db, community, name));
	foreignMember = (await makeMember(ctx.services, ctx.database.db, other, 'Bu Lain')).memberId;
	await rosterSince(ctx.database.db, community);
}, 60_000);
afterAll(() => ctx.cleanup());

const training = () =>
	ctx.services.trainings.create(coordinator, programId, {
		title: 'Peningkatan Kapasitas Bagi Para Pelaku UKM',
		startsAt: '2024-11-28T15:00',
		venue: 'Gedung Serbaguna Kelurahan Cigadung',
		speakers: 'Dinas Koperasi UKM Perdagangan dan Perindustrian Kabupaten Kuningan\n',
		agenda: ['Penyuluhan tentang e-commerce', 'Pendaftaran akun']
	});

describe(`${TrainingService.name} (${TEST_DIALECT})`, () => {
	describe('create', () => {
		it('should store a training with its start in UTC from a WIB time, and invite every member by default', async () => {
			const t = await training();
			expect(t).toMatchObject({ startsAt: '2024-11-28T08:00:00.000Z', speakers: ['Dinas Koperasi UKM Perdagangan dan Perindustrian Kabupaten Kuningan'], inviteAll: true });
			const invited = await ctx.services.trainings.invitees(facilitator, t.id);
			expect(invited.filter((m) => m.invited).map((m) => m.id).sort()).toEqual(members.map((m) => m.memberId).sort());
			expect((await ctx.services.trainings.listForProgram(facilitator, programId)).map((x) => x.id)).toContain(t.id);
		});

		it('should refuse bad input with field messages and create nothing', async () => {
			const before = (await ctx.services.trainings.listForProgram(coordinator, programId)).length;
			await expect(ctx.services.trainings.create(coordinator, programId, { title: 'x', startsAt: 'kemarin', venue: '' })).rejects.toMatchObject({ status: 422, issues: expect.arrayContaining([expect.objectContaining({ field: 'startsAt', messageKey: 'training.badTime' })]) });
			expect((await ctx.services.trainings.listForProgram(coordinator, programId)).length).toBe(before);
		});

		it("should tell a seller, a visitor and another community's coordinator that the program does not exist", async () => {
			const seller = staffActor(community, 'seller', [members[0].shopId]);
			for (const actor of [seller, PUBLIC_ACTOR, otherCoordinator]) {
				await expect(ctx.services.trainings.create(actor, programId, { title: 'Pelatihan', startsAt: '2024-11-28T15:00', venue: 'Balai' })).rejects.toMatchObject({ status: 404 });
			}
			const t = await training();
			for (const actor of [seller, PUBLIC_ACTOR, otherCoordinator]) {
				await expect(ctx.services.trainings.get(actor, t.id)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.trainings.attendance(actor, t.id)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.trainings.recordAttendance(actor, t.id, { events: [{ id: eid(), memberId: members[0].memberId, present: true, at: '2024-11-28T08:10:00Z' }] })).rejects.toMatchObject({ status: 404 });
			}
			expect((await ctx.services.trainings.attendance(coordinator, t.id)).present).toBe(0);
			await expect(ctx.services.trainings.listForProgram(coordinator, otherProgramId)).rejects.toMatchObject({ status: 404 });
		});
	});

	describe('recordAttendance', () => {
		it('should apply an event id once however often it arrives', async () => {
			const t = await training();
			const e = { id: eid(), memberId: members[0].memberId, present: true, at: '2024-11-28T08:05:00Z' };
			expect(await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [e] })).toEqual({ applied: [e.id], duplicates: [] });
			expect(await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [e, e] })).toEqual({ applied: [], duplicates: [e.id, e.id] });
			const rows = await ctx.database.db.selectFrom('attendance_event').select('id').where('training_id', '=', t.id).execute();
			expect(rows).toHaveLength(1);
			const view = await ctx.services.trainings.attendance(facilitator, t.id);
			expect(view).toMatchObject({ present: 1, expected: 4, rate: 0.25 });
		});

		it('should let the tick with the latest `at` decide, whatever order the ticks arrive in', async () => {
			const t = await training();
			const m = members[1].memberId;
			const on = { id: eid(), memberId: m, present: true, at: '2024-11-28T08:01:00Z' };
			const off = { id: eid(), memberId: m, present: false, at: '2024-11-28T08:02:00Z' };
			const onAgain = { id: eid(), memberId: m, present: true, at: '2024-11-28T08:03:00Z' };
			// the phone was offline: the last tick arrives first, the older ones are replayed afterwards
			await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [onAgain] });
			await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [off, on] });
			const present = async () => (await ctx.services.trainings.attendance(facilitator, t.id)).data.find((d) => d.memberId === m)?.present;
			expect(await present()).toBe(true);
			// a wrong tap undone by tapping again (later `at`), sent in one batch out of order
			const wrong = { id: eid(), memberId: m, present: false, at: '2024-11-28T08:05:00Z' };
			const undo = { id: eid(), memberId: m, present: true, at: '2024-11-28T08:06:00Z' };
			await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [undo, wrong] });
			expect(await present()).toBe(true);
			await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [{ id: eid(), memberId: m, present: false, at: '2024-11-28T09:00:00+07:00' }] });
			expect(await present()).toBe(true); // 09.00 WIB is 02.00 UTC: older than the ticks above
			await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [{ id: eid(), memberId: m, present: false, at: '2024-11-28T16:00:00+07:00' }] });
			expect(await present()).toBe(false);
		});

		it('should let a correction made now win over a tick from a phone whose clock runs ahead', async () => {
			const t = await training();
			const m = members[1].memberId;
			const ahead = new Date(Date.now() + 30 * 60 * 1000).toISOString();
			await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [{ id: eid(), memberId: m, present: true, at: ahead }] });
			// The coordinator unticks on the web page a minute later: the page says saved, and it is.
			await ctx.services.trainings.recordAttendance(coordinator, t.id, { events: [{ id: eid(), memberId: m, present: false, at: new Date(Date.now() + 1000).toISOString() }] }, 'form');
			const view = await ctx.services.trainings.attendance(coordinator, t.id);
			expect(view.data.find((d) => d.memberId === m)).toMatchObject({ present: false });
			expect(Date.parse(view.data.find((d) => d.memberId === m)!.at!)).toBeLessThan(Date.parse(ahead));
		});

		it('should give the same state for the same events replayed concurrently in any order', async () => {
			const t = await training();
			const events = members.flatMap((mb, i) => [
				{ id: eid(), memberId: mb.memberId, present: true, at: `2024-11-28T08:1${i}:00Z` },
				{ id: eid(), memberId: mb.memberId, present: i % 2 === 0, at: `2024-11-28T08:2${i}:00Z` }
			]);
			const shuffled = () => [...events].sort(() => Math.random() - 0.5);
			const results = await Promise.all(Array.from({ length: 8 }, (_, i) => ctx.services.trainings.recordAttendance(i % 2 ? coordinator : facilitator, t.id, { events: shuffled() })));
			const applied = results.flatMap((r) => r.applied);
			expect(applied.sort()).toEqual(events.map((e) => e.id).sort());
			expect(results.flatMap((r) => r.duplicates)).toHaveLength(events.length * 7);
			const view = await ctx.services.trainings.attendance(facilitator, t.id);
			expect(Object.fromEntries(view.data.map((d) => [d.memberId, d.present]))).toEqual(Object.fromEntries(members.map((mb, i) => [mb.memberId, i % 2 === 0])));
			expect(view.rate).toBe(0.5);
		});

		it("should refuse a batch with another community's member (404) and apply nothing of it", async () => {
			const t = await training();
			const good = { id: eid(), memberId: members[0].memberId, present: true, at: '2024-11-28T08:05:00Z' };
			const bad = { id: eid(), memberId: foreignMember, present: true, at: '2024-11-28T08:05:00Z' };
			await expect(ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [good, bad] })).rejects.toMatchObject({ status: 404 });
			expect(await ctx.database.db.selectFrom('attendance_event').select('id').where('training_id', '=', t.id).execute()).toHaveLength(0);
			expect((await ctx.services.trainings.attendance(facilitator, t.id)).present).toBe(0);
		});

		it('should refuse bad events (no id, a bad time, far future, not a list) with 422 and change nothing', async () => {
			const t = await training();
			const m = members[0].memberId;
			for (const body of [
				{ events: [{ memberId: m, present: true, at: '2024-11-28T08:05:00Z' }] },
				{ events: [{ id: 'x', memberId: m, present: true, at: '2024-11-28T08:05:00Z' }] },
				{ events: [{ id: eid(), memberId: m, present: 'ya', at: '2024-11-28T08:05:00Z' }] },
				{ events: [{ id: eid(), memberId: m, present: true, at: 'besok' }] },
				{ events: [] },
				{ events: 'semua' },
				null
			]) {
				await expect(ctx.services.trainings.recordAttendance(facilitator, t.id, body)).rejects.toMatchObject({ status: 422 });
			}
			await expect(ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [{ id: eid(), memberId: m, present: true, at: '2099-01-01T00:00:00Z' }] })).rejects.toMatchObject({ messageKey: 'training.futureTick' });
			expect((await ctx.services.trainings.attendance(facilitator, t.id)).present).toBe(0);
		});
	});

	describe('setInvitees', () => {
		it('should count the rate over the invited (and anyone present who was not invited)', async () => {
			const t = await training();
			await ctx.services.trainings.setInvitees(coordinator, t.id, [members[0].memberId, members[1].memberId]);
			await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [{ id: eid(), memberId: members[0].memberId, present: true, at: '2024-11-28T08:05:00Z' }] });
			expect(await ctx.services.trainings.attendance(facilitator, t.id)).toMatchObject({ present: 1, expected: 2, rate: 0.5 });
			await ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [{ id: eid(), memberId: members[3].memberId, present: true, at: '2024-11-28T08:06:00Z' }] });
			expect(await ctx.services.trainings.attendance(facilitator, t.id)).toMatchObject({ present: 2, expected: 3 });
			await expect(ctx.services.trainings.setInvitees(coordinator, t.id, [members[0].memberId, foreignMember])).rejects.toMatchObject({ status: 404 });
			expect((await ctx.services.trainings.invitees(coordinator, t.id)).filter((m) => m.invited)).toHaveLength(2);
		});
	});

	describe('selfCheckIn', () => {
		it('should mark the signed-in member present from the venue QR token, and refuse someone of another community', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan hari ini', startsAt: new Date().toISOString(), venue: 'Balai' });
			const seller = staffActor(community, 'seller', [members[2].shopId]);
			const r = await ctx.services.trainings.selfCheckIn(seller, t.checkinToken, eid());
			expect(r).toMatchObject({ present: true, member: { id: members[2].memberId } });
			const outsider = staffActor(other, 'seller', []);
			await expect(ctx.services.trainings.selfCheckIn(outsider, t.checkinToken, eid())).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.trainings.selfCheckIn(PUBLIC_ACTOR, t.checkinToken, eid())).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.trainings.selfCheckIn(seller, 'salah', eid())).rejects.toMatchObject({ status: 404 });
			expect((await ctx.services.trainings.attendance(coordinator, t.id)).present).toBe(1);
		});
	});

	describe('program indicators (training-metrics)', () => {
		it('should give the attendance rate in percent over every session of the program, computed now', async () => {
			const community3 = await makeCommunity(ctx.services);
			const coord3 = staffActor(community3, 'coordinator');
			const prog = await makeProgram(ctx.database.db, community3);
			expect(await attendanceRate(ctx.database.db, prog)).toBeNull();
			const m = [];
			for (const name of ['A', 'B', 'C']) m.push((await makeMember(ctx.services, ctx.database.db, community3, `Anggota ${name}`)).memberId);
			await rosterSince(ctx.database.db, community3);
			const t1 = await ctx.services.trainings.create(coord3, prog, { title: 'Sesi 1', startsAt: '2024-11-28T15:00', venue: 'Balai' });
			const t2 = await ctx.services.trainings.create(coord3, prog, { title: 'Sesi 2', startsAt: '2024-11-29T15:00', venue: 'Balai' });
			await ctx.services.trainings.setInvitees(coord3, t2.id, [m[0]]);
			expect(await attendanceRate(ctx.database.db, prog)).toBe(0);
			await ctx.services.trainings.recordAttendance(coord3, t1.id, { events: [{ id: eid(), memberId: m[0], present: true, at: '2024-11-28T08:01:00Z' }, { id: eid(), memberId: m[1], present: true, at: '2024-11-28T08:02:00Z' }] });
			await ctx.services.trainings.recordAttendance(coord3, t2.id, { events: [{ id: eid(), memberId: m[0], present: true, at: '2024-11-29T08:01:00Z' }] });
			// (2 + 1) present of (3 + 1) expected
			expect(await attendanceRate(ctx.database.db, prog)).toBe(75);
			expect(await knowledgeGain(ctx.database.db, prog)).toBeNull();
		});
	});

	describe('checks from the attacker review', () => {
		it('should refuse self check-in on another day than the training (WIB) and impossible dates', async () => {
			const t = await training(); // 28 November 2024
			const seller = staffActor(community, 'seller', [members[2].shopId]);
			await expect(ctx.services.trainings.selfCheckIn(seller, t.checkinToken, eid())).rejects.toMatchObject({ status: 422, messageKey: 'training.checkinDay' });
			for (const startsAt of ['2026-02-30T09:00', '2024-13-01T09:00', '2024-11-28T24:30', '2024-02-30T09:00:00Z'])
				await expect(ctx.services.trainings.create(coordinator, programId, { title: 'Tanggal mustahil', startsAt, venue: 'Balai' })).rejects.toMatchObject({ status: 422 });
			await expect(ctx.services.trainings.recordAttendance(facilitator, t.id, { events: [{ id: eid(), memberId: members[0].memberId, present: true, at: '2024-02-30T08:00:00Z' }] })).rejects.toMatchObject({ status: 422 });
			expect((await ctx.services.trainings.create(coordinator, programId, { title: 'Tanggal kabisat', startsAt: '2024-02-29T09:00', venue: 'Balai' })).startsAt).toBe('2024-02-29T02:00:00.000Z');
		});
	});
});

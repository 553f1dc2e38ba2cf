import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { HelpService } from '../../src/lib/server/training/help.service';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// The test clock: training day 28 Nov 2024, 15.00 WIB (08.00 UTC).
let now = new Date('2024-11-28T08:00:00.000Z');
const at = (hhmmss: string, day = '2024-11-28') => new Date(`${day}T${hhmmss}.000Z`);
let ctx: TestContext;
let community: Community;
let other: Community;
let coordinator: UserActor;
let facilitator: UserActor;
let programId: string;
const m: Record<string, { memberId: string; shopId: string }> = {};
const sellers = new Map<string, UserActor>();
/** The member's own login (one user per member, so per-user limits count their taps). */
const seller = (k: string) => sellers.get(k) ?? (sellers.set(k, staffActor(community, 'seller', [m[k].shopId])), sellers.get(k)!);
let seq = 0;

const training = (title = 'Pelatihan Jualan Online', startsAt = '2024-11-28T15:00') => ctx.services.trainings.create(coordinator, programId, { title, startsAt, venue: 'Gedung Serbaguna Kelurahan Cigadung' });
const tick = (trainingId: string, memberId: string) =>
	ctx.services.trainings.recordAttendance(facilitator, trainingId, { events: [{ id: `evt-help-${++seq}-${Math.random().toString(36).slice(2, 8)}`, memberId, present: true, at: now.toISOString() }] });
const flags = (trainingId: string) => ctx.database.db.selectFrom('training_help').select(['member_id', 'outcome', 'ended_at']).where('training_id', '=', trainingId).orderBy('raised_at').execute();

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services);
	other = await makeCommunity(ctx.services);
	coordinator = staffActor(community, 'coordinator');
	facilitator = staffActor(community, 'facilitator');
	programId = await makeProgram(ctx.database.db, community);
	for (const [k, name] of Object.entries({ ujang: 'Pak Ujang Jaya', tati: 'Bu Tati Dewi', eneng: 'Ibu Eneng Sumarni' })) m[k] = await makeMember(ctx.services, ctx.database.db, community, name);
	m.lain = await makeMember(ctx.services, ctx.database.db, other, 'Bu Lain');
	await rosterSince(ctx.database.db, community);
	await rosterSince(ctx.database.db, other);
}, 120_000);
afterAll(() => ctx.cleanup());

describe(`${HelpService.name} (${TEST_DIALECT})`, () => {
	it('should raise a flag that comes first on the list and shows on the board, once however often it is tapped, until the facilitator clears it', async () => {
		now = at('07:50:00');
		const t = await training();
		now = at('08:00:00');
		for (const k of ['ujang', 'tati', 'eneng']) await tick(t.id, m[k].memberId);
		// Ujang has been stuck since 08.00; Eneng raises her hand at 08.06 — she comes first, Ujang second
		now = at('08:06:00');
		expect(await ctx.services.help.today(seller('eneng'))).toEqual({ trainingId: t.id, title: 'Pelatihan Jualan Online', raisedAt: null });
		await ctx.services.help.raise(seller('eneng'), t.id);
		now = at('08:06:20');
		await ctx.services.help.raise(seller('eneng'), t.id);
		expect((await flags(t.id)).filter((f) => f.ended_at === null)).toHaveLength(1);
		expect(await ctx.services.help.today(seller('eneng'))).toMatchObject({ trainingId: t.id, raisedAt: '2024-11-28T08:06:00.000Z' });

		now = at('08:09:00');
		let room = await ctx.services.rooms.forStaff(facilitator, t.id);
		expect(room.members[0]).toMatchObject({ memberId: m.eneng.memberId, helpSince: '2024-11-28T08:06:00.000Z', helpMinutes: 3 });
		expect(room.help).toBe(1);
		// everyone else checked in at 08.00 and is still at Hadir: all three are stuck, the raised hand still leads
		expect(room.members.map((x) => [x.memberId, x.stuck])).toEqual([
			[m.eneng.memberId, true],
			[m.tati.memberId, true],
			[m.ujang.memberId, true]
		]);
		const { board } = await ctx.services.boards.forStaff(coordinator, t.id);
		expect(board.members.filter((x) => x.help).map((x) => x.memberId)).toEqual([m.eneng.memberId]);

		// "sudah dibantu": down for good, kept as a record of help given
		await ctx.services.help.clear(facilitator, t.id, m.eneng.memberId);
		room = await ctx.services.rooms.forStaff(facilitator, t.id);
		expect(room.help).toBe(0);
		expect(room.members.find((x) => x.memberId === m.eneng.memberId)?.helpSince).toBeNull();
		expect((await ctx.services.boards.forStaff(coordinator, t.id)).board.members.some((x) => x.help)).toBe(false);
		expect(await flags(t.id)).toEqual([{ member_id: m.eneng.memberId, outcome: 'helped', ended_at: '2024-11-28T08:09:00.000Z' }]);

		// she can ask again later; and take it back herself
		now = at('08:20:00');
		await ctx.services.help.raise(seller('eneng'), t.id);
		await ctx.services.help.cancel(seller('eneng'), t.id);
		expect((await flags(t.id)).map((f) => f.outcome)).toEqual(['helped', 'cancelled']);
		expect(await ctx.services.help.today(seller('eneng'))).toMatchObject({ raisedAt: null });
	});

	it('should change the board version when a flag goes up or down, so live screens update', async () => {
		now = at('08:30:00');
		const t = await training('Pelatihan Foto Produk');
		await tick(t.id, m.tati.memberId);
		const v0 = await ctx.services.boards.version(t.id, community.id);
		await ctx.services.help.raise(seller('tati'), t.id);
		const v1 = await ctx.services.boards.version(t.id, community.id);
		await ctx.services.help.clear(coordinator, t.id, m.tati.memberId);
		const v2 = await ctx.services.boards.version(t.id, community.id);
		expect(new Set([v0, v1, v2]).size).toBe(3);
	});

	it('should refuse anyone who is not that member on that training, on any other day, and too many taps', async () => {
		now = at('08:40:00');
		const t = await training('Pelatihan Harga');
		// a training with a list that does not name Tati
		await ctx.services.trainings.setInvitees(coordinator, t.id, [m.ujang.memberId]);
		const lain = staffActor(other, 'seller', [m.lain.shopId]);
		for (const actor of [seller('tati'), lain, PUBLIC_ACTOR, coordinator]) {
			await expect(ctx.services.help.raise(actor, t.id)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.help.cancel(actor, t.id)).rejects.toMatchObject({ status: 404 });
		}
		expect(await ctx.services.help.today(lain)).toBeNull();
		await ctx.services.help.raise(seller('ujang'), t.id);
		// a seller, another community's staff, another community's member id: not found, and the flag stays up
		for (const actor of [seller('ujang'), staffActor(other, 'coordinator'), staffActor(other, 'facilitator')]) await expect(ctx.services.help.clear(actor, t.id, m.ujang.memberId)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.help.clear(facilitator, t.id, m.lain.memberId)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.rooms.forStaff(seller('ujang'), t.id)).rejects.toMatchObject({ status: 404 });
		expect((await flags(t.id)).filter((f) => f.ended_at === null)).toHaveLength(1);

		// the next day: no button, and a post is refused with the date
		now = at('03:00:00', '2024-11-29');
		expect(await ctx.services.help.today(seller('ujang'))).toBeNull();
		await expect(ctx.services.help.raise(seller('ujang'), t.id)).rejects.toMatchObject({ status: 422, messageKey: 'help.notToday' });

		// six raises in ten minutes are plenty; the seventh is refused (429) and changes nothing
		now = at('09:00:00');
		const t2 = await training('Pelatihan QRIS');
		const before = (await flags(t2.id)).length;
		let refused = 0;
		for (let i = 0; i < 8; i++) {
			try {
				await ctx.services.help.raise(seller('eneng'), t2.id);
				await ctx.services.help.cancel(seller('eneng'), t2.id);
			} catch (e) {
				expect(e).toMatchObject({ status: 429 });
				refused++;
			}
		}
		expect(refused).toBeGreaterThanOrEqual(1);
		expect((await flags(t2.id)).length - before).toBeLessThanOrEqual(6);
	});
});

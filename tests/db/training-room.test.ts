import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { RoomService } from '../../src/lib/server/training/room.service';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// The test clock: the training of the field report starts 28 Nov 2024, 15.00 WIB (08.00 UTC); the tests move it.
let now = new Date('2024-11-28T07:30:00.000Z');
const at = (hhmmss: string) => new Date(`2024-11-28T${hhmmss}.000Z`);
let ctx: TestContext;
let community: Community;
let other: Community;
let coordinator: UserActor;
let facilitator: UserActor;
let programId: string;
const m: Record<string, { memberId: string; shopId: string }> = {};
let seq = 0;

async function setUpAccount(member: { memberId: string; shopId: string }, n: number) {
	const whatsapp = `62812880000${String(n).padStart(2, '0')}`;
	await ctx.database.db.updateTable('shop').set({ whatsapp }).where('id', '=', member.shopId).execute();
	await ctx.database.db.updateTable('member').set({ whatsapp }).where('id', '=', member.memberId).execute();
	const invite = await ctx.services.roster.inviteOwner(coordinator, community, member.memberId);
	await ctx.services.auth.setPasswordWithLink(invite.token, { password: 'risol-mayo-2024', confirm: 'risol-mayo-2024' });
}

async function completeProfile(shopId: string) {
	await ctx.database.db
		.updateTable('shop')
		.set({ logo: 'logo/demo.webp', story: 'Dibuat sendiri di rumah.', area: 'RW 06', pickup_point: 'Warung Bu RT', opening_hours: 'Setiap hari 08.00–17.00', delivery: JSON.stringify({ pickup: true, local: null, courier: false }), payment: JSON.stringify({ cod: true, transfer: null, qris: null }), updated_at: now.toISOString() })
		.where('id', '=', shopId)
		.execute();
}

const tick = (trainingId: string, memberId: string, present = true) =>
	ctx.services.trainings.recordAttendance(facilitator, trainingId, { events: [{ id: `evt-room-${++seq}-${Math.random().toString(36).slice(2, 8)}`, memberId, present, at: now.toISOString() }] });

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services);
	other = await makeCommunity(ctx.services);
	coordinator = staffActor(community, 'coordinator');
	facilitator = staffActor(community, 'facilitator');
	programId = await makeProgram(ctx.database.db, community);
	for (const [k, name] of Object.entries({ ujang: 'Pak Ujang Jaya', tati: 'Bu Tati Dewi', eneng: 'Ibu Eneng Sumarni' })) m[k] = await makeMember(ctx.services, ctx.database.db, community, name);
	await rosterSince(ctx.database.db, community);
	// Tati made her account the week before the training
	now = new Date('2024-11-21T03:00:00.000Z');
	await setUpAccount(m.tati, 1);
}, 120_000);
afterAll(() => ctx.cleanup());

describe(`${RoomService.name} (${TEST_DIALECT})`, () => {
	describe('forStaff', () => {
		it('should put whoever is on one step for MORE than five minutes first, longest first, with the minutes', async () => {
			now = at('07:55:00');
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan Jualan Online', startsAt: '2024-11-28T15:00', venue: 'Gedung Serbaguna Kelurahan Cigadung' });
			now = at('08:00:00');
			await tick(t.id, m.ujang.memberId);
			now = at('08:02:00');
			await tick(t.id, m.tati.memberId);

			// exactly five minutes after Ujang's check-in: not yet stuck
			now = at('08:05:00');
			let room = await ctx.services.rooms.forStaff(facilitator, t.id);
			expect(room.stuck).toBe(0);
			expect(room.members.find((x) => x.memberId === m.ujang.memberId)).toMatchObject({ step: 'hadir', minutes: 5, stuck: false });

			// one second later he is, and he comes first
			now = at('08:05:01');
			room = await ctx.services.rooms.forStaff(facilitator, t.id);
			expect(room.members.map((x) => [x.memberId, x.stuck])).toEqual([
				[m.ujang.memberId, true],
				[m.tati.memberId, false],
				[m.eneng.memberId, false]
			]);
			// Tati's account is a week old, but she has been "at akun" in the room only since she checked in
			expect(room.members[1]).toMatchObject({ step: 'akun', minutes: 3, since: '2024-11-28T08:02:00.000Z' });
			// not in the room: never stuck, no minutes
			expect(room.members[2]).toMatchObject({ step: 'invited', present: false, minutes: null, stuck: false });

			// both stuck: the one waiting longest first
			now = at('08:12:30');
			room = await ctx.services.rooms.forStaff(coordinator, t.id);
			expect(room.members.slice(0, 2).map((x) => [x.name, x.minutes, x.stuck])).toEqual([
				['Pak Ujang Jaya', 12, true],
				['Bu Tati Dewi', 10, true]
			]);
			expect(room.stuck).toBe(2);

			// Tati finishes her shop profile: a new step starts her clock again
			await completeProfile(m.tati.shopId);
			now = at('08:15:00');
			room = await ctx.services.rooms.forStaff(coordinator, t.id);
			expect(room.members.find((x) => x.memberId === m.tati.memberId)).toMatchObject({ step: 'toko', minutes: 2, stuck: false });
			expect(room.members[0]).toMatchObject({ memberId: m.ujang.memberId, stuck: true, minutes: 15 });
		});

		it("should tell a seller, a visitor and another community's coordinator that the list does not exist", async () => {
			now = at('08:20:00');
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan Foto Produk', startsAt: '2024-11-28T15:00', venue: 'Aula RW 06' });
			const seller = staffActor(community, 'seller', [m.ujang.shopId]);
			for (const actor of [seller, PUBLIC_ACTOR, staffActor(other, 'coordinator'), staffActor(other, 'facilitator')]) {
				await expect(ctx.services.rooms.forStaff(actor, t.id)).rejects.toMatchObject({ status: 404 });
			}
		});
	});
});

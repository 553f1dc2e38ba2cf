import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, makeProgram, staffActor } from '../helpers/program-fixtures';
import { TestService } from '../../src/lib/server/training/test.service';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { Training } from '../../src/lib/server/training/training.service';

/** The service clock: the morning before the training (28 Nov 2024, 15.00 WIB) unless a test moves it. */
const BEFORE = new Date('2024-11-28T00:00:00Z');
let now = BEFORE;
async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
	now = new Date(iso);
	try {
		return await fn();
	} finally {
		now = BEFORE;
	}
}

let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let programId: string;
let training: Training;
const m: { memberId: string; shopId: string }[] = [];

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services);
	coordinator = staffActor(community, 'coordinator');
	programId = await makeProgram(ctx.database.db, community);
	for (const name of ['Bu Ani', 'Pak Budi']) m.push(await makeMember(ctx.services, ctx.database.db, community, name));
	training = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan Foto Produk', startsAt: '2024-11-28T15:00', venue: 'Balai Kelurahan' });
}, 60_000);
afterAll(() => ctx.cleanup());

const seller = (i: number) => staffActor(community, 'seller', [m[i].shopId]);
let ticks = 0;
async function mark(who: number, iso: string, present = true) {
	await at(iso, () => ctx.services.trainings.recordAttendance(coordinator, training.id, { events: [{ id: `tick-small-${++ticks}`, memberId: m[who].memberId, present, at: iso }] }));
}
const mine = async (i: number, iso: string) => (await at(iso, () => ctx.services.tests.myTrainings(seller(i)))).find((x) => x.id === training.id)!;
const REACTION = { satisfaction: '4', usefulness: '5', confidenceBefore: '2', confidenceNow: '4' };

describe(`${TestService.name} — small items of issue 9 (${TEST_DIALECT})`, () => {
	describe('myTrainings', () => {
		it('should offer the pre-test before the start, and the post-test and reaction only to a member marked present', async () => {
			const before = await mine(0, '2024-11-28T02:00:00Z');
			expect(before.todo).toEqual({ pre: true, post: false, reaction: false });

			// after the start, not ticked: the post-test and the reaction are open, but not for this member
			const absent = await mine(0, '2024-11-28T09:00:00Z');
			expect(absent.windows.post.state).toBe('open');
			expect(absent.windows.reaction.state).toBe('open');
			expect(absent.todo).toEqual({ pre: false, post: false, reaction: false });
			// …and the server refuses them, as the page now says
			await expect(at('2024-11-28T09:00:00Z', () => ctx.services.tests.react(seller(0), training.id, REACTION))).rejects.toMatchObject({ status: 409, code: 'not_present' });

			await mark(0, '2024-11-28T08:30:00Z');
			expect((await mine(0, '2024-11-28T09:00:00Z')).todo).toEqual({ pre: false, post: true, reaction: true });
			// the other member is still not present
			expect((await mine(1, '2024-11-28T09:00:00Z')).todo).toEqual({ pre: false, post: false, reaction: false });
		});
	});

	describe('react', () => {
		it('should say when a second answer replaced the first, and give the earlier answer back to prefill the form', async () => {
			const first = await at('2024-11-28T09:00:00Z', () => ctx.services.tests.react(seller(0), training.id, REACTION));
			expect(first).toEqual({ replaced: false });
			const shown = await at('2024-11-28T10:00:00Z', () => ctx.services.tests.reactionForMember(seller(0), training.id));
			expect(shown.reaction).toEqual({ satisfaction: 4, usefulness: 5, confidenceBefore: 2, confidenceNow: 4, answeredAt: '2024-11-28T09:00:00.000Z' });
			expect((await mine(0, '2024-11-28T10:00:00Z')).todo.reaction).toBe(false);

			const second = await at('2024-11-28T10:00:00Z', () => ctx.services.tests.react(seller(0), training.id, { ...REACTION, satisfaction: '2' }));
			expect(second).toEqual({ replaced: true });
			const results = await ctx.services.tests.results(coordinator, training.id);
			// one reaction, the second one, counted once
			expect(results.reaction).toMatchObject({ n: 1, satisfaction: 2 });
		});
	});
});

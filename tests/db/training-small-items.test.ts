import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { TestService } from '../../src/lib/server/training/test.service';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { TrainingService, type Training } from '../../src/lib/server/training/training.service';
import { answerBounds, moveProblem } from '../../src/lib/server/training/answer-bounds';

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
	await rosterSince(ctx.database.db, community);
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

	describe(`${TrainingService.name}.update — moving the start after members answered`, () => {
		const edit = (t: Training, startsAt: string, actor: UserActor = coordinator) => ctx.services.trainings.update(actor, t.id, { title: t.title, startsAt, venue: t.venue });
		const answerAll = async (i: number, t: Training, kind: 'pre' | 'post', iso: string) => {
			const { questions } = await at(iso, () => ctx.services.tests.testForMember(seller(i), t.id, kind));
			await at(iso, () => ctx.services.tests.submitAnswers(seller(i), t.id, kind, Object.fromEntries(questions.map((q) => [q.id, '0']))));
		};

		it('should refuse (409 on startsAt, nothing saved) a start that puts a phone answer on the wrong side, and allow one that fits', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan Harga', startsAt: '2024-12-05T15:00', venue: 'Balai Kelurahan' });
			// no answers yet: the start moves freely
			expect((await edit(t, '2024-12-05T09:00')).startsAt).toBe('2024-12-05T02:00:00.000Z');
			expect(await ctx.services.trainings.answerBounds(coordinator, t.id)).toMatchObject({ answers: 0, after: null, before: null });

			// Bu Ani answers the pre-test on 5 Dec at 08.30 WIB
			await answerAll(0, t, 'pre', '2024-12-05T01:30:00Z');
			const early = edit(t, '2024-12-05T08:00');
			await expect(early).rejects.toMatchObject({ status: 409, code: 'answers_outside', messageKey: 'training.moveRefused', params: { count: 1, at: '2024-12-05T01:30:00.000Z' } });
			await expect(early).rejects.toMatchObject({ issues: [{ field: 'startsAt', messageKey: 'training.moveAfter' }] });
			expect((await ctx.services.trainings.get(coordinator, t.id)).startsAt).toBe('2024-12-05T02:00:00.000Z');
			// later is fine for a pre-test; the title alone can always change
			expect((await edit(t, '2024-12-06T15:00')).startsAt).toBe('2024-12-06T08:00:00.000Z');
			expect((await ctx.services.trainings.update(coordinator, t.id, { title: 'Pelatihan Harga Jual', startsAt: '2024-12-06T15:00', venue: t.venue })).title).toBe('Pelatihan Harga Jual');

			// ticked present, she sends the post-test on 6 Dec at 17.00 WIB: the start cannot move past it
			await at('2024-12-06T09:00:00Z', () => ctx.services.trainings.recordAttendance(coordinator, t.id, { events: [{ id: 'tick-move-1', memberId: m[0].memberId, present: true, at: '2024-12-06T09:00:00Z' }] }));
			await answerAll(0, t, 'post', '2024-12-06T10:00:00Z');
			await expect(edit(t, '2024-12-07T15:00')).rejects.toMatchObject({ status: 409, code: 'answers_outside', issues: [{ field: 'startsAt', messageKey: 'training.moveBefore', params: { at: '2024-12-06T10:00:00.000Z', bound: '2024-12-06T10:00:00.000Z', count: 2 } }] });
			expect(await ctx.services.trainings.answerBounds(coordinator, t.id)).toEqual({ answers: 2, after: '2024-12-05T01:30:00.000Z', before: '2024-12-06T10:00:00.000Z', lastAfter: '2024-12-06T10:00:00.000Z', earliest: '2024-11-21T17:00:00.000Z' });
			// between the two answers it fits (the date had been typed a day late, say)
			expect((await edit(t, '2024-12-05T14:00')).startsAt).toBe('2024-12-05T07:00:00.000Z');
			const after = await ctx.services.tests.results(coordinator, t.id);
			expect(after.members.find((x) => x.memberId === m[0].memberId)).toMatchObject({ preSource: 'answers', postSource: 'answers' });

			// another community's coordinator cannot move it or read its bounds (404, unchanged)
			const stranger = staffActor(await makeCommunity(ctx.services), 'coordinator');
			await expect(edit(t, '2024-12-05T15:00', stranger)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.trainings.answerBounds(stranger, t.id)).rejects.toMatchObject({ status: 404 });
			expect((await ctx.services.trainings.get(coordinator, t.id)).startsAt).toBe('2024-12-05T07:00:00.000Z');
		});

		it('should keep a post-test inside the 14 days after the training day when the start moves earlier', () => {
			const bounds = answerBounds({ pre: [], after: ['2024-12-20T03:00:00Z'] });
			// 20 Dec (WIB) − 14 days = 6 Dec, from midnight WIB
			expect(bounds.earliest).toBe('2024-12-05T17:00:00.000Z');
			expect(moveProblem(bounds, '2024-12-05T16:59:00Z')).toEqual({ rule: 'earliest', at: '2024-12-20T03:00:00Z', bound: '2024-12-05T17:00:00.000Z' });
			expect(moveProblem(bounds, '2024-12-05T17:00:00Z')).toBeNull();
			expect(moveProblem(bounds, '2024-12-20T03:00:00Z')).toBeNull();
			expect(moveProblem(bounds, '2024-12-20T03:00:01Z')).toMatchObject({ rule: 'before' });
		});
	});
});

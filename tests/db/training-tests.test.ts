import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, makeProgram, staffActor } from '../helpers/program-fixtures';
import { TestService } from '../../src/lib/server/training/test.service';
import { DEFAULT_QUESTIONS } from '../../src/lib/server/training/question-bank';
import { knowledgeGain } from '../../src/lib/server/program/training-metrics';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { Training } from '../../src/lib/server/training/training.service';

let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let otherCoordinator: UserActor;
let programId: string;
let training: Training;
const m: { memberId: string; shopId: string }[] = [];
let foreign: string;
let foreignShop: string;
let other: Community;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services);
	other = await makeCommunity(ctx.services);
	coordinator = staffActor(community, 'coordinator');
	otherCoordinator = staffActor(other, 'coordinator');
	programId = await makeProgram(ctx.database.db, community);
	for (const name of ['Bu Ani', 'Pak Budi', 'Bu Cici']) m.push(await makeMember(ctx.services, ctx.database.db, community, name));
	({ memberId: foreign, shopId: foreignShop } = await makeMember(ctx.services, ctx.database.db, other, 'Bu Lain'));
	training = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan E-Commerce', startsAt: '2024-11-28T15:00', venue: 'Gedung Serbaguna' });
}, 60_000);
afterAll(() => ctx.cleanup());

const seller = (i: number) => staffActor(community, 'seller', [m[i].shopId]);

describe(`${TestService.name} (${TEST_DIALECT})`, () => {
	it('should seed a bank of at least 15 questions covering every topic, each with one correct choice in range', () => {
		expect(DEFAULT_QUESTIONS.length).toBeGreaterThanOrEqual(15);
		expect(new Set(DEFAULT_QUESTIONS.map((q) => q.topic))).toEqual(new Set(['daftar', 'foto', 'deskripsi', 'harga', 'whatsapp', 'qris', 'penipuan']));
		for (const q of DEFAULT_QUESTIONS) {
			expect(q.correct).toBeGreaterThanOrEqual(0);
			expect(q.correct).toBeLessThan(q.choices.length);
			expect(new Set(q.choices).size).toBe(q.choices.length);
		}
	});

	it("should store typed scores, compute each member's gain and Hake's g over members with both tests", async () => {
		await ctx.services.tests.setScores(coordinator, training.id, { kind: 'pre', scores: [{ memberId: m[0].memberId, score: 40 }, { memberId: m[1].memberId, score: 60 }, { memberId: m[2].memberId, score: 50 }] });
		await ctx.services.tests.setScores(coordinator, training.id, { kind: 'post', scores: [{ memberId: m[0].memberId, score: 70 }, { memberId: m[1].memberId, score: 90 }] });
		const r = await ctx.services.tests.results(coordinator, training.id);
		expect(r).toMatchObject({ n: 2, meanPre: 50, meanPost: 80, g: 0.6 });
		expect(r.members.find((x) => x.memberId === m[0].memberId)).toMatchObject({ pre: 40, post: 70, gain: 0.5 });
		expect(r.members.find((x) => x.memberId === m[2].memberId)).toMatchObject({ pre: 50, post: null, gain: null });
		expect(await knowledgeGain(ctx.database.db, programId)).toBe(0.6);
		// null clears a score
		await ctx.services.tests.setScores(coordinator, training.id, { kind: 'post', scores: [{ memberId: m[1].memberId, score: null }] });
		expect((await ctx.services.tests.results(coordinator, training.id)).n).toBe(1);
		await ctx.services.tests.setScores(coordinator, training.id, { kind: 'post', scores: [{ memberId: m[1].memberId, score: 90 }] });
	});

	it("should refuse scores out of range, a duplicate member, and another community's member nested in the list, saving nothing", async () => {
		const before = await ctx.services.tests.results(coordinator, training.id);
		for (const body of [
			{ kind: 'pre', scores: [{ memberId: m[0].memberId, score: 101 }] },
			{ kind: 'pre', scores: [{ memberId: m[0].memberId, score: 55.5 }] },
			{ kind: 'tengah', scores: [] },
			{ kind: 'pre', scores: [{ memberId: m[0].memberId, score: 10 }, { memberId: m[0].memberId, score: 20 }] }
		]) {
			await expect(ctx.services.tests.setScores(coordinator, training.id, body)).rejects.toMatchObject({ status: 422 });
		}
		await expect(ctx.services.tests.setScores(coordinator, training.id, { kind: 'pre', scores: [{ memberId: m[0].memberId, score: 0 }, { memberId: foreign, score: 100 }] })).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.tests.setScores(otherCoordinator, training.id, { kind: 'pre', scores: [{ memberId: m[0].memberId, score: 0 }] })).rejects.toMatchObject({ status: 404 });
		expect(await ctx.services.tests.results(coordinator, training.id)).toEqual(before);
	});

	it("should never show a seller other members' scores: results are staff-only, a seller sees their own", async () => {
		for (const actor of [seller(0), PUBLIC_ACTOR, otherCoordinator]) await expect(ctx.services.tests.results(actor, training.id)).rejects.toMatchObject({ status: 404 });
		const mine = await ctx.services.tests.myTrainings(seller(0));
		expect(mine).toEqual([expect.objectContaining({ id: training.id, pre: 40, post: 70 })]);
		expect(JSON.stringify(mine)).not.toContain(m[1].memberId);
		expect(Object.keys(mine[0]).sort()).toEqual(['id', 'post', 'pre', 'reacted', 'startsAt', 'title', 'venue']);
		const test = await ctx.services.tests.testForMember(seller(0), training.id, 'pre');
		expect(JSON.stringify(test)).not.toMatch(/correct/);
	});

	it('should score a member\'s own answers once and give per-question proportions before and after', async () => {
		const t2 = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi 2', startsAt: '2024-11-29T15:00', venue: 'Balai' });
		const bank = await ctx.services.tests.questionsForStaff(coordinator, community.id);
		const allRight = Object.fromEntries(bank.map((q) => [q.id, q.correct]));
		const allWrong = Object.fromEntries(bank.map((q) => [q.id, (q.correct + 1) % q.choices.length]));
		await expect(ctx.services.tests.submitAnswers(seller(1), t2.id, 'pre', { [bank[0].id]: 0 })).rejects.toMatchObject({ status: 422, messageKey: 'training.answerAll' });
		expect(await ctx.services.tests.submitAnswers(seller(1), t2.id, 'pre', allWrong)).toMatchObject({ score: 0 });
		await expect(ctx.services.tests.submitAnswers(seller(1), t2.id, 'pre', allRight)).rejects.toMatchObject({ status: 409 });
		expect(await ctx.services.tests.submitAnswers(seller(1), t2.id, 'post', allRight)).toMatchObject({ score: 100, right: bank.length });
		const r = await ctx.services.tests.results(coordinator, t2.id);
		expect(r.questions[0]).toMatchObject({ pre: 0, post: 1, nPre: 1, nPost: 1 });
		expect(r).toMatchObject({ n: 1, g: 1 });
		// a member of another community cannot take this training's test
		await expect(ctx.services.tests.submitAnswers(staffActor(community, 'seller', []), t2.id, 'pre', allRight)).rejects.toMatchObject({ status: 404 });
	});

	it('should refuse (404, nothing written) a member of another community and a member not invited', async () => {
		const t3 = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi khusus', startsAt: '2024-11-30T15:00', venue: 'Balai' });
		await ctx.services.trainings.setInvitees(coordinator, t3.id, [m[0].memberId]);
		const bank = await ctx.services.tests.questionsForStaff(coordinator, community.id);
		const allRight = Object.fromEntries(bank.map((q) => [q.id, q.correct]));
		const reaction = { satisfaction: 5, usefulness: 5, confidenceBefore: 1, confidenceNow: 5 };
		const snapshot = async () => JSON.stringify(await Promise.all((['test_result', 'test_answer', 'training_reaction'] as const).map((t) => ctx.database.db.selectFrom(t).selectAll().orderBy('member_id').execute())));
		const before = await snapshot();
		const outsider = staffActor(other, 'seller', [foreignShop]);
		for (const actor of [outsider, seller(1)]) {
			await expect(ctx.services.tests.testForMember(actor, t3.id, 'pre')).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.tests.submitAnswers(actor, t3.id, 'pre', allRight)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.tests.reactionForMember(actor, t3.id)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.tests.react(actor, t3.id, reaction)).rejects.toMatchObject({ status: 404 });
		}
		expect((await ctx.services.tests.myTrainings(seller(1))).map((t) => t.id)).not.toContain(t3.id);
		expect((await ctx.services.tests.myTrainings(outsider)).map((t) => t.id)).toEqual([]);
		expect(await snapshot()).toBe(before);
		// the invited member may
		expect((await ctx.services.tests.testForMember(seller(0), t3.id, 'pre')).questions).toHaveLength(bank.length);
	});

	it('should count an answer sent twice at once only once, and mark it as answered on the phone for staff', async () => {
		const t4 = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi 4', startsAt: '2024-12-01T15:00', venue: 'Balai' });
		const bank = await ctx.services.tests.questionsForStaff(coordinator, community.id);
		const allRight = Object.fromEntries(bank.map((q) => [q.id, q.correct]));
		const tries = await Promise.allSettled([ctx.services.tests.submitAnswers(seller(2), t4.id, 'pre', allRight), ctx.services.tests.submitAnswers(seller(2), t4.id, 'pre', allRight)]);
		expect(tries.map((t) => t.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(await ctx.database.db.selectFrom('test_answer').select('question_id').where('training_id', '=', t4.id).execute()).toHaveLength(bank.length);
		const row = (await ctx.services.tests.results(coordinator, t4.id)).members.find((x) => x.memberId === m[2].memberId);
		expect(row).toMatchObject({ pre: 100, preSource: 'answers', post: null, postSource: null });
		// the reaction check answered twice counts once (the second answer replaces the first)
		await ctx.services.tests.react(seller(2), t4.id, { satisfaction: 2, usefulness: 2, confidenceBefore: 1, confidenceNow: 2 });
		await ctx.services.tests.react(seller(2), t4.id, { satisfaction: 4, usefulness: 5, confidenceBefore: 1, confidenceNow: 4 });
		expect((await ctx.services.tests.results(coordinator, t4.id)).reaction).toMatchObject({ n: 1, satisfaction: 4, usefulness: 5 });
		expect((await ctx.services.tests.reactionForMember(seller(2), t4.id)).reaction).toEqual({ satisfaction: 4, usefulness: 5, confidenceBefore: 1, confidenceNow: 4 });
	});

	it('should record the reaction check (1–5) and average it for staff', async () => {
		await ctx.services.tests.react(seller(0), training.id, { satisfaction: 5, usefulness: 4, confidenceBefore: 2, confidenceNow: 4 });
		await ctx.services.tests.react(seller(1), training.id, { satisfaction: '3', usefulness: '4', confidenceBefore: '1', confidenceNow: '3' });
		await expect(ctx.services.tests.react(seller(2), training.id, { satisfaction: 6, usefulness: 4, confidenceBefore: 2, confidenceNow: 4 })).rejects.toMatchObject({ status: 422 });
		expect((await ctx.services.tests.results(coordinator, training.id)).reaction).toEqual({ n: 2, satisfaction: 4, usefulness: 4, confidenceBefore: 1.5, confidenceNow: 3.5 });
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { TestService } from '../../src/lib/server/training/test.service';
import { DEFAULT_QUESTIONS } from '../../src/lib/server/training/question-bank';
import { knowledgeGain } from '../../src/lib/server/program/training-metrics';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { Training } from '../../src/lib/server/training/training.service';
import { callRoute, routeByKey } from '../helpers/routes';

/** The service clock: before the first training (28 Nov 2024, 15.00 WIB) unless a test moves it. */
const BEFORE = new Date('2024-11-28T00:00:00Z');
let now = BEFORE;
/** Runs `fn` with the clock at `iso`, then puts it back. */
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
let otherCoordinator: UserActor;
let programId: string;
let training: Training;
const m: { memberId: string; shopId: string }[] = [];
let foreign: string;
let foreignShop: string;
let other: Community;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services);
	other = await makeCommunity(ctx.services);
	coordinator = staffActor(community, 'coordinator');
	otherCoordinator = staffActor(other, 'coordinator');
	programId = await makeProgram(ctx.database.db, community);
	for (const name of ['Bu Ani', 'Pak Budi', 'Bu Cici']) m.push(await makeMember(ctx.services, ctx.database.db, community, name));
	({ memberId: foreign, shopId: foreignShop } = await makeMember(ctx.services, ctx.database.db, other, 'Bu Lain'));
	await rosterSince(ctx.database.db, community);
	await rosterSince(ctx.database.db, other);
	training = await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan E-Commerce', startsAt: '2024-11-28T15:00', venue: 'Gedung Serbaguna' });
}, 60_000);
afterAll(() => ctx.cleanup());

const seller = (i: number) => staffActor(community, 'seller', [m[i].shopId]);
let ticks = 0;
/** Ticks members (by index) present — or absent — at a training, at `iso` (the clock is moved there for it). */
async function mark(trainingId: string, who: number[], iso: string, present = true) {
	const events = who.map((i) => ({ id: `tick-${++ticks}-${Date.now()}`, memberId: m[i].memberId, present, at: iso }));
	await at(iso, () => ctx.services.trainings.recordAttendance(coordinator, trainingId, { events }));
}

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
		await mark(training.id, [0, 1, 2], '2024-11-28T08:05:00Z');
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
		expect(Object.keys(mine[0]).sort()).toEqual(['id', 'post', 'pre', 'present', 'programName', 'reacted', 'startsAt', 'title', 'todo', 'venue', 'windows']);
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
		// the post-test opens when the training starts (29 Nov, 15.00 WIB), for those marked present
		await mark(t2.id, [1], '2024-11-29T08:10:00Z');
		expect(await at('2024-11-29T09:00:00Z', () => ctx.services.tests.submitAnswers(seller(1), t2.id, 'post', allRight))).toMatchObject({ score: 100, right: bank.length });
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
		await mark(t4.id, [2], '2024-12-01T08:05:00Z');
		await at('2024-12-01T09:00:00Z', async () => {
			await ctx.services.tests.react(seller(2), t4.id, { satisfaction: 2, usefulness: 2, confidenceBefore: 1, confidenceNow: 2 });
			await ctx.services.tests.react(seller(2), t4.id, { satisfaction: 4, usefulness: 5, confidenceBefore: 1, confidenceNow: 4 });
		});
		expect((await ctx.services.tests.results(coordinator, t4.id)).reaction).toMatchObject({ n: 1, satisfaction: 4, usefulness: 5 });
		expect((await ctx.services.tests.reactionForMember(seller(2), t4.id)).reaction).toEqual({ satisfaction: 4, usefulness: 5, confidenceBefore: 1, confidenceNow: 4, answeredAt: expect.any(String) });
	});

	it('should record the reaction check (1–5) and average it for staff', async () => {
		now = new Date('2024-11-28T10:00:00Z');
		await ctx.services.tests.react(seller(0), training.id, { satisfaction: 5, usefulness: 4, confidenceBefore: 2, confidenceNow: 4 });
		await ctx.services.tests.react(seller(1), training.id, { satisfaction: '3', usefulness: '4', confidenceBefore: '1', confidenceNow: '3' });
		await expect(ctx.services.tests.react(seller(2), training.id, { satisfaction: 6, usefulness: 4, confidenceBefore: 2, confidenceNow: 4 })).rejects.toMatchObject({ status: 422 });
		for (const bad of ['1e0', ' 3', '03', '4.0'])
			await expect(ctx.services.tests.react(seller(2), training.id, { satisfaction: bad, usefulness: 4, confidenceBefore: 2, confidenceNow: 4 }), bad).rejects.toMatchObject({ status: 422 });
		now = BEFORE;
		expect((await ctx.services.tests.results(coordinator, training.id)).reaction).toMatchObject({ n: 2, satisfaction: 4, usefulness: 4, confidenceBefore: 1.5, confidenceNow: 3.5 });
	});

	describe('answer windows (WIB), walk-ins, strict choices', () => {
		const snapshot = async () => JSON.stringify(await Promise.all((['test_result', 'test_answer', 'training_reaction'] as const).map((t) => ctx.database.db.selectFrom(t).selectAll().orderBy('training_id').orderBy('member_id').execute())));
		const reaction = { satisfaction: 4, usefulness: 4, confidenceBefore: 2, confidenceNow: 4 };

		it('should take the pre-test until the start, the post-test and reaction from the start to the end of the 14th day after; outside 409, nothing saved', async () => {
			// 10 December 2024, 09.00 WIB = 02.00 UTC; the post-test closes at 25 December 00.00 WIB = 24 December 17.00 UTC
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi jendela', startsAt: '2024-12-10T09:00', venue: 'Balai' });
			const bank = await ctx.services.tests.questionsForStaff(coordinator, community.id);
			const allRight = Object.fromEntries(bank.map((q) => [q.id, q.correct]));
			const refused = async (iso: string, who: number, kind: 'pre' | 'post' | 'reaction', messageKey: string) => {
				const before = await snapshot();
				const call = async (): Promise<unknown> => (kind === 'reaction' ? ctx.services.tests.react(seller(who), t.id, reaction) : ctx.services.tests.submitAnswers(seller(who), t.id, kind, allRight));
				await expect(at(iso, call)).rejects.toMatchObject({ status: 409, messageKey });
				expect(await snapshot()).toBe(before);
			};
			// the day before: the pre-test is open, the post-test and the reaction not yet
			await at('2024-12-09T02:00:00Z', async () => {
				const w = (await ctx.services.tests.testForMember(seller(0), t.id, 'post')).window;
				expect(w).toMatchObject({ state: 'notYet', opensAt: '2024-12-10T02:00:00.000Z', closesAt: '2024-12-24T17:00:00.000Z' });
				expect((await ctx.services.tests.testForMember(seller(0), t.id, 'pre')).window).toMatchObject({ state: 'open', closesAt: '2024-12-10T02:00:00.000Z' });
				expect(await ctx.services.tests.submitAnswers(seller(0), t.id, 'pre', allRight)).toMatchObject({ score: 100 });
			});
			await refused('2024-12-09T02:00:00Z', 0, 'post', 'training.windowNotYet');
			await refused('2024-12-10T01:59:59Z', 0, 'reaction', 'training.windowNotYet');
			// from the start: the pre-test is closed, the post-test open
			await refused('2024-12-10T02:00:00Z', 1, 'pre', 'training.windowClosedPre');
			await mark(t.id, [0, 1, 2], '2024-12-10T02:00:00Z');
			expect(await at('2024-12-10T02:00:00Z', () => ctx.services.tests.submitAnswers(seller(0), t.id, 'post', allRight))).toMatchObject({ score: 100 });
			// the last minute of the 14th day after (24 December, 23.59 WIB) is still open
			expect(await at('2024-12-24T16:59:59Z', () => ctx.services.tests.submitAnswers(seller(1), t.id, 'post', allRight))).toMatchObject({ score: 100 });
			await at('2024-12-24T16:59:59Z', () => ctx.services.tests.react(seller(1), t.id, reaction));
			// from 25 December 00.00 WIB, and years later: closed
			await refused('2024-12-24T17:00:00Z', 2, 'post', 'training.windowClosed');
			await refused('2027-06-01T03:00:00Z', 2, 'post', 'training.windowClosed');
			await refused('2024-12-24T17:00:00Z', 2, 'reaction', 'training.windowClosed');
			// the member's overview says what is open when
			const mine = await at('2024-12-24T17:00:00Z', () => ctx.services.tests.myTrainings(seller(2)));
			expect(mine.find((x) => x.id === t.id)?.windows).toMatchObject({ pre: { state: 'closed' }, post: { state: 'closed' }, reaction: { state: 'closed' } });
		});

		it('should let a walk-in who was marked present take the tests of a training they were not invited to', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi undangan', startsAt: '2024-12-12T09:00', venue: 'Balai' });
			await ctx.services.trainings.setInvitees(coordinator, t.id, [m[0].memberId]);
			const bank = await ctx.services.tests.questionsForStaff(coordinator, community.id);
			const allRight = Object.fromEntries(bank.map((q) => [q.id, q.correct]));
			await expect(at('2024-12-12T03:00:00Z', () => ctx.services.tests.testForMember(seller(2), t.id, 'post'))).rejects.toMatchObject({ status: 404 });
			await at('2024-12-12T03:00:00Z', () => ctx.services.trainings.recordAttendance(coordinator, t.id, { events: [{ id: `walkin-${Date.now()}`, memberId: m[2].memberId, present: true, at: '2024-12-12T02:30:00Z' }] }));
			expect((await at('2024-12-12T03:00:00Z', () => ctx.services.tests.myTrainings(seller(2)))).map((x) => x.id)).toContain(t.id);
			expect(await at('2024-12-12T05:00:00Z', () => ctx.services.tests.submitAnswers(seller(2), t.id, 'post', allRight))).toMatchObject({ score: 100 });
			expect((await ctx.services.tests.results(coordinator, t.id)).members.find((x) => x.memberId === m[2].memberId)).toMatchObject({ post: 100 });
			// someone neither invited nor present still gets 404
			await expect(at('2024-12-12T05:00:00Z', () => ctx.services.tests.submitAnswers(seller(1), t.id, 'post', allRight))).rejects.toMatchObject({ status: 404 });
		});

		it('should take only the plain number of an offered choice ("1e0", "1.0", " 1", "01", "-0" refused), saving nothing', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi angka', startsAt: '2024-12-14T09:00', venue: 'Balai' });
			const bank = await ctx.services.tests.questionsForStaff(coordinator, community.id);
			const before = await snapshot();
			for (const bad of ['1e0', '1.0', ' 1', '01', '-0', '0x1', '9', '-1', '99', -1, 99]) {
				const answers = Object.fromEntries(bank.map((q, i) => [q.id, i === 0 ? bad : String(q.correct)]));
				// every question answered, one answer not a choice: said as such, not "N questions unanswered"
				await expect(ctx.services.tests.submitAnswers(seller(0), t.id, 'pre', answers), String(bad)).rejects.toMatchObject({ status: 422, messageKey: 'training.choicesInvalid', params: { count: 1 }, issues: [{ field: `q_${bank[0].id}`, messageKey: 'training.choiceInvalid' }] });
			}
			// one missing and one invalid: the summary counts the unanswered one, each question says its own
			const mixed = Object.fromEntries(bank.slice(1).map((q, i) => [q.id, i === 0 ? '99' : String(q.correct)]));
			await expect(ctx.services.tests.submitAnswers(seller(0), t.id, 'pre', mixed)).rejects.toMatchObject({ messageKey: 'training.answerAll', params: { count: 1 }, issues: [{ field: `q_${bank[0].id}`, messageKey: 'training.pickOne' }, { field: `q_${bank[1].id}`, messageKey: 'training.choiceInvalid' }] });
			expect(await snapshot()).toBe(before);
			expect(await ctx.services.tests.submitAnswers(seller(0), t.id, 'pre', Object.fromEntries(bank.map((q) => [q.id, String(q.correct)])))).toMatchObject({ score: 100 });
		});

		it('should answer a repeated submit of the test page with 409 and the message, and one outside the window with 409', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi ulang', startsAt: '2024-12-16T09:00', venue: 'Balai' });
			const bank = await ctx.services.tests.questionsForStaff(coordinator, community.id);
			const form = Object.fromEntries(bank.map((q) => [`q_${q.id}`, String(q.correct)]));
			const route = await routeByKey('POST /jual/pelatihan/[training]/tes/[kind]?/default');
			const submit = () => callRoute(route, { services: ctx.services, actor: seller(1) }, { params: { training: t.id, kind: 'pre' }, form });
			expect((await submit()).status).toBe(303);
			const again = await submit();
			expect(again.status).toBe(409);
			expect((again.body as { message: string }).message).toBe('Tes ini sudah Anda kerjakan. Nilainya sudah tersimpan.');
			const late = await at('2025-01-20T03:00:00Z', () => callRoute(route, { services: ctx.services, actor: seller(2) }, { params: { training: t.id, kind: 'post' }, form }));
			expect(late.status).toBe(409);
			expect((late.body as { message: string }).message).toContain('sudah lewat');
		});
	});

	describe('attendance and scores agree: only members marked present are scored and counted', () => {
		const tables = async () => JSON.stringify(await Promise.all((['test_result', 'test_answer'] as const).map((t) => ctx.database.db.selectFrom(t).selectAll().orderBy('training_id').orderBy('member_id').orderBy('kind').execute())));

		it('should refuse (409, naming the member and shop, nothing saved) typed scores for a member ticked absent or never ticked, through the service, the API and the page', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi hadir', startsAt: '2024-12-18T09:00', venue: 'Balai' });
			await mark(t.id, [0, 1], '2024-12-18T02:05:00Z');
			await mark(t.id, [1], '2024-12-18T02:30:00Z', false); // Pak Budi left: his tick undone
			const before = await tables();
			for (const kind of ['pre', 'post'] as const) {
				for (const who of [1, 2]) {
					const refused = ctx.services.tests.setScores(coordinator, t.id, { kind, scores: [{ memberId: m[0].memberId, score: 60 }, { memberId: m[who].memberId, score: 80 }] });
					await expect(refused).rejects.toMatchObject({ status: 409, messageKey: 'training.scoreAbsent', issues: [{ field: `${kind}.${m[who].memberId}` }] });
				}
			}
			const e = await ctx.services.tests.setScores(coordinator, t.id, { kind: 'post', scores: [{ memberId: m[2].memberId, score: 80 }] }).then(() => null, (x: unknown) => x as { params: { names: string } });
			expect(e?.params.names).toMatch(/^Bu Cici \(.+\)$/);
			// the pre-test of a present member and the post-test of an absent one, sent together: neither is saved
			await expect(ctx.services.tests.setScoreSheets(coordinator, t.id, [{ kind: 'pre', scores: [{ memberId: m[0].memberId, score: 50 }] }, { kind: 'post', scores: [{ memberId: m[1].memberId, score: 90 }] }])).rejects.toMatchObject({ status: 409 });
			// the JSON API says it in a message naming the member
			const api = await callRoute(await routeByKey('PUT /api/v1/trainings/[trainingId]/scores'), { services: ctx.services, actor: coordinator }, { params: { trainingId: t.id }, json: { kind: 'post', scores: [{ memberId: m[1].memberId, score: 90 }] } });
			expect(api.status).toBe(409);
			expect((api.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'not_present', message: expect.stringContaining('Pak Budi') });
			// the scores page too, with the field marked, and the present member's pre-test typed alongside is not saved
			const page = await callRoute(await routeByKey('POST /koordinator/[community]/pelatihan/[training]/nilai?/simpan'), { services: ctx.services, actor: coordinator }, { params: { community: community.slug, training: t.id }, form: { [`pre.${m[0].memberId}`]: '50', [`post.${m[2].memberId}`]: '75' } });
			expect(page.status).toBe(409);
			expect(page.body).toMatchObject({ message: expect.stringContaining('Bu Cici'), fields: { [`post.${m[2].memberId}`]: expect.stringContaining('Bu Cici') } });
			expect(await tables()).toBe(before);
			// another community's coordinator still gets 404, and nothing changes
			await expect(ctx.services.tests.setScores(otherCoordinator, t.id, { kind: 'pre', scores: [{ memberId: m[0].memberId, score: 50 }] })).rejects.toMatchObject({ status: 404 });
			expect(await tables()).toBe(before);
			// the present member is scored; clearing a score is always allowed
			expect(await ctx.services.tests.setScoreSheets(coordinator, t.id, [{ kind: 'pre', scores: [{ memberId: m[0].memberId, score: 50 }] }, { kind: 'post', scores: [{ memberId: m[0].memberId, score: 75 }, { memberId: m[1].memberId, score: null }] }])).toEqual({ saved: 3 });
			expect((await ctx.services.tests.results(coordinator, t.id)).members.map((x) => [x.name, x.present, x.pre, x.post])).toEqual([
				['Bu Ani', true, 50, 75],
				['Bu Cici', false, null, null],
				['Pak Budi', false, null, null]
			]);
		});

		it('should let a member take the post-test on the phone only once marked present (409 and the page says how), and count only present members in the gain', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi HP hadir', startsAt: '2024-12-20T09:00', venue: 'Balai' });
			const bank = await ctx.services.tests.questionsForStaff(coordinator, community.id);
			const allRight = Object.fromEntries(bank.map((q) => [q.id, q.correct]));
			const allWrong = Object.fromEntries(bank.map((q) => [q.id, (q.correct + 1) % q.choices.length]));
			// the day before, nobody is ticked yet: the pre-test is open to every invited member
			for (const who of [0, 1]) await at('2024-12-19T02:00:00Z', () => ctx.services.tests.submitAnswers(seller(who), t.id, 'pre', allWrong));
			const before = await tables();
			const during = '2024-12-20T04:00:00Z';
			await expect(at(during, () => ctx.services.tests.submitAnswers(seller(1), t.id, 'post', allRight))).rejects.toMatchObject({ status: 409, messageKey: 'training.postNeedsPresence' });
			expect(await tables()).toBe(before);
			expect(await at(during, () => ctx.services.tests.testForMember(seller(1), t.id, 'post'))).toMatchObject({ present: false, window: { state: 'open' } });
			expect((await at(during, () => ctx.services.tests.myTrainings(seller(1)))).find((x) => x.id === t.id)).toMatchObject({ present: false });
			await mark(t.id, [0, 1], '2024-12-20T02:10:00Z');
			for (const who of [0, 1]) expect(await at(during, () => ctx.services.tests.submitAnswers(seller(who), t.id, 'post', allRight))).toMatchObject({ score: 100 });
			expect(await ctx.services.tests.results(coordinator, t.id)).toMatchObject({ n: 2, g: 1 });
			// Pak Budi's tick is undone afterwards: his scores stay on the page, marked, and leave the gain
			await mark(t.id, [1], '2024-12-20T05:00:00Z', false);
			const r = await ctx.services.tests.results(coordinator, t.id);
			expect(r).toMatchObject({ n: 1, g: 1 });
			expect(r.members.find((x) => x.memberId === m[1].memberId)).toMatchObject({ present: false, pre: 0, post: 100 });
		});

		it('should take the reaction check only from members marked present (409, nothing saved) and count only theirs', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi pendapat', startsAt: '2024-12-21T09:00', venue: 'Balai' });
			const during = '2024-12-21T04:00:00Z';
			const reaction = { satisfaction: 5, usefulness: 5, confidenceBefore: 1, confidenceNow: 5 };
			const before = await tables();
			const rows = () => ctx.database.db.selectFrom('training_reaction').selectAll().where('training_id', '=', t.id).execute();
			await expect(at(during, () => ctx.services.tests.react(seller(2), t.id, reaction))).rejects.toMatchObject({ status: 409, messageKey: 'training.reactionNeedsPresence' });
			expect(await rows()).toEqual([]);
			expect(await tables()).toBe(before);
			expect(await at(during, () => ctx.services.tests.reactionForMember(seller(2), t.id))).toMatchObject({ present: false });
			await mark(t.id, [0, 2], '2024-12-21T02:05:00Z');
			await at(during, () => ctx.services.tests.react(seller(0), t.id, { satisfaction: 1, usefulness: 1, confidenceBefore: 1, confidenceNow: 1 }));
			await at(during, () => ctx.services.tests.react(seller(2), t.id, reaction));
			expect((await ctx.services.tests.results(coordinator, t.id)).reaction).toMatchObject({ n: 2, satisfaction: 3 });
			// Bu Cici's tick undone: her answer stays stored but is no longer counted
			await mark(t.id, [2], '2024-12-21T06:00:00Z', false);
			expect((await ctx.services.tests.results(coordinator, t.id)).reaction).toMatchObject({ n: 1, satisfaction: 1 });
		});

		it('should invite exactly the names ticked on the training page ("Undang semua anggota" or no tick invites everyone), and expect only them', async () => {
			const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Sesi undangan pilih', startsAt: '2024-12-23T09:00', venue: 'Balai' });
			const route = await routeByKey('POST /koordinator/[community]/pelatihan/[training]?/undang');
			const post = (form: Record<string, string | string[]>) => callRoute(route, { services: ctx.services, actor: coordinator }, { params: { community: community.slug, training: t.id }, form });
			// names ticked: only they are invited and expected (the page no longer sends a pre-ticked "all" beside them)
			expect((await post({ memberId: [m[0].memberId, m[1].memberId] })).status).toBe(303);
			await mark(t.id, [0], '2024-12-23T02:05:00Z');
			expect(await ctx.services.trainings.attendance(coordinator, t.id)).toMatchObject({ present: 1, expected: 2 });
			expect((await post({ all: 'on', memberId: [m[0].memberId] })).status).toBe(303);
			expect(await ctx.services.trainings.attendance(coordinator, t.id)).toMatchObject({ present: 1, expected: 3 });
			expect((await post({ memberId: [m[2].memberId] })).status).toBe(303);
			expect((await post({})).status).toBe(303);
			expect((await ctx.services.trainings.get(coordinator, t.id)).inviteAll).toBe(true);
			// another community's coordinator: 404, nothing changed
			const before = await ctx.services.trainings.attendance(coordinator, t.id);
			expect((await callRoute(route, { services: ctx.services, actor: otherCoordinator }, { params: { community: community.slug, training: t.id }, form: { memberId: [m[0].memberId] } })).status).toBe(404);
			expect(await ctx.services.trainings.attendance(coordinator, t.id)).toEqual(before);
		});

		it("should leave a member whose tick was undone out of the program's knowledge gain (dashboard, indicators and report)", async () => {
			const own = await makeProgram(ctx.database.db, community, 'Program hadir');
			const t = await ctx.services.trainings.create(coordinator, own, { title: 'Sesi tunggal', startsAt: '2024-12-22T09:00', venue: 'Balai' });
			await mark(t.id, [0, 1], '2024-12-22T02:05:00Z');
			await ctx.services.tests.setScoreSheets(coordinator, t.id, [
				{ kind: 'pre', scores: [{ memberId: m[0].memberId, score: 20 }, { memberId: m[1].memberId, score: 60 }] },
				{ kind: 'post', scores: [{ memberId: m[0].memberId, score: 60 }, { memberId: m[1].memberId, score: 60 }] }
			]);
			// both: mean pre 40, mean post 60, g = 20 / 60
			expect(await knowledgeGain(ctx.database.db, own)).toBe(0.33);
			await mark(t.id, [1], '2024-12-22T06:00:00Z', false);
			// Bu Ani alone: (60 − 20) / 80
			expect(await knowledgeGain(ctx.database.db, own)).toBe(0.5);
			expect((await ctx.services.tests.results(coordinator, t.id)).g).toBe(0.5);
		});
	});
});

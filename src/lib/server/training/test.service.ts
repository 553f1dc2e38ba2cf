import type { Actor } from '../auth/actor';
import { reactionSummary, type ReactionSummary } from './reaction-summary';
import { hasCommunityRole } from '../auth/guards';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validate';
import { newId } from '../../utils/ids';
import { reactionSchema, scoresSchema, type ReactionInput, type ScoresInput } from '../../validation/training';
import type { TestKind } from '../db/schema-training';
import { DEFAULT_QUESTIONS } from './question-bank';
import { memberGain, normalizedGain, presentIds, type GroupGain } from './gain';
import type { QuestionRow, TestRepository } from './test.repository';
import type { TrainingRepository } from './training.repository';
import type { TrainingService } from './training.service';
import { answerWindow, type AnswerKind, type AnswerWindow } from './test-window';
import { invitedTo } from './expected';

export interface Question {
	id: string;
	topic: string;
	text: string;
	choices: string[];
}

export interface TrainingResults extends GroupGain {
	/** `preSource`/`postSource`: 'answers' when the member answered on their phone, 'manual' when typed by staff. */
	/** `present`: marked present at this training; only their scores count towards the group's gain. */
	members: { memberId: string; name: string; shopName: string; present: boolean; pre: number | null; post: number | null; gain: number | null; preSource: ScoreSource | null; postSource: ScoreSource | null }[];
	questions: { id: string; topic: string; text: string; pre: number | null; post: number | null; nPre: number; nPost: number }[];
	/** How many answered the reaction check, each answer's mean and its distribution over 1–5. */
	reaction: ReactionSummary;
	/**
	 * The answers `reaction` counts, one per member marked present, by name (staff only: the evaluation
	 * report's XLSX lists them; the JSON API gives the summary alone).
	 */
	reactions: { memberId: string; name: string; shopName: string; satisfaction: number; usefulness: number; confidenceBefore: number; confidenceNow: number; answeredAt: string }[];
}

type ScoreSource = 'answers' | 'manual';

function toQuestion(q: QuestionRow): Question {
	let choices: string[] = [];
	try {
		const v: unknown = JSON.parse(q.choices);
		if (Array.isArray(v)) choices = v.map(String);
	} catch {
		/* a broken row shows no choices */
	}
	return { id: q.id, topic: q.topic, text: q.text, choices };
}

/**
 * Pre/post tests and the reaction check. Staff (coordinator, facilitators) enter scores and see everyone's
 * results; a member answers on their phone and sees only their own score, never another member's.
 */
export class TestService {
	constructor(
		private readonly repo: TestRepository,
		private readonly trainingRepo: TrainingRepository,
		private readonly trainings: TrainingService,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** The community's question bank, starting from the default questions the first time it is needed. */
	async bank(communityId: string): Promise<QuestionRow[]> {
		if ((await this.repo.countQuestions(communityId)) === 0) {
			const now = this.clock().toISOString();
			await this.repo
				.insertQuestions(
					DEFAULT_QUESTIONS.map((q, i) => ({ id: newId('tq'), community_id: communityId, topic: q.topic, text: q.text, choices: JSON.stringify(q.choices), correct_index: q.correct, position: i + 1, active: 1, created_at: now }))
				)
				.catch(() => undefined); // two first visits at once: the other one seeded it
		}
		return this.repo.questions(communityId);
	}

	async questionsForStaff(actor: Actor, communityId: string) {
		if (!hasCommunityRole(actor, communityId, ['coordinator', 'facilitator'])) throw new NotFoundError('training.notFound');
		return (await this.bank(communityId)).map((q) => ({ ...toQuestion(q), correct: q.correct_index }));
	}

	/**
	 * Scores typed by the facilitator (0–100; null clears one). A member id outside the community refuses all
	 * (404). A score is only taken for a member marked present at this training: a test is written at the
	 * session, and a post-test from someone absent would skew the gain. Scoring someone not present refuses the
	 * whole list (409, naming them); clearing a score is always allowed.
	 */
	async setScores(actor: Actor, trainingId: string, body: ScoresInput | unknown): Promise<{ saved: number }> {
		return this.setScoreSheets(actor, trainingId, [body]);
	}

	/** Several lists (the scores page sends pre and post at once): all are checked before anything is written. */
	async setScoreSheets(actor: Actor, trainingId: string, bodies: (ScoresInput | unknown)[]): Promise<{ saved: number }> {
		const training = await this.trainings.get(actor, trainingId);
		const sheets = bodies.map((b) => parseInput(scoresSchema, b));
		for (const data of sheets) {
			const ids = [...new Set(data.scores.map((s) => s.memberId))];
			if (ids.length !== data.scores.length) throw new ValidationError('training.duplicateMember');
			const known = await this.trainingRepo.memberIdsIn(training.communityId, ids);
			if (known.size !== ids.length) throw new NotFoundError('training.notFoundMember');
		}
		await this.requirePresent(training, sheets);
		const now = this.clock().toISOString();
		for (const data of sheets) await this.trainingRepo.setScores(training.id, data.kind, data.scores, now);
		return { saved: sheets.reduce((n, d) => n + d.scores.length, 0) };
	}

	/** Refuses (409, nothing written) scores for members not marked present; names each of them, with their shop. */
	private async requirePresent(training: { id: string; communityId: string }, sheets: { kind: TestKind; scores: { memberId: string; score: number | null }[] }[]): Promise<void> {
		const scored = sheets.flatMap((d) => d.scores.filter((s) => s.score !== null).map((s) => ({ kind: d.kind, memberId: s.memberId })));
		if (scored.length === 0) return;
		const present = presentIds(await this.trainingRepo.attendance(training.id));
		const absent = scored.filter((s) => !present.has(s.memberId));
		if (absent.length === 0) return;
		const roster = new Map((await this.trainingRepo.members(training.communityId)).map((m) => [m.id, m]));
		const label = (id: string) => {
			const m = roster.get(id);
			return m ? `${m.name} (${m.shopName})` : id;
		};
		const names = [...new Set(absent.map((a) => label(a.memberId)))].join(', ');
		throw new DomainError(
			'not_present',
			'training.scoreAbsent',
			409,
			{ names },
			absent.map((a) => ({ field: `${a.kind}.${a.memberId}`, messageKey: 'training.scoreAbsentOne' as const, params: { name: label(a.memberId) } }))
		);
	}

	/** Everyone's pre, post and gain, the group's normalised gain, per-question proportions and reactions (staff only). */
	async results(actor: Actor, trainingId: string): Promise<TrainingResults> {
		const training = await this.trainings.get(actor, trainingId);
		const [members, results, answers, questions, reactions, attendance] = await Promise.all([
			this.trainings.invitees(actor, training.id),
			this.trainingRepo.results([training.id]),
			this.repo.answers(training.id),
			this.repo.questions(training.communityId),
			this.repo.reactions([training.id]),
			this.trainingRepo.attendance(training.id)
		]);
		const present = presentIds(attendance);
		const byId = new Map(members.map((m) => [m.id, m]));
		// reactions of members not (or no longer) marked present are not counted, like their scores
		const counted = reactions.filter((r) => present.has(r.member_id));
		const scores = new Map<string, { pre: number | null; post: number | null; preSource: ScoreSource | null; postSource: ScoreSource | null }>();
		for (const r of results) {
			const s = scores.get(r.member_id) ?? { pre: null, post: null, preSource: null, postSource: null };
			s[r.kind] = r.score;
			s[`${r.kind}Source`] = r.source;
			scores.set(r.member_id, s);
		}
		const rows = members
			// the session's expected members (invited, or present: a walk-in), and anyone with a score
			.filter((m) => m.invited || present.has(m.id) || scores.has(m.id))
			.map((m) => {
				const s = scores.get(m.id) ?? { pre: null, post: null, preSource: null, postSource: null };
				return { memberId: m.id, name: m.name, shopName: m.shopName, present: present.has(m.id), pre: s.pre, post: s.post, gain: memberGain(s.pre, s.post), preSource: s.preSource, postSource: s.postSource };
			});
		const perQuestion = questions.map((q) => {
			const of = (kind: TestKind) => answers.filter((a) => a.question_id === q.id && a.kind === kind);
			const pre = of('pre');
			const post = of('post');
			return {
				id: q.id,
				topic: q.topic,
				text: q.text,
				pre: pre.length ? pre.filter((a) => a.correct === 1).length / pre.length : null,
				post: post.length ? post.filter((a) => a.correct === 1).length / post.length : null,
				nPre: pre.length,
				nPost: post.length
			};
		});
		return {
			// scores of members not marked present (a phone pre-test before the session, a tick undone later) are shown, not counted
			...normalizedGain(rows.filter((r) => r.present)),
			members: rows,
			questions: perQuestion,
			reaction: reactionSummary(counted),
			reactions: counted
				.map((r) => {
					const m = byId.get(r.member_id);
					return { memberId: r.member_id, name: m?.name ?? '', shopName: m?.shopName ?? '', satisfaction: Number(r.satisfaction), usefulness: Number(r.usefulness), confidenceBefore: Number(r.confidence_before), confidenceNow: Number(r.confidence_now), answeredAt: r.created_at };
				})
				.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.shopName.localeCompare(b.shopName, 'id') || a.memberId.localeCompare(b.memberId))
		};
	}

	/**
	 * The signed-in seller's member row in the training's community, or "not found". A member may answer the
	 * tests of a training they were invited to, or one they attended without an invitation (a walk-in checked in
	 * at the venue takes the post-test like everyone else).
	 */
	private async memberOf(actor: Actor, trainingId: string) {
		if (actor.kind !== 'user') throw new NotFoundError('training.notFound');
		const row = typeof trainingId === 'string' && trainingId.length <= 64 ? await this.trainingRepo.byId(trainingId) : undefined;
		if (!row) throw new NotFoundError('training.notFound');
		const member = await this.trainingRepo.memberOfShops(row.community_id, actor.shopIds);
		if (!member || !(await this.takesPart(row, member))) throw new NotFoundError('training.notFound');
		return { training: row, member };
	}

	/** The name of a training's program, printed beside a training listed outside its program (same titles in two programs). */
	private async programNameOf(programId: string): Promise<string> {
		return (await this.trainingRepo.program(programId))?.name ?? '';
	}

	private async isPresent(trainingId: string, memberId: string): Promise<boolean> {
		return presentIds(await this.trainingRepo.attendance(trainingId)).has(memberId);
	}

	/** Invited (expected.ts: on the roster when it started, and everyone or by name), or marked present (a walk-in). */
	private async takesPart(training: { id: string; invite_all: number; starts_at: string }, member: { id: string; created_at: string }): Promise<boolean> {
		const session = { startsAt: training.starts_at, inviteAll: training.invite_all === 1 };
		const entry = { id: member.id, joinedAt: member.created_at };
		if (invitedTo(session, entry, new Set(training.invite_all === 1 ? [] : await this.trainingRepo.inviteeIds(training.id)))) return true;
		return this.isPresent(training.id, member.id);
	}

	private window(kind: AnswerKind, startsAt: string): AnswerWindow {
		return answerWindow(kind, startsAt, this.clock());
	}

	/** Refuses (409, nothing saved) an answer outside its window: the pre-test after the start, the post-test or reaction before it or too late. */
	private requireOpen(kind: AnswerKind, startsAt: string): void {
		const w = this.window(kind, startsAt);
		if (w.state === 'notYet') throw new DomainError('window_not_open', 'training.windowNotYet', 409);
		if (w.state === 'closed') throw new DomainError('window_closed', kind === 'pre' ? 'training.windowClosedPre' : 'training.windowClosed', 409);
	}

	/**
	 * A seller's trainings with their own scores only. `todo` says what they can do right now: a step not done
	 * yet whose window is open — and, for the post-test and the reaction check, only once they are marked
	 * present (the same rule `submitAnswers` and `react` enforce), so no page offers a link the server refuses.
	 */
	async myTrainings(actor: Actor) {
		if (actor.kind !== 'user') return [];
		const mine = await this.trainingRepo.membersOfShops(actor.shopIds);
		const out = [];
		for (const m of mine) {
			// two programs can each hold a training of the same title: the program's name tells them apart
			const programs = new Map((await this.trainingRepo.programsOfCommunity(m.community_id)).map((p) => [p.id, p.name]));
			for (const t of await this.trainingRepo.listByCommunity(m.community_id)) {
				if (!(await this.takesPart(t, m))) continue;
				const own = await this.repo.result(t.id, m.id);
				const reacted = !!(await this.repo.reaction(t.id, m.id));
				const present = await this.isPresent(t.id, m.id);
				const windows = { pre: this.window('pre', t.starts_at), post: this.window('post', t.starts_at), reaction: this.window('reaction', t.starts_at) };
				const pre = own.find((r) => r.kind === 'pre')?.score ?? null;
				const post = own.find((r) => r.kind === 'post')?.score ?? null;
				out.push({
					id: t.id,
					title: t.title,
					programName: programs.get(t.program_id) ?? '',
					startsAt: t.starts_at,
					venue: t.venue,
					pre,
					post,
					reacted,
					present,
					windows,
					todo: {
						pre: pre === null && windows.pre.state === 'open',
						post: post === null && present && windows.post.state === 'open',
						reaction: !reacted && present && windows.reaction.state === 'open'
					}
				});
			}
		}
		return out;
	}

	/** The test as the member sees it: questions and choices, never which one is right. */
	async testForMember(actor: Actor, trainingId: string, kind: TestKind) {
		const { training, member } = await this.memberOf(actor, trainingId);
		const own = await this.repo.result(training.id, member.id);
		const questions = (await this.bank(training.community_id)).map(toQuestion);
		return {
			training: { id: training.id, title: training.title, programName: await this.programNameOf(training.program_id), startsAt: training.starts_at },
			member: { id: member.id, name: member.person_name },
			questions,
			score: own.find((r) => r.kind === kind)?.score ?? null,
			/** The post-test is only for members marked present (the page says how to get ticked). */
			present: await this.isPresent(training.id, member.id),
			window: this.window(kind, training.starts_at)
		};
	}

	/**
	 * Scores a member's answers (100 × right ÷ questions, rounded) and stores them once; every question must
	 * be answered with the plain number of one of its choices ("1", not "1e0" or " 1"). A second submission of
	 * the same test is refused (409) and changes nothing, and so is one outside the test's window.
	 */
	async submitAnswers(actor: Actor, trainingId: string, kind: TestKind, answers: Record<string, string | number | undefined>) {
		if (kind !== 'pre' && kind !== 'post') throw new NotFoundError('training.notFound');
		const { training, member } = await this.memberOf(actor, trainingId);
		if ((await this.repo.result(training.id, member.id)).some((r) => r.kind === kind)) throw new DomainError('already_answered', 'training.alreadyAnswered', 409);
		this.requireOpen(kind, training.starts_at);
		// the pre-test is taken before the session (nobody is ticked yet); the post-test only by those who came
		if (kind === 'post' && !(await this.isPresent(training.id, member.id))) throw new DomainError('not_present', 'training.postNeedsPresence', 409);
		const questions = await this.bank(training.community_id);
		const issues = [];
		const picked: { questionId: string; choice: number; correct: boolean }[] = [];
		for (const q of questions) {
			const raw = answers[q.id];
			const choice = typeof raw === 'number' ? raw : typeof raw === 'string' && /^(0|[1-9]\d?)$/.test(raw) ? Number(raw) : NaN;
			const count = toQuestion(q).choices.length;
			const missing = raw === undefined || raw === '';
			if (!Number.isInteger(choice) || choice < 0 || choice >= count) issues.push({ field: `q_${q.id}`, messageKey: missing ? ('training.pickOne' as const) : ('training.choiceInvalid' as const), params: {}, missing });
			else picked.push({ questionId: q.id, choice, correct: choice === q.correct_index });
		}
		// an unanswered question and an answer that is not one of the choices (-1, 99, "1e0") are said apart
		const unanswered = issues.filter((i) => i.missing).length;
		if (issues.length) throw new ValidationError(unanswered ? 'training.answerAll' : 'training.choicesInvalid', { count: unanswered || issues.length }, issues.map(({ missing: _m, ...i }) => i));
		const right = picked.filter((p) => p.correct).length;
		const score = questions.length ? Math.round((100 * right) / questions.length) : 0;
		const saved = await this.repo.saveAnswers(training.id, member.id, kind, picked, score, this.clock().toISOString());
		if (!saved) throw new DomainError('already_answered', 'training.alreadyAnswered', 409);
		return { score, right, total: questions.length };
	}

	/** The reaction check as the member sees it: the training, and whether they already answered. */
	async reactionForMember(actor: Actor, trainingId: string) {
		const { training, member } = await this.memberOf(actor, trainingId);
		const own = await this.repo.reaction(training.id, member.id);
		return {
			training: { id: training.id, title: training.title, programName: await this.programNameOf(training.program_id), startsAt: training.starts_at },
			member: { id: member.id, name: member.person_name },
			window: this.window('reaction', training.starts_at),
			present: await this.isPresent(training.id, member.id),
			reaction: own ? { satisfaction: own.satisfaction, usefulness: own.usefulness, confidenceBefore: own.confidence_before, confidenceNow: own.confidence_now, answeredAt: own.created_at } : null
		};
	}

	/**
	 * One reaction per member and training: answering again replaces the first answer, it never counts twice.
	 * `replaced` says an earlier answer was overwritten, so the page can say so instead of replacing it silently.
	 */
	async react(actor: Actor, trainingId: string, input: ReactionInput | unknown): Promise<{ replaced: boolean }> {
		const { training, member } = await this.memberOf(actor, trainingId);
		this.requireOpen('reaction', training.starts_at);
		const data = parseInput(reactionSchema, input);
		// like the post-test: only someone who attended can say how the training was
		if (!(await this.isPresent(training.id, member.id))) throw new DomainError('not_present', 'training.reactionNeedsPresence', 409);
		const replaced = !!(await this.repo.reaction(training.id, member.id));
		await this.repo.saveReaction({ training_id: training.id, member_id: member.id, satisfaction: data.satisfaction, usefulness: data.usefulness, confidence_before: data.confidenceBefore, confidence_now: data.confidenceNow, created_at: this.clock().toISOString() });
		return { replaced };
	}
}

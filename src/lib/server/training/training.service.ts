import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import { hasCommunityRole } from '../auth/guards';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validate';
import { newId } from '../../utils/ids';
import { attendanceBatchSchema, letterSchema, trainingSchema, type AttendanceEventInput, type LetterDetails, type TrainingInput } from '../../validation/training';
import type { AttendanceSource } from '../db/schema-training';
import type { RosterMember, TrainingRepository, TrainingRow } from './training.repository';
import { answerBounds, moveProblem, type AnswerBounds } from './answer-bounds';
import { expectedAt, invitedTo, onRosterAt } from './expected';
import { presentIds } from './gain';

export interface Training {
	id: string;
	programId: string;
	communityId: string;
	title: string;
	startsAt: string;
	venue: string;
	speakers: string[];
	agenda: string[];
	inviteAll: boolean;
	letter: LetterDetails;
	checkinToken: string;
	/** When the coordinator closed attendance (ISO), or null while check-ins and ticks are accepted. */
	attendanceClosedAt: string | null;
}

export interface AttendanceView {
	data: { memberId: string; name: string; shopName: string; invited: boolean; present: boolean; at: string | null }[];
	/** The rest of the roster (not invited, or joined after the start; never ticked): listed apart so a walk-in can be ticked. */
	others: { memberId: string; name: string; shopName: string }[];
	/** Present ÷ expected (invited, plus anyone present who was not invited); null when nobody is expected. */
	rate: number | null;
	present: number;
	expected: number;
}

const STAFF = ['coordinator', 'facilitator'] as const;

const MOVE_MESSAGE = { after: 'training.moveAfter', before: 'training.moveBefore', earliest: 'training.moveEarliest' } as const;

function toTraining(row: TrainingRow): Training {
	return {
		id: row.id,
		programId: row.program_id,
		communityId: row.community_id,
		title: row.title,
		startsAt: row.starts_at,
		venue: row.venue,
		speakers: parseList(row.speakers),
		agenda: parseList(row.agenda),
		inviteAll: row.invite_all === 1,
		letter: letterSchema.parse(safeJson(row.letter) ?? {}),
		checkinToken: row.checkin_token,
		attendanceClosedAt: row.attendance_closed_at ?? null
	};
}

/** A new training's row (everyone invited, a fresh check-in secret): one builder for a typed training and a scheduled plan. */
export function newTrainingRow(program: { id: string; community_id: string }, data: z.output<typeof trainingSchema>, now: string): TrainingRow {
	return {
		id: newId('trn'),
		program_id: program.id,
		community_id: program.community_id,
		title: data.title,
		starts_at: data.startsAt,
		venue: data.venue,
		speakers: JSON.stringify(data.speakers),
		agenda: JSON.stringify(data.agenda),
		invite_all: 1,
		letter: JSON.stringify(data.letter ?? letterSchema.parse({})),
		checkin_token: randomToken(),
		attendance_closed_at: null,
		created_at: now,
		updated_at: now
	};
}

/** No ticks or check-ins once the coordinator closed the training's attendance (409, with a clear message). */
export function refuseWhenClosed(training: Pick<Training, 'attendanceClosedAt'>): void {
	if (training.attendanceClosedAt) throw new DomainError('attendance_closed', 'training.attendanceClosed', 409);
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

function parseList(text: string): string[] {
	const v = safeJson(text);
	return Array.isArray(v) ? v.map(String) : [];
}

function randomToken(): string {
	return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}

/**
 * Trainings of a program and their attendance. Only the coordinator and facilitators of the program's
 * community may see or change them; anyone else (a seller, another community) is told they do not exist.
 */
export class TrainingService {
	constructor(
		private readonly repo: TrainingRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	private now(): string {
		return this.clock().toISOString();
	}

	/** The program, if this actor runs its community; otherwise "not found" (ids cannot be probed). */
	async programFor(actor: Actor, programId: string) {
		const program = await this.repo.program(programId);
		if (!program || !hasCommunityRole(actor, program.community_id, [...STAFF])) throw new NotFoundError('training.notFoundProgram');
		return program;
	}

	/** The training, if this actor runs its community; otherwise "not found". */
	async get(actor: Actor, trainingId: string): Promise<Training> {
		const row = await this.repo.byId(trainingId);
		if (!row || !hasCommunityRole(actor, row.community_id, [...STAFF])) throw new NotFoundError('training.notFound');
		return toTraining(row);
	}

	async create(actor: Actor, programId: string, input: TrainingInput): Promise<Training> {
		const program = await this.programFor(actor, programId);
		const row = newTrainingRow(program, parseInput(trainingSchema, input), this.now());
		await this.repo.insert(row);
		return toTraining(row);
	}

	/** How far the start may move given the answers members already sent from their phones (see answer-bounds.ts). */
	async answerBounds(actor: Actor, trainingId: string): Promise<AnswerBounds> {
		const training = await this.get(actor, trainingId);
		return answerBounds(await this.repo.answerTimes(training.id));
	}

	/**
	 * Saves the training. A new start that does not fit the answers already sent (a pre-test after it, a
	 * post-test or reaction before it or past its 14 days) is refused, 409 `answers_outside` on `startsAt`,
	 * nothing saved: the params carry the answer's time and the start that would fit (ISO; the page formats them).
	 */
	async update(actor: Actor, trainingId: string, input: TrainingInput): Promise<Training> {
		const training = await this.get(actor, trainingId);
		const data = parseInput(trainingSchema, input);
		if (Date.parse(data.startsAt) !== Date.parse(training.startsAt)) {
			const bounds = answerBounds(await this.repo.answerTimes(training.id));
			const problem = moveProblem(bounds, data.startsAt);
			if (problem) {
				const params = { count: bounds.answers, at: problem.at, bound: problem.bound };
				throw new DomainError('answers_outside', 'training.moveRefused', 409, params, [{ field: 'startsAt', messageKey: MOVE_MESSAGE[problem.rule], params }]);
			}
		}
		await this.repo.update(training.id, {
			title: data.title,
			starts_at: data.startsAt,
			venue: data.venue,
			speakers: JSON.stringify(data.speakers),
			agenda: JSON.stringify(data.agenda),
			...(data.letter ? { letter: JSON.stringify(data.letter) } : {}),
			updated_at: this.now()
		});
		return this.get(actor, trainingId);
	}

	async listForProgram(actor: Actor, programId: string): Promise<Training[]> {
		const program = await this.programFor(actor, programId);
		return (await this.repo.listByProgram(program.id)).map(toTraining);
	}

	/** Programs and trainings of a community, for the coordinator's training page. */
	async overview(actor: Actor, communityId: string) {
		if (!hasCommunityRole(actor, communityId, [...STAFF])) throw new NotFoundError('training.notFound');
		const [programs, trainings] = await Promise.all([this.repo.programsOfCommunity(communityId), this.repo.listByCommunity(communityId)]);
		return { programs: programs.map((p) => ({ id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on, reportSignerName: p.report_signer_name ?? '' })), trainings: trainings.map(toTraining) };
	}

	/**
	 * Members of the training's community. `invited` is the one rule of expected.ts (on the roster when the
	 * session started, and invited as a whole or by name); `named` is whether they are ticked on the session's
	 * own list (what the invitation form shows); `joinedAfter` says they joined the roster after the start, so
	 * this session never expected them whatever the list says.
	 */
	async invitees(actor: Actor, trainingId: string): Promise<(RosterMember & { invited: boolean; named: boolean; joinedAfter: boolean })[]> {
		const training = await this.get(actor, trainingId);
		const { members, named } = await this.rosterOf(training);
		return members.map((m) => ({ ...m, invited: invitedTo(training, m, named), named: named.has(m.id), joinedAfter: !onRosterAt(m, training) }));
	}

	/** The community's roster and the names on the training's own invitation list (empty when it invites everyone). */
	private async rosterOf(training: Training) {
		const [members, ids] = await Promise.all([this.repo.members(training.communityId), training.inviteAll ? Promise.resolve([]) : this.repo.inviteeIds(training.id)]);
		return { members, named: new Set(ids) };
	}

	/** Invites every member (`'all'`, the default) or exactly the chosen ones; foreign ids refuse the whole change. */
	async setInvitees(actor: Actor, trainingId: string, memberIds: string[] | 'all'): Promise<void> {
		const training = await this.get(actor, trainingId);
		if (memberIds === 'all') return this.repo.setInvitees(training.id, true, []);
		const unique = [...new Set(memberIds)];
		const known = await this.repo.memberIdsIn(training.communityId, unique);
		if (known.size !== unique.length) throw new NotFoundError('training.notFoundMember');
		if (unique.length === 0) throw new ValidationError('training.inviteSomeone');
		await this.repo.setInvitees(training.id, false, unique);
	}

	/**
	 * Applies attendance ticks. Each event id is applied once however often it arrives (a phone re-sends until
	 * it hears back); per member the tick with the latest `at` decides, so late-arriving old ticks change
	 * nothing. A member id outside the community refuses the whole batch (404) and nothing is written.
	 */
	async recordAttendance(actor: Actor, trainingId: string, body: { events: AttendanceEventInput[] } | unknown, source: AttendanceSource = 'api') {
		const training = await this.get(actor, trainingId);
		const { events } = parseInput(attendanceBatchSchema, body);
		refuseWhenClosed(training);
		const latest = this.clock().getTime() + 24 * 3600 * 1000;
		if (events.some((e) => Date.parse(e.at) > latest)) throw new ValidationError('training.futureTick');
		const known = await this.repo.memberIdsIn(training.communityId, [...new Set(events.map((e) => e.memberId))]);
		if (events.some((e) => !known.has(e.memberId))) throw new NotFoundError('training.notFoundMember');
		const receivedAt = this.now();
		const userId = actor.kind === 'user' ? actor.userId : null;
		// A tick cannot have happened after it arrived: a phone whose clock runs fast (common on cheap Android phones)
		// would otherwise stamp its tick hours ahead and outrank every later correction — an untick on the web page
		// would be "saved" yet change nothing until that hour passed. Its `at` counts as the moment it was received.
		const received = Date.parse(receivedAt);
		return this.repo.applyEvents(
			events.map((e) => ({ training_id: training.id, id: e.id, member_id: e.memberId, present: e.present ? 1 : 0, at: Date.parse(e.at) > received ? receivedAt : e.at, source, actor_user_id: userId, received_at: receivedAt }))
		);
	}

	/**
	 * The session's attendance list: its expected members (expected.ts: invited, plus anyone marked present)
	 * and anyone ticked and unticked again, with the count the training page, the report and the XLSX print.
	 */
	async attendance(actor: Actor, trainingId: string): Promise<AttendanceView> {
		const training = await this.get(actor, trainingId);
		const [{ members, named }, state] = await Promise.all([this.rosterOf(training), this.repo.attendance(training.id)]);
		const byMember = new Map(state.map((s) => [s.member_id, s]));
		const expected = expectedAt(training, members, named, presentIds(state));
		const data = members
			.map((m) => {
				const s = byMember.get(m.id);
				return { memberId: m.id, name: m.name, shopName: m.shopName, invited: invitedTo(training, m, named), present: s?.present === 1, at: s?.at ?? null };
			})
			.filter((d) => expected.has(d.memberId) || d.at !== null);
		const listed = new Set(data.map((d) => d.memberId));
		const others = members.filter((m) => !listed.has(m.id)).map((m) => ({ memberId: m.id, name: m.name, shopName: m.shopName }));
		const present = data.filter((d) => d.present).length;
		return { data, others, rate: expected.size ? present / expected.size : null, present, expected: expected.size };
	}

	/**
	 * End of the day: the coordinator or facilitator closes attendance. After it no tick, check-in or "minta
	 * bantuan" is accepted (each is refused with a clear message), so the day's figures, the certificates and the
	 * "Hasil pelatihan" stay as they were at closing. Closing twice keeps the first time; `reopen` undoes a
	 * closing made too early.
	 */
	async closeAttendance(actor: Actor, trainingId: string, reopen = false): Promise<Training> {
		const training = await this.get(actor, trainingId);
		if (reopen ? training.attendanceClosedAt === null : training.attendanceClosedAt !== null) return training;
		const now = this.now();
		await this.repo.update(training.id, { attendance_closed_at: reopen ? null : now, updated_at: now });
		return { ...training, attendanceClosedAt: reopen ? null : now };
	}

	/** The training behind a venue QR code, for a signed-in member of its community (else "not found"). */
	async checkinTarget(actor: Actor, token: string) {
		const row = token.length <= 64 ? await this.repo.byCheckinToken(token) : undefined;
		if (!row || actor.kind !== 'user') throw new NotFoundError('training.notFound');
		const member = await this.repo.memberOfShops(row.community_id, actor.shopIds);
		if (!member) throw new NotFoundError('training.notMember');
		const state = (await this.repo.attendance(row.id)).find((s) => s.member_id === member.id);
		const program = await this.repo.program(row.program_id);
		return { training: toTraining(row), programName: program?.name ?? '', member: { id: member.id, name: member.person_name }, present: state?.present === 1 };
	}

	/** Self check-in from the venue QR code: the signed-in member marks themself present (once per event id). */
	async selfCheckIn(actor: Actor, token: string, eventId: string) {
		const target = await this.checkinTarget(actor, token);
		refuseWhenClosed(target.training);
		const day = (iso: string) => new Date(Date.parse(iso) + 7 * 3600 * 1000).toISOString().slice(0, 10);
		if (day(this.now()) !== day(target.training.startsAt)) throw new ValidationError('training.checkinDay', { date: day(target.training.startsAt) });
		// the member's own id space: an id typed by someone else can never match this member's or a card's event
		const id = `self:${target.member.id}:${/^[A-Za-z0-9_-]{8,100}$/.test(eventId) ? eventId : newId('self')}`;
		await this.repo.applyEvents([
			{ training_id: target.training.id, id, member_id: target.member.id, present: 1, at: this.now(), source: 'self', actor_user_id: actor.kind === 'user' ? actor.userId : null, received_at: this.now() }
		]);
		return { ...target, present: true };
	}
}

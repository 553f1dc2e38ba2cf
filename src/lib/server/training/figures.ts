import { normalizedGain, presentIds, type GroupGain } from './gain';
import type { TrainingRepository, TrainingRow } from './training.repository';
import { wibDay } from '../../utils/dates';
import { expectedAt } from './expected';

export interface ProgramAttendance {
	/** Sum over held sessions of members present. */
	present: number;
	/** Sum over held sessions of members expected (expected.ts: on the roster at the start and invited, plus anyone present). */
	expected: number;
	/** present ÷ expected, 0–1; null when nobody was expected anywhere. */
	rate: number | null;
	perTraining: { trainingId: string; present: number; expected: number; rate: number | null }[];
}

/** The program's field period (`YYYY-MM-DD`, WIB calendar days; either end may be open). */
export interface ProgramPeriod {
	id: string;
	starts_on: string | null;
	ends_on: string | null;
}

/**
 * Where a session stands for the program's figures: `held` (it has started and lies within the program's
 * dates), `upcoming` (within the dates, not started yet) or `outside` (before the program began or after it
 * ended). Only held sessions count: a session planned for later today or next year has no attendance yet,
 * and one outside the program's period belongs to something else.
 */
export type SessionState = 'held' | 'upcoming' | 'outside';

export function sessionState(startsAt: string, program: Pick<ProgramPeriod, 'starts_on' | 'ends_on'>, now: Date): SessionState {
	const day = wibDay(startsAt);
	if ((program.starts_on && day < program.starts_on) || (program.ends_on && day > program.ends_on)) return 'outside';
	return Date.parse(startsAt) <= now.getTime() ? 'held' : 'upcoming';
}

/**
 * True when a session's WIB day lies before the program's first day or after its last: it is saved (a meeting
 * before the official start is real), but never counted in the program's figures, so pages warn about it.
 */
export function outsideProgram(startsAt: string, program: Pick<ProgramPeriod, 'starts_on' | 'ends_on'>): boolean {
	return sessionState(startsAt, program, new Date(0)) === 'outside';
}

export interface ProgramTrainingFigures {
	/** Every session of the program, chronological, with its state now. */
	sessions: { training: TrainingRow; state: SessionState }[];
	/** The held sessions only (chronological): the ones every figure below is computed from. */
	held: TrainingRow[];
	attendance: ProgramAttendance;
	gain: GroupGain;
}

/**
 * Attendance and knowledge gain of a program over its held sessions, from current rows. The dashboard, the
 * indicators API and the evaluation report all call this one function, so they cannot disagree. No access
 * check: callers (services) check the actor first.
 */
export async function programTrainingFigures(repo: TrainingRepository, program: ProgramPeriod, now: Date): Promise<ProgramTrainingFigures> {
	const { sessions, held, states } = await heldSessions(repo, program, now);
	const [attendance, gain] = await Promise.all([attendanceOf(repo, held, states), gainOf(repo, held, states)]);
	return { sessions, held, attendance, gain };
}

/** The program's knowledge gain alone (the platform comparison's column), by the same rule as programTrainingFigures. */
export async function programGain(repo: TrainingRepository, program: ProgramPeriod, now: Date): Promise<GroupGain> {
	const { held, states } = await heldSessions(repo, program, now);
	return gainOf(repo, held, states);
}

async function heldSessions(repo: TrainingRepository, program: ProgramPeriod, now: Date) {
	const all = await repo.listByProgram(program.id);
	const sessions = all.map((training) => ({ training, state: sessionState(training.starts_at, program, now) }));
	const held = sessions.filter((s) => s.state === 'held').map((s) => s.training);
	const states = await repo.attendanceOfTrainings(held.map((t) => t.id));
	return { sessions, held, states };
}

/**
 * Attendance over these sessions. Each session expects whom expected.ts says (on the roster when it started and
 * invited, plus anyone marked present), the rule the training page and the daftar hadir use too.
 */
async function attendanceOf(repo: TrainingRepository, trainings: TrainingRow[], states: AttendanceState[]): Promise<ProgramAttendance> {
	if (trainings.length === 0) return { present: 0, expected: 0, rate: null, perTraining: [] };
	const [invitees, members] = await Promise.all([repo.inviteesOfTrainings(trainings.filter((t) => t.invite_all !== 1).map((t) => t.id)), repo.members(trainings[0].community_id)]);
	const perTraining = trainings.map((t) => {
		const named = new Set(invitees.filter((i) => i.training_id === t.id).map((i) => i.member_id));
		const here = presentIds(states.filter((s) => s.training_id === t.id));
		const expected = expectedAt({ startsAt: t.starts_at, inviteAll: t.invite_all === 1 }, members, named, here).size;
		return { trainingId: t.id, present: here.size, expected, rate: expected ? here.size / expected : null };
	});
	const present = perTraining.reduce((s, p) => s + p.present, 0);
	const expected = perTraining.reduce((s, p) => s + p.expected, 0);
	return { present, expected, rate: expected ? present / expected : null, perTraining };
}

type AttendanceState = { training_id: string; member_id: string; present: number };

/**
 * Pre/post pairs of these sessions (one pair per member and session) of members marked present there, and
 * Hake's g over them (the same rule as a training's own results).
 */
async function gainOf(repo: TrainingRepository, trainings: TrainingRow[], states: AttendanceState[]): Promise<GroupGain> {
	const results = await repo.results(trainings.map((t) => t.id));
	const present = new Map(trainings.map((t) => [t.id, presentIds(states.filter((s) => s.training_id === t.id))]));
	const pairs = new Map<string, { pre?: number; post?: number }>();
	for (const r of results) {
		if (!present.get(r.training_id)?.has(r.member_id)) continue;
		const key = `${r.training_id}\u0000${r.member_id}`;
		const p = pairs.get(key) ?? {};
		p[r.kind] = r.score;
		pairs.set(key, p);
	}
	return normalizedGain([...pairs.values()].map((p) => ({ pre: p.pre, post: p.post })));
}

/** Attendance rate as the indicators show it: percent with one decimal (74.9). */
export function ratePercent(rate: number | null): number | null {
	return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** Knowledge gain as the indicators show it: two decimals (0.45). */
export function gainRounded(g: number | null): number | null {
	return g === null ? null : Math.round(g * 100) / 100;
}

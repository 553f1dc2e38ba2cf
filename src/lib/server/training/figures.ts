import { normalizedGain, type GroupGain } from './gain';
import type { TrainingRepository } from './training.repository';

export interface ProgramAttendance {
	/** Sum over sessions of members present. */
	present: number;
	/** Sum over sessions of members expected: invited, plus anyone present who was not invited. */
	expected: number;
	/** present ÷ expected, 0–1; null when nobody was expected anywhere. */
	rate: number | null;
	perTraining: { trainingId: string; present: number; expected: number; rate: number | null }[];
}

/**
 * Attendance over every session of a program, from current rows. A session that invites everyone expects
 * every member on the roster now. No access check: callers (services) check the actor first.
 */
export async function programAttendance(repo: TrainingRepository, programId: string): Promise<ProgramAttendance> {
	const trainings = await repo.listByProgram(programId);
	if (trainings.length === 0) return { present: 0, expected: 0, rate: null, perTraining: [] };
	const ids = trainings.map((t) => t.id);
	const [states, invitees, members] = await Promise.all([
		repo.attendanceOfTrainings(ids),
		repo.inviteesOfTrainings(ids),
		trainings.some((t) => t.invite_all === 1) ? repo.members(trainings[0].community_id) : Promise.resolve([])
	]);
	const everyone = members.map((m) => m.id);
	const perTraining = trainings.map((t) => {
		const invited = new Set(t.invite_all === 1 ? everyone : invitees.filter((i) => i.training_id === t.id).map((i) => i.member_id));
		const presentIds = states.filter((s) => s.training_id === t.id && s.present === 1).map((s) => s.member_id);
		const expected = new Set([...invited, ...presentIds]).size;
		return { trainingId: t.id, present: presentIds.length, expected, rate: expected ? presentIds.length / expected : null };
	});
	const present = perTraining.reduce((s, p) => s + p.present, 0);
	const expected = perTraining.reduce((s, p) => s + p.expected, 0);
	return { present, expected, rate: expected ? present / expected : null, perTraining };
}

/** Pre/post pairs of every session of the program (one pair per member and session), and Hake's g over them. */
export async function programGain(repo: TrainingRepository, programId: string): Promise<GroupGain> {
	const trainings = await repo.listByProgram(programId);
	const results = await repo.results(trainings.map((t) => t.id));
	const pairs = new Map<string, { pre?: number; post?: number }>();
	for (const r of results) {
		const key = `${r.training_id}\u0000${r.member_id}`;
		const p = pairs.get(key) ?? {};
		p[r.kind] = r.score;
		pairs.set(key, p);
	}
	return normalizedGain([...pairs.values()].map((p) => ({ pre: p.pre, post: p.post })));
}

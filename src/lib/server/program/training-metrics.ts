import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { TrainingRepository } from '../training/training.repository';
import { gainRounded, programTrainingFigures, ratePercent } from '../training/figures';

/**
 * The two indicators that come from trainings, as single figures (the indicator service and the report use
 * programTrainingFigures directly, once for both). Computed from current rows over the program's held
 * sessions (started by `now`, within the program's dates). No access check: the caller has checked the actor.
 */
async function figures(db: Kysely<DB>, programId: string, now: Date) {
	const repo = new TrainingRepository(db);
	const program = await repo.program(programId);
	return program ? programTrainingFigures(repo, program, now) : null;
}

/** Attendance rate of the program's held sessions in percent (0–100, one decimal); null when nobody was expected. */
export async function attendanceRate(db: Kysely<DB>, programId: string, now: Date = new Date()): Promise<number | null> {
	return ratePercent((await figures(db, programId, now))?.attendance.rate ?? null);
}

/** Hake's normalised gain over the held sessions (two decimals); null when nobody took both tests. */
export async function knowledgeGain(db: Kysely<DB>, programId: string, now: Date = new Date()): Promise<number | null> {
	return gainRounded((await figures(db, programId, now))?.gain.g ?? null);
}

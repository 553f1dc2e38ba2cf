import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { TrainingRepository } from '../training/training.repository';
import { programAttendance, programGain } from '../training/figures';

/**
 * The two indicators that come from trainings, owned by engineer TRAINING, read by the program's indicators
 * and dashboard (engineer PROGRAM). This file is the contract between the two: keep the signatures.
 * Both are computed from current rows on every call (no cache), so an attendance tick counts at once.
 * No access check here: the caller has already checked the actor against the program's community.
 */

/**
 * Attendance rate of the program's trainings in percent (0–100): members present ÷ members expected
 * (invited, plus anyone present who was not invited) summed over all sessions of the program, rounded to
 * one decimal; null when no member was invited to anything yet.
 */
export async function attendanceRate(db: Kysely<DB>, programId: string): Promise<number | null> {
	const { rate } = await programAttendance(new TrainingRepository(db), programId);
	return rate === null ? null : Math.round(rate * 1000) / 10;
}

/**
 * Knowledge gain of the program: Hake's normalised gain g = (mean post − mean pre) / (100 − mean pre) over
 * the members who took both tests (one pair per member and session), rounded to two decimals (e.g. 0.45);
 * null when nobody took both, or the mean pre-test is already 100.
 */
export async function knowledgeGain(db: Kysely<DB>, programId: string): Promise<number | null> {
	const { g } = await programGain(new TrainingRepository(db), programId);
	return g === null ? null : Math.round(g * 100) / 100;
}

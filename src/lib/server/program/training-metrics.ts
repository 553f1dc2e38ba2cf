import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * The two indicators that come from trainings, owned by engineer TRAINING, read by the program's indicators
 * and dashboard (engineer PROGRAM). This file is the contract between the two: keep the signatures.
 *
 * Until trainings land these return null, which every screen shows as "belum ada data" and the API as
 * `"value": null`. Both are computed from current rows on every call (no cache), so an attendance tick
 * counts at once.
 */

/**
 * Attendance rate of the program's trainings in percent (0–100): present ticks ÷ invitations over all
 * sessions of the program, rounded to one decimal; null when no member was invited to anything yet.
 */
export async function attendanceRate(_db: Kysely<DB>, _programId: string): Promise<number | null> {
	return null;
}

/**
 * Knowledge gain of the program: Hake's normalised gain g = (mean post − mean pre) / (100 − mean pre) over
 * the members who took both tests, rounded to two decimals (e.g. 0.45); null when nobody took both.
 */
export async function knowledgeGain(_db: Kysely<DB>, _programId: string): Promise<number | null> {
	return null;
}

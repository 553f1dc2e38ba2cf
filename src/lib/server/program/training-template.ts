import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Copies the training side of a program template (engineer TRAINING's tables: agenda, question bank) from
 * one program to another, inside the copy's transaction. No people, no attendance, no scores. Engineer
 * TRAINING replaces this body once their tables exist; engineer PROGRAM's copy already calls it.
 */
export async function copyTrainingTemplate(_trx: Transaction<DB>, _fromProgramId: string, _toProgramId: string): Promise<void> {}

import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { newId } from '../../utils/ids';

/**
 * The training side of a program template, inside the copy's transaction: the source community's active question
 * bank, the questions the target does not hold yet, after its own. Nothing when both are the same community.
 * Trainings themselves are not copied (see ProgramService.copyToCommunity).
 */
export async function copyQuestionBank(trx: Transaction<DB>, fromCommunityId: string, toCommunityId: string, now: string): Promise<void> {
	if (fromCommunityId === toCommunityId) return;
	const [questions, held] = await Promise.all([
		trx.selectFrom('test_question').selectAll().where('community_id', '=', fromCommunityId).where('active', '=', 1).orderBy('position').orderBy('id').execute(),
		trx.selectFrom('test_question').select(['text', 'position']).where('community_id', '=', toCommunityId).execute()
	]);
	const texts = new Set(held.map((q) => q.text));
	let position = held.reduce((max, q) => Math.max(max, Number(q.position)), 0);
	const fresh = questions.filter((q) => !texts.has(q.text));
	if (fresh.length)
		await trx
			.insertInto('test_question')
			.values(fresh.map((q) => ({ id: newId('tq'), community_id: toCommunityId, topic: q.topic, text: q.text, choices: q.choices, correct_index: q.correct_index, position: ++position, active: 1, created_at: now })))
			.execute();
}

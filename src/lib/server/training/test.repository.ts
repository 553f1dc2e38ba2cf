import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { TestKind, TestQuestionTable, TrainingReactionTable } from '../db/schema-training';

export type QuestionRow = Selectable<TestQuestionTable>;
export type ReactionRow = Selectable<TrainingReactionTable>;

/** Kysely I/O for the question bank, test answers and results, and reactions. */
export class TestRepository {
	constructor(private readonly db: Kysely<DB>) {}

	questions(communityId: string) {
		return this.db.selectFrom('test_question').selectAll().where('community_id', '=', communityId).where('active', '=', 1).orderBy('position').orderBy('id').execute();
	}

	async countQuestions(communityId: string): Promise<number> {
		const r = await this.db.selectFrom('test_question').select((eb) => eb.fn.countAll().as('n')).where('community_id', '=', communityId).executeTakeFirst();
		return Number(r?.n ?? 0);
	}

	async insertQuestions(rows: QuestionRow[]): Promise<void> {
		if (rows.length) await this.db.insertInto('test_question').values(rows).execute();
	}

	answers(trainingId: string) {
		return this.db.selectFrom('test_answer').select(['member_id', 'kind', 'question_id', 'correct']).where('training_id', '=', trainingId).execute();
	}

	result(trainingId: string, memberId: string) {
		return this.db.selectFrom('test_result').select(['kind', 'score', 'source']).where('training_id', '=', trainingId).where('member_id', '=', memberId).execute();
	}

	/**
	 * Stores a member's answers and the score they give, once: a second submission of the same test changes
	 * nothing and returns false (the primary key on test_result decides, also under concurrent posts).
	 */
	async saveAnswers(trainingId: string, memberId: string, kind: TestKind, answers: { questionId: string; choice: number; correct: boolean }[], score: number, now: string): Promise<boolean> {
		return this.db.transaction().execute(async (trx) => {
			const inserted = await trx
				.insertInto('test_result')
				.values({ training_id: trainingId, member_id: memberId, kind, score, source: 'answers', updated_at: now })
				.onConflict((oc) => oc.columns(['training_id', 'member_id', 'kind']).doNothing())
				.returning('score')
				.executeTakeFirst();
			if (!inserted) return false;
			await trx.deleteFrom('test_answer').where('training_id', '=', trainingId).where('member_id', '=', memberId).where('kind', '=', kind).execute();
			if (answers.length)
				await trx
					.insertInto('test_answer')
					.values(answers.map((a) => ({ training_id: trainingId, member_id: memberId, kind, question_id: a.questionId, choice: a.choice, correct: a.correct ? 1 : 0 })))
					.execute();
			return true;
		});
	}

	async saveReaction(row: ReactionRow): Promise<void> {
		await this.db
			.insertInto('training_reaction')
			.values(row)
			.onConflict((oc) =>
				oc.columns(['training_id', 'member_id']).doUpdateSet({ satisfaction: row.satisfaction, usefulness: row.usefulness, confidence_before: row.confidence_before, confidence_now: row.confidence_now, created_at: row.created_at })
			)
			.execute();
	}

	reactions(trainingIds: string[]) {
		if (trainingIds.length === 0) return Promise.resolve([]);
		return this.db.selectFrom('training_reaction').selectAll().where('training_id', 'in', trainingIds).execute();
	}

	reaction(trainingId: string, memberId: string) {
		return this.db.selectFrom('training_reaction').selectAll().where('training_id', '=', trainingId).where('member_id', '=', memberId).executeTakeFirst();
	}
}

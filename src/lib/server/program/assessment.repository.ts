import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { ProgramAssessmentItemTable } from '../db/schema-program';

export type AssessmentItem = Selectable<ProgramAssessmentItemTable>;

/** SQL for the MPA and SLA lists of a program. */
export class AssessmentRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async listByProgram(programId: string): Promise<AssessmentItem[]> {
		return this.db.selectFrom('program_assessment_item').selectAll().where('program_id', '=', programId).orderBy('method').orderBy('category').orderBy('position').orderBy('id').execute();
	}

	async findById(id: string): Promise<AssessmentItem | undefined> {
		return this.db.selectFrom('program_assessment_item').selectAll().where('id', '=', id).executeTakeFirst();
	}

	async nextPosition(programId: string): Promise<number> {
		const row = await this.db
			.selectFrom('program_assessment_item')
			.where('program_id', '=', programId)
			.select((eb) => eb.fn.max<number>('position').as('max'))
			.executeTakeFirst();
		return Number(row?.max ?? 0) + 1;
	}

	async insertMany(rows: Insertable<ProgramAssessmentItemTable>[]): Promise<void> {
		if (rows.length) await this.db.insertInto('program_assessment_item').values(rows).execute();
	}

	async updateText(id: string, text: string, sector: string): Promise<void> {
		await this.db.updateTable('program_assessment_item').set({ text, sector }).where('id', '=', id).execute();
	}

	async delete(id: string): Promise<void> {
		await this.db.deleteFrom('program_assessment_item').where('id', '=', id).execute();
	}
}

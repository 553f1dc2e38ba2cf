import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { ProgramEvidenceTable, StageKey } from '../db/schema-program';

export type Evidence = Selectable<ProgramEvidenceTable>;

/** SQL for the evidence files of a program's stages. */
export class EvidenceRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async list(programId: string, stageKey?: StageKey): Promise<Evidence[]> {
		let q = this.db.selectFrom('program_evidence').selectAll().where('program_id', '=', programId);
		if (stageKey) q = q.where('stage_key', '=', stageKey);
		return q.orderBy('created_at').orderBy('id').execute();
	}

	async findById(id: string): Promise<Evidence | undefined> {
		return this.db.selectFrom('program_evidence').selectAll().where('id', '=', id).executeTakeFirst();
	}

	async insert(row: Insertable<ProgramEvidenceTable>): Promise<void> {
		await this.db.insertInto('program_evidence').values(row).execute();
	}

	async delete(id: string): Promise<void> {
		await this.db.deleteFrom('program_evidence').where('id', '=', id).execute();
	}
}

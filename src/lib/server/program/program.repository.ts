import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { ProgramHandoverTable, ProgramStageTable, ProgramTable, StageKey } from '../db/schema-program';

export type Program = Selectable<ProgramTable>;
export type ProgramStage = Selectable<ProgramStageTable>;
export type Handover = Selectable<ProgramHandoverTable>;

type Db = Kysely<DB> | Transaction<DB>;

/** SQL for programs, their stages and the handover record. Decides nothing about who may see what. */
export class ProgramRepository {
	constructor(private readonly db: Kysely<DB>) {}

	transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
		return this.db.transaction().execute(fn);
	}

	async listByCommunity(communityId: string): Promise<Program[]> {
		return this.db.selectFrom('program').selectAll().where('community_id', '=', communityId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
	}

	async findById(id: string): Promise<Program | undefined> {
		return this.db.selectFrom('program').selectAll().where('id', '=', id).executeTakeFirst();
	}

	async stagesOf(programIds: string[]): Promise<ProgramStage[]> {
		if (programIds.length === 0) return [];
		return this.db.selectFrom('program_stage').selectAll().where('program_id', 'in', programIds).orderBy('program_id').orderBy('position').execute();
	}

	async insertProgram(db: Db, row: Insertable<ProgramTable>): Promise<void> {
		await db.insertInto('program').values(row).execute();
	}

	async insertStages(db: Db, rows: Insertable<ProgramStageTable>[]): Promise<void> {
		if (rows.length) await db.insertInto('program_stage').values(rows).execute();
	}

	async updatePlan(id: string, changes: Partial<Pick<Program, 'name' | 'theme' | 'goals' | 'target_group' | 'starts_on' | 'ends_on'>> & { updated_at: string }): Promise<void> {
		await this.db.updateTable('program').set(changes).where('id', '=', id).execute();
	}

	async updateStage(programId: string, key: StageKey, changes: Pick<ProgramStage, 'status' | 'starts_on' | 'ends_on' | 'notes' | 'updated_at'>): Promise<void> {
		await this.db.updateTable('program_stage').set(changes).where('program_id', '=', programId).where('key', '=', key).execute();
	}

	async findHandover(programId: string): Promise<Handover | undefined> {
		return this.db.selectFrom('program_handover').selectAll().where('program_id', '=', programId).executeTakeFirst();
	}

	async saveHandover(row: Handover): Promise<void> {
		await this.db
			.insertInto('program_handover')
			.values(row)
			.onConflict((oc) => oc.column('program_id').doUpdateSet({ recipient: row.recipient, follow_up: row.follow_up, handed_over_on: row.handed_over_on, updated_at: row.updated_at }))
			.execute();
	}
}

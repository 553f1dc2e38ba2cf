import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { ProgramIndicatorEntryTable, ProgramIndicatorTable } from '../db/schema-program';

export type Indicator = Selectable<ProgramIndicatorTable>;
export type IndicatorEntry = Selectable<ProgramIndicatorEntryTable>;

type Db = Kysely<DB> | Transaction<DB>;

/** SQL for a program's indicators and the dated values entered for manual ones. */
export class IndicatorRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async listByProgram(programId: string, db: Db = this.db): Promise<Indicator[]> {
		return db.selectFrom('program_indicator').selectAll().where('program_id', '=', programId).orderBy('position').orderBy('id').execute();
	}

	async findById(id: string): Promise<Indicator | undefined> {
		return this.db.selectFrom('program_indicator').selectAll().where('id', '=', id).executeTakeFirst();
	}

	async insertMany(db: Db, rows: Insertable<ProgramIndicatorTable>[]): Promise<void> {
		if (rows.length) await db.insertInto('program_indicator').values(rows).execute();
	}

	async update(id: string, changes: Partial<Pick<Indicator, 'label' | 'unit' | 'baseline' | 'target'>> & { updated_at: string }): Promise<void> {
		await this.db.updateTable('program_indicator').set(changes).where('id', '=', id).execute();
	}

	async delete(id: string): Promise<void> {
		await this.db.deleteFrom('program_indicator').where('id', '=', id).execute();
	}

	async entriesOf(indicatorIds: string[]): Promise<IndicatorEntry[]> {
		if (indicatorIds.length === 0) return [];
		return this.db
			.selectFrom('program_indicator_entry')
			.selectAll()
			.where('indicator_id', 'in', indicatorIds)
			.orderBy('indicator_id')
			.orderBy('on_date')
			.orderBy('created_at')
			.execute();
	}

	async findEntry(id: string): Promise<IndicatorEntry | undefined> {
		return this.db.selectFrom('program_indicator_entry').selectAll().where('id', '=', id).executeTakeFirst();
	}

	async insertEntry(row: Insertable<ProgramIndicatorEntryTable>): Promise<void> {
		await this.db.insertInto('program_indicator_entry').values(row).execute();
	}

	async deleteEntry(id: string): Promise<void> {
		await this.db.deleteFrom('program_indicator_entry').where('id', '=', id).execute();
	}
}

import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../schema';

/**
 * The program workspace around the base `program` / `program_stage` tables: the assessment (MPA and SLA
 * lists), the plan's indicators with their manual entries, evidence files per stage, and the handover
 * record written at termination. Everything hangs off a program and goes with it (on delete cascade).
 */
export function programMigration(dialect: Dialect): Migration {
	const real = dialect === 'postgres' ? 'double precision' : 'real';
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('program_assessment_item')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
				.addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('mpa', 'sla')`))
				.addColumn('category', 'text', (c) =>
					c.notNull().check(sql`category in ('problem', 'need', 'potential', 'resource', 'human', 'social', 'natural', 'physical', 'financial')`)
				)
				.addColumn('sector', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('text', 'text', (c) => c.notNull())
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('program_assessment_program_idx').on('program_assessment_item').columns(['program_id', 'method', 'category', 'position']).execute();

			await db.schema
				.createTable('program_indicator')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
				.addColumn('key', 'text', (c) => c.notNull())
				.addColumn('label', 'text', (c) => c.notNull())
				.addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('auto', 'manual')`))
				.addColumn('metric', 'text')
				.addColumn('baseline', real as 'real')
				.addColumn('target', real as 'real')
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('program_indicator_key_uq', ['program_id', 'key'])
				.execute();

			await db.schema
				.createTable('program_indicator_entry')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('indicator_id', 'text', (c) => c.notNull().references('program_indicator.id').onDelete('cascade'))
				.addColumn('on_date', 'text', (c) => c.notNull())
				.addColumn('value', real as 'real', (c) => c.notNull())
				.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('program_indicator_entry_idx').on('program_indicator_entry').columns(['indicator_id', 'on_date']).execute();

			await db.schema
				.createTable('program_evidence')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
				.addColumn('stage_key', 'text', (c) => c.notNull())
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('photo', 'document')`))
				.addColumn('title', 'text', (c) => c.notNull())
				.addColumn('file_key', 'text', (c) => c.notNull())
				.addColumn('thumb_key', 'text')
				.addColumn('bytes', 'integer', (c) => c.notNull())
				.addColumn('created_by', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('program_evidence_idx').on('program_evidence').columns(['program_id', 'stage_key', 'created_at']).execute();

			await db.schema
				.createTable('program_handover')
				.addColumn('program_id', 'text', (c) => c.primaryKey().references('program.id').onDelete('cascade'))
				.addColumn('recipient', 'text', (c) => c.notNull())
				.addColumn('follow_up', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('handed_over_on', 'text')
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
		}
	};
}

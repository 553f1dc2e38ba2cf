import type { Kysely, Migration } from 'kysely';

/**
 * Trainings still to be scheduled in a program copied as a template (issue 9 re-test): each training of the
 * source program carried over as its content — title, venue, speakers, agenda and the invitation letter's
 * text — without a date, invitees, attendance or results. Scheduling one (giving it a start) makes it a
 * training and removes the plan, so a copied training never shows up twice and never without a date.
 * Also the name the group's coordinator signs the evaluation report with (`program.report_signer_name`), typed
 * by the coordinator: no account's name is guessed (the demo's first coordinator account is a seller's).
 */
export function trainingPlanMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('training_plan')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('title', 'text', (c) => c.notNull())
				.addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('speakers', 'text', (c) => c.notNull().defaultTo('[]'))
				.addColumn('agenda', 'text', (c) => c.notNull().defaultTo('[]'))
				.addColumn('letter', 'text', (c) => c.notNull().defaultTo('{}'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.alterTable('program').addColumn('report_signer_name', 'text').execute();
			await db.schema.createIndex('training_plan_program_idx').on('training_plan').columns(['program_id', 'position']).execute();
		}
	};
}

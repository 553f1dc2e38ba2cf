import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The training hour's last pieces (issue 13, items 4–5): "minta bantuan" flags a member raises from their phone
 * (one open flag per member and training — a partial unique index, which SQLite and PostgreSQL both enforce —
 * closed by the facilitator as helped or by the member as cancelled, and kept as a record), and the moment the
 * coordinator closed a training's attendance (no check-ins or ticks after it).
 */
export function trainingHelpMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('training_help')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('raised_at', 'text', (c) => c.notNull())
				.addColumn('raised_by', 'text')
				.addColumn('ended_at', 'text')
				.addColumn('ended_by', 'text')
				.addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('helped', 'cancelled')`))
				.execute();
			await db.schema.createIndex('training_help_open_idx').on('training_help').columns(['training_id', 'member_id']).unique().where(sql.ref('ended_at'), 'is', null).execute();
			await db.schema.createIndex('training_help_training_idx').on('training_help').column('training_id').execute();
			await db.schema.alterTable('training').addColumn('attendance_closed_at', 'text').execute();
		}
	};
}

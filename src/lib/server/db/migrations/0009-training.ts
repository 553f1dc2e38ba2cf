import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Trainings of a program: sessions, invitees, attendance (events applied once + the state they decide),
 * the question bank, pre/post results and answers, and the reaction check.
 */
export function trainingMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('training')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('title', 'text', (c) => c.notNull())
				.addColumn('starts_at', 'text', (c) => c.notNull())
				.addColumn('venue', 'text', (c) => c.notNull())
				.addColumn('speakers', 'text', (c) => c.notNull().defaultTo('[]'))
				.addColumn('agenda', 'text', (c) => c.notNull().defaultTo('[]'))
				.addColumn('invite_all', 'integer', (c) => c.notNull().defaultTo(1))
				.addColumn('letter', 'text', (c) => c.notNull().defaultTo('{}'))
				.addColumn('checkin_token', 'text', (c) => c.notNull().unique())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('training_program_idx').on('training').columns(['program_id', 'starts_at']).execute();

			await db.schema
				.createTable('training_invitee')
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addPrimaryKeyConstraint('training_invitee_pk', ['training_id', 'member_id'])
				.execute();

			await db.schema
				.createTable('attendance_event')
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('id', 'text', (c) => c.notNull())
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('present', 'integer', (c) => c.notNull().check(sql`present in (0, 1)`))
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('tap', 'form', 'api', 'self')`))
				.addColumn('actor_user_id', 'text')
				.addColumn('received_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('attendance_event_pk', ['training_id', 'id'])
				.execute();

			await db.schema
				.createTable('attendance')
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('present', 'integer', (c) => c.notNull().check(sql`present in (0, 1)`))
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('event_id', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('attendance_pk', ['training_id', 'member_id'])
				.execute();

			await db.schema
				.createTable('test_question')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('topic', 'text', (c) => c.notNull().check(sql`topic in ('daftar', 'foto', 'deskripsi', 'harga', 'whatsapp', 'qris', 'penipuan')`))
				.addColumn('text', 'text', (c) => c.notNull())
				.addColumn('choices', 'text', (c) => c.notNull())
				.addColumn('correct_index', 'integer', (c) => c.notNull())
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('test_question_community_idx').on('test_question').columns(['community_id', 'position']).execute();

			await db.schema
				.createTable('test_result')
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pre', 'post')`))
				.addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 100`))
				.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('answers', 'manual')`))
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('test_result_pk', ['training_id', 'member_id', 'kind'])
				.execute();

			await db.schema
				.createTable('test_answer')
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pre', 'post')`))
				.addColumn('question_id', 'text', (c) => c.notNull().references('test_question.id').onDelete('cascade'))
				.addColumn('choice', 'integer', (c) => c.notNull())
				.addColumn('correct', 'integer', (c) => c.notNull().check(sql`correct in (0, 1)`))
				.addPrimaryKeyConstraint('test_answer_pk', ['training_id', 'member_id', 'kind', 'question_id'])
				.execute();

			await db.schema
				.createTable('training_reaction')
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('satisfaction', 'integer', (c) => c.notNull().check(sql`satisfaction between 1 and 5`))
				.addColumn('usefulness', 'integer', (c) => c.notNull().check(sql`usefulness between 1 and 5`))
				.addColumn('confidence_before', 'integer', (c) => c.notNull().check(sql`confidence_before between 1 and 5`))
				.addColumn('confidence_now', 'integer', (c) => c.notNull().check(sql`confidence_now between 1 and 5`))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('training_reaction_pk', ['training_id', 'member_id'])
				.execute();
		}
	};
}

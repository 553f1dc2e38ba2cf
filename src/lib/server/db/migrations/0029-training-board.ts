import type { Kysely, Migration } from 'kysely';

/**
 * Board links (issue 13): a no-login link to a training's projector board, valid until the end of the training
 * day in WIB. Only the SHA-256 of the random token is stored (as sessions and setup links), so a copy of the
 * database opens no board.
 */
export function trainingBoardMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('training_board_link')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('created_by', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('training_board_link_training_idx').on('training_board_link').column('training_id').execute();
		}
	};
}

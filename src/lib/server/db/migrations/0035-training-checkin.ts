import { sql, type Kysely, type Migration } from 'kysely';

/**
 * QR check-in that opens the seller's account (issue 13, item 2).
 * - `training_checkin_claim`: a phone without a login says "this is me" at the venue QR; the claim waits for a
 *   facilitator's tap. The phone holds a random claim token in an HttpOnly cookie; only its SHA-256 is stored.
 *   At most one PENDING claim per member and training (partial unique index), so a second phone cannot queue
 *   behind the first to take the same seat. `handed_over_at` is set once, when the confirmed phone got its one
 *   setup link: a reused claim gets no second one.
 * - `member_checkin_card`: a member's personal QR card (printed by staff): checks the member in at a training of
 *   their community on its day without confirmation and, while they have no password, hands out one setup link.
 *   Only the hash of its token is stored; a new card replaces the member's older ones (revoked_at).
 */
export function trainingCheckinMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('training_checkin_claim')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('training_id', 'text', (c) => c.notNull().references('training.id').onDelete('cascade'))
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('claim_hash', 'text', (c) => c.notNull().unique())
				.addColumn('code', 'text', (c) => c.notNull())
				.addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('name', 'phone')`))
				.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'confirmed', 'rejected', 'cancelled', 'expired')`))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('decided_at', 'text')
				.addColumn('decided_by', 'text')
				.addColumn('handed_over_at', 'text')
				.execute();
			await db.schema
				.createIndex('training_checkin_claim_one_pending')
				.on('training_checkin_claim')
				.columns(['training_id', 'member_id'])
				.unique()
				.where(sql.ref('status'), '=', 'pending')
				.execute();
			await db.schema.createIndex('training_checkin_claim_training_idx').on('training_checkin_claim').columns(['training_id', 'status']).execute();

			await db.schema
				.createTable('member_checkin_card')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id').onDelete('cascade'))
				.addColumn('created_by', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('revoked_at', 'text')
				.addColumn('password_link_at', 'text')
				.execute();
			await db.schema.createIndex('member_checkin_card_member_idx').on('member_checkin_card').column('member_id').execute();
		}
	};
}

import { sql, type Kysely, type Migration } from 'kysely';
import { backfillMembers } from '../../members/member-backfill';

/**
 * The members' area: every shop that exists without its roster row gets one (the roster lists every shop,
 * login or not; new shops get theirs when created), and the mentoring log (visits, calls, chats and the
 * follow-up agreed).
 */
export function memberProfileMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await backfillMembers(db);

			await db.schema
				.createTable('mentoring_entry')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
				.addColumn('held_on', 'text', (c) => c.notNull())
				.addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('kunjungan', 'telepon', 'chat')`))
				.addColumn('topic', 'text', (c) => c.notNull())
				.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('next_step', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('follow_up_on', 'text')
				.addColumn('follow_up_done_at', 'text')
				.addColumn('by_user_id', 'text', (c) => c.references('app_user.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('mentoring_member_idx').on('mentoring_entry').columns(['member_id', 'held_on']).execute();
			await db.schema.createIndex('mentoring_follow_up_idx').on('mentoring_entry').columns(['community_id', 'follow_up_on']).execute();
		}
	};
}

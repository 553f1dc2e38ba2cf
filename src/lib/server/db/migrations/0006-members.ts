import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The roster's members and the programs run with them. A member is one seller of the community (with
 * or without a login yet): every shop of the community has exactly one member row, which holds the
 * profile the program needs (RW, legality, capital, sales, marketing channel before the program).
 * Further program tables (assessment, indicators, trainings, …) come in later migrations.
 */
export function membersMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('member')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('shop_id', 'text', (c) => c.notNull().unique().references('shop.id'))
				.addColumn('person_name', 'text', (c) => c.notNull())
				.addColumn('whatsapp', 'text')
				.addColumn('rw', 'text')
				.addColumn('nib', 'text')
				.addColumn('pirt', 'text')
				.addColumn('halal', 'text')
				.addColumn('capital', 'bigint')
				.addColumn('annual_sales', 'bigint')
				.addColumn('channel_before', 'text', (c) =>
					c.check(sql`channel_before is null or channel_before in ('offline', 'whatsapp', 'social_media', 'marketplace')`)
				)
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('member_community_idx').on('member').columns(['community_id', 'person_name']).execute();

			await db.schema
				.createTable('program')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('theme', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('goals', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('target_group', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('starts_on', 'text')
				.addColumn('ends_on', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('program_community_idx').on('program').columns(['community_id', 'created_at']).execute();

			await db.schema
				.createTable('program_stage')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
				.addColumn('key', 'text', (c) =>
					c.notNull().check(sql`key in ('persiapan_sosial', 'dialog', 'asesmen', 'rencana', 'intervensi', 'evaluasi', 'terminasi')`)
				)
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('status', 'text', (c) => c.notNull().defaultTo('belum').check(sql`status in ('belum', 'berjalan', 'selesai')`))
				.addColumn('starts_on', 'text')
				.addColumn('ends_on', 'text')
				.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('program_stage_uq', ['program_id', 'key'])
				.execute();
		}
	};
}

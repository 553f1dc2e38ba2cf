import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Platform administration and the audit log (issue 12 items 1 and 6).
 * `audit_log`: one row per admin, coordinator or facilitator change, written by the services (who, in which role,
 * community, what, target, when, before/after as JSON without secrets). Read newest first, all (admins) or per
 * community (its coordinator): indexes (at) and (community_id, at).
 * Suspension by a platform admin: `shop.suspended_reason` (the shop is hidden while it is set) and
 * `product.suspended_reason` + `suspended_status` (the product is taken out of sale, its status kept to restore it;
 * its seller cannot publish it again while the reason is set). The seller sees the reason in their workspace.
 */
export function adminAuditMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('audit_log')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('actor_user_id', 'text')
				.addColumn('actor_name', 'text', (c) => c.notNull())
				.addColumn('actor_role', 'text', (c) => c.notNull().check(sql`actor_role in ('admin', 'coordinator', 'facilitator', 'system')`))
				.addColumn('community_id', 'text')
				.addColumn('action', 'text', (c) => c.notNull())
				.addColumn('target_type', 'text', (c) => c.notNull())
				.addColumn('target_id', 'text', (c) => c.notNull())
				.addColumn('target_label', 'text', (c) => c.notNull())
				.addColumn('before', 'text')
				.addColumn('after', 'text')
				.execute();
			await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at']).execute();
			await db.schema.createIndex('audit_log_community_idx').on('audit_log').columns(['community_id', 'at']).execute();
			await db.schema.alterTable('shop').addColumn('suspended_reason', 'text').execute();
			await db.schema.alterTable('product').addColumn('suspended_reason', 'text').execute();
			await db.schema.alterTable('product').addColumn('suspended_status', 'text').execute();
		}
	};
}

import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { AuditLogTable } from '../db/schema-admin';

export type AuditRow = AuditLogTable;

export interface AuditFilter {
	/** Only this community's rows (a coordinator always has one). */
	communityId?: string;
	action?: string;
	actorUserId?: string;
	/** ISO instants, inclusive from, exclusive to. */
	from?: string;
	to?: string;
	limit: number;
}

export class AuditRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async insert(row: AuditRow): Promise<void> {
		await this.db.insertInto('audit_log').values(row).execute();
	}

	/** Newest first; reads the (community_id, at) or (at) index. */
	async list(filter: AuditFilter): Promise<AuditRow[]> {
		let q = this.db.selectFrom('audit_log').selectAll();
		if (filter.communityId) q = q.where('community_id', '=', filter.communityId);
		if (filter.action) q = q.where('action', '=', filter.action);
		if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId);
		if (filter.from) q = q.where('at', '>=', filter.from);
		if (filter.to) q = q.where('at', '<', filter.to);
		return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
	}

	/** The actions that occur (for the filter's select), within a community or everywhere. */
	async actions(communityId?: string): Promise<string[]> {
		let q = this.db.selectFrom('audit_log').select('action').distinct();
		if (communityId) q = q.where('community_id', '=', communityId);
		return (await q.orderBy('action').execute()).map((r) => r.action);
	}
}

import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { AuditLogTable } from '../db/schema-admin';

export type AuditRow = AuditLogTable;
/** A row as read back: with its community's name (null for platform-wide rows). */
export type AuditRowRead = AuditRow & { community_name: string | null };

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
	async list(filter: AuditFilter): Promise<AuditRowRead[]> {
		let q = this.db.selectFrom('audit_log as a').leftJoin('community as c', 'c.id', 'a.community_id').selectAll('a').select('c.name as community_name');
		if (filter.communityId) q = q.where('a.community_id', '=', filter.communityId);
		if (filter.action) q = q.where('a.action', '=', filter.action);
		if (filter.actorUserId) q = q.where('a.actor_user_id', '=', filter.actorUserId);
		if (filter.from) q = q.where('a.at', '>=', filter.from);
		if (filter.to) q = q.where('a.at', '<', filter.to);
		return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(filter.limit).execute();
	}

	/** The actions that occur (for the filter's select), within a community or everywhere. */
	async actions(communityId?: string): Promise<string[]> {
		let q = this.db.selectFrom('audit_log').select('action').distinct();
		if (communityId) q = q.where('community_id', '=', communityId);
		return (await q.orderBy('action').execute()).map((r) => r.action);
	}
}

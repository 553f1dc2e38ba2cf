import type { Actor } from '../auth/actor';
import { requireCommunityStaff, requirePlatformAdmin } from '../auth/guards';
import type { Community } from '../db/schema';
import { ValidationError } from '../errors';
import { writeCsv } from '../members/member-file';
import type { AuditRepository, AuditRow } from './audit.repository';

export interface AuditQuery {
	action?: string | null;
	/** `YYYY-MM-DD` (WIB), inclusive. */
	from?: string | null;
	to?: string | null;
}

export interface AuditView {
	id: string;
	at: string;
	actorName: string;
	actorRole: string;
	communityId: string | null;
	action: string;
	targetType: string;
	targetId: string;
	targetLabel: string;
	before: unknown;
	after: unknown;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z_]+\.[a-z_]+$/;
export const AUDIT_PAGE = 200;
export const AUDIT_EXPORT_MAX = 50_000;

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

function view(r: AuditRow): AuditView {
	return {
		id: r.id,
		at: r.at,
		actorName: r.actor_name,
		actorRole: r.actor_role,
		communityId: r.community_id,
		action: r.action,
		targetType: r.target_type,
		targetId: r.target_id,
		targetLabel: r.target_label,
		before: parse(r.before),
		after: parse(r.after)
	};
}

/** WIB calendar day → the UTC instant it starts (00.00 WIB = 17.00 UTC the day before). */
function wibDayStart(day: string, plusDays = 0): string {
	const d = new Date(`${day}T00:00:00+07:00`);
	d.setUTCDate(d.getUTCDate() + plusDays);
	return d.toISOString();
}

/**
 * Reading the audit log: a platform admin sees every row (or one community's), a community's coordinator only
 * that community's rows; everyone else is told it does not exist (404). Filters by action and WIB days.
 */
export class AuditService {
	constructor(private readonly audit: AuditRepository) {}

	async listAll(actor: Actor, query: AuditQuery, limit = AUDIT_PAGE): Promise<AuditView[]> {
		requirePlatformAdmin(actor);
		return (await this.audit.list({ ...this.filter(query), limit })).map(view);
	}

	async listCommunity(actor: Actor, community: Community, query: AuditQuery, limit = AUDIT_PAGE): Promise<AuditView[]> {
		requireCommunityStaff(actor, community.id, ['coordinator']);
		return (await this.audit.list({ ...this.filter(query), communityId: community.id, limit })).map(view);
	}

	async actions(actor: Actor, community: Community | null): Promise<string[]> {
		if (community) requireCommunityStaff(actor, community.id, ['coordinator']);
		else requirePlatformAdmin(actor);
		return this.audit.actions(community?.id);
	}

	/** The same rows as CSV (formula-safe, UTF-8 with BOM), oldest last as on screen. */
	async exportCsv(actor: Actor, community: Community | null, query: AuditQuery): Promise<Buffer> {
		const rows = community ? await this.listCommunity(actor, community, query, AUDIT_EXPORT_MAX) : await this.listAll(actor, query, AUDIT_EXPORT_MAX);
		return writeCsv(
			['at', 'actor', 'role', 'community_id', 'action', 'target_type', 'target_id', 'target', 'before', 'after'],
			rows.map((r) => [r.at, r.actorName, r.actorRole, r.communityId, r.action, r.targetType, r.targetId, r.targetLabel, r.before === null ? '' : JSON.stringify(r.before), r.after === null ? '' : JSON.stringify(r.after)])
		);
	}

	private filter(query: AuditQuery) {
		const bad = (field: string) => new ValidationError('audit.badFilter', {}, [{ field, messageKey: 'audit.badFilter', params: {} }], 400);
		const action = query.action?.trim() || undefined;
		if (action && !ACTION.test(action)) throw bad('action');
		const from = query.from?.trim() || undefined;
		const to = query.to?.trim() || undefined;
		const isDay = (d: string) => DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00+07:00`)) && new Date(`${d}T12:00:00Z`).toISOString().startsWith(d);
		if (from && !isDay(from)) throw bad('from');
		if (to && !isDay(to)) throw bad('to');
		return { action, from: from ? wibDayStart(from) : undefined, to: to ? wibDayStart(to, 1) : undefined };
	}
}

import type { Actor } from '../auth/actor';
import { requireCommunityStaff, requirePlatformAdmin } from '../auth/guards';
import type { Community } from '../db/schema';
import { ValidationError } from '../errors';
import { writeCsv } from '../members/member-file';
import type { AuditRepository, AuditRowRead } from './audit.repository';
import { translator, type Locale } from '../../i18n';
import { changeTexts, codeWord } from '../../audit/change-lines';
import { formatDateTime, wibDay } from '../../utils/dates';

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
	communityName: string | null;
	action: string;
	targetType: string;
	targetId: string;
	targetLabel: string;
	before: unknown;
	after: unknown;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z_]+\.[a-z_]+$/;
/** `2026-12-03 13.44` in WIB: what a spreadsheet sorts and a person reads. */
const wibStamp = (iso: string) => `${wibDay(iso)} ${new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(11, 16).replace(':', '.')}`;
export const AUDIT_PAGE = 200;
export const AUDIT_EXPORT_MAX = 50_000;
/** The CSV's columns (headers from the catalogue: audit.csv.*). */
const CSV_COLUMNS = ['time', 'actor', 'role', 'community', 'change', 'target', 'changed', 'at', 'action', 'targetType', 'targetId', 'communityId', 'before', 'after'] as const;

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

function view(r: AuditRowRead): AuditView {
	return {
		id: r.id,
		at: r.at,
		actorName: r.actor_name,
		actorRole: r.actor_role,
		communityId: r.community_id,
		communityName: r.community_name,
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

	/**
	 * The same rows as CSV (formula-safe, UTF-8 with BOM), newest first as on screen: first what a person at the Dinas
	 * reads — the WIB time, who, the community, the change and what changed in words (in the reader's language) — then
	 * the recorded codes, ids, UTC time and JSON for anyone who processes it further (stranger 2026-12-03).
	 */
	async exportCsv(actor: Actor, community: Community | null, query: AuditQuery, locale: Locale = 'id'): Promise<Buffer> {
		const rows = community ? await this.listCommunity(actor, community, query, AUDIT_EXPORT_MAX) : await this.listAll(actor, query, AUDIT_EXPORT_MAX);
		const tr = translator(locale);
		const t = (key: string, params?: Record<string, string | number>) => tr(key as never, params);
		const json = (v: unknown) => (v === null ? '' : JSON.stringify(v));
		return writeCsv(
			CSV_COLUMNS.map((c) => t(`audit.csv.${c}`)),
			rows.map((r) => [
				wibStamp(r.at),
				r.actorName,
				codeWord(t, 'audit.role.', r.actorRole),
				r.communityName ?? '',
				codeWord(t, 'audit.act.', r.action),
				`${r.targetLabel} (${codeWord(t, 'audit.type.', r.targetType)})`,
				changeTexts(r.before, r.after, t, (iso) => formatDateTime(iso, locale)).join('; '),
				r.at,
				r.action,
				r.targetType,
				r.targetId,
				r.communityId,
				json(r.before),
				json(r.after)
			])
		);
	}

	private filter(query: AuditQuery) {
		const bad = (field: string, messageKey: 'audit.badFilter' | 'audit.badAction' = 'audit.badFilter') => new ValidationError(messageKey, {}, [{ field, messageKey, params: {} }], 400);
		const action = query.action?.trim() || undefined;
		if (action && !ACTION.test(action)) throw bad('action', 'audit.badAction');
		const from = query.from?.trim() || undefined;
		const to = query.to?.trim() || undefined;
		const isDay = (d: string) => DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00+07:00`)) && new Date(`${d}T12:00:00Z`).toISOString().startsWith(d);
		if (from && !isDay(from)) throw bad('from');
		if (to && !isDay(to)) throw bad('to');
		return { action, from: from ? wibDayStart(from) : undefined, to: to ? wibDayStart(to, 1) : undefined };
	}
}

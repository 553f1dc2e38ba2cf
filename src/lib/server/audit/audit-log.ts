import type { Actor } from '../auth/actor';
import type { AuditRole } from '../db/schema-admin';
import { newId } from '../../utils/ids';
import type { AuditRepository } from './audit.repository';

/** What a staff change is about: a community, a shop, a product, an account, a training… with a readable label. */
export interface AuditTarget {
	type: 'community' | 'shop' | 'product' | 'user' | 'member' | 'training' | 'program' | 'board_link' | 'setup_link';
	id: string;
	/** A name people recognise (the shop's name, the person's name), kept as it was at the time. */
	label: string;
}

export interface AuditEntry {
	communityId: string | null;
	/** `community.create`, `shop.suspend`, `roster.add`, `training.attendance`, … */
	action: string;
	target: AuditTarget;
	before?: unknown;
	after?: unknown;
}

/** Keys whose values never go into the log, at any depth: tokens, setup links, passwords and their hashes. */
const SECRET_KEY = /token|password|passwd|secret|hash|link|cookie|authorization|p256dh|auth$/i;

/** NUL and other control characters (not tab/newline): removed from saved names, so removed from the log too (SQLite kept a raw 0x00, PostgreSQL a U+FFFD). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const printable = (text: string) => text.replace(CONTROL, '');

/** A copy of the value with every secret-looking key's value replaced by "[hidden]" and control characters removed (JSON-safe, depth-bounded). */
export function withoutSecrets(value: unknown, depth = 0): unknown {
	if (value === null || value === undefined || depth > 6) return value ?? null;
	if (typeof value === 'string') return printable(value);
	if (Array.isArray(value)) return value.map((v) => withoutSecrets(v, depth + 1));
	if (typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = SECRET_KEY.test(k) ? '[hidden]' : withoutSecrets(v, depth + 1);
		return out;
	}
	if (typeof value === 'bigint') return String(value);
	return value;
}

/** In which role the actor changed something in this community; null for a seller acting on their own things (not logged). */
export function auditRole(actor: Actor, communityId: string | null): { role: AuditRole; userId: string | null; name: string } | null {
	if (actor.kind === 'system') return { role: 'system', userId: null, name: `system:${actor.purpose}` };
	if (actor.kind !== 'user') return null;
	if (actor.isPlatformAdmin) return { role: 'admin', userId: actor.userId, name: actor.name };
	const roles = actor.memberships.filter((m) => m.communityId === communityId).map((m) => m.role);
	if (roles.includes('coordinator')) return { role: 'coordinator', userId: actor.userId, name: actor.name };
	if (roles.includes('facilitator')) return { role: 'facilitator', userId: actor.userId, name: actor.name };
	return null;
}

/**
 * The one writer of the audit log. Services call it after a staff change succeeded (never routes), so every way in —
 * page, API, CLI — is recorded the same. Invariant: no secret reaches a row (withoutSecrets), and a seller's own
 * changes to their own shop are not staff actions and are not recorded.
 */
export class AuditLog {
	constructor(
		private readonly audit: AuditRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	async record(actor: Actor, entry: AuditEntry): Promise<void> {
		const who = auditRole(actor, entry.communityId);
		if (!who) return;
		await this.audit.insert({
			id: newId('aud'),
			at: this.clock().toISOString(),
			actor_user_id: who.userId,
			actor_name: who.name,
			actor_role: who.role,
			community_id: entry.communityId,
			action: entry.action,
			target_type: entry.target.type,
			target_id: entry.target.id,
			target_label: printable(entry.target.label).slice(0, 200),
			before: entry.before === undefined ? null : JSON.stringify(withoutSecrets(entry.before)),
			after: entry.after === undefined ? null : JSON.stringify(withoutSecrets(entry.after))
		});
	}
}

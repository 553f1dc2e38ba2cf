import { createHash } from 'node:crypto';
import { DomainError } from '../errors';

/** Deeper than any body we accept (a checkout is 4 levels): past this the body is refused, not walked. */
const MAX_DEPTH = 32;

/**
 * JSON with object keys sorted at every depth, so two equal bodies give the same text whatever their key order.
 * A body nested deeper than MAX_DEPTH is refused with a 400 before the recursion can overflow the stack (a
 * 20,000-deep array with an Idempotency-Key was a 500: review 2026-12-01).
 */
export function canonicalJson(value: unknown, depth = 0): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null) ?? 'null';
	if (depth >= MAX_DEPTH) throw new DomainError('invalid_input', 'error.invalidInput', 400);
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(',')}}`;
}

/**
 * What an Idempotency-Key is bound to: the scope (the community) and the canonical request body. Invariant:
 * a key replays only the request it was first used with — the same key with another body is refused.
 */
export function requestFingerprint(scope: string, body: unknown): string {
	return createHash('sha256').update(scope).update('\n').update(canonicalJson(body)).digest('hex');
}

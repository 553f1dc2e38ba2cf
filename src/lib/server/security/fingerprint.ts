import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so two equal bodies give the same text whatever their key order. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * What an Idempotency-Key is bound to: the scope (the community) and the canonical request body. Invariant:
 * a key replays only the request it was first used with — the same key with another body is refused.
 */
export function requestFingerprint(scope: string, body: unknown): string {
	return createHash('sha256').update(scope).update('\n').update(canonicalJson(body)).digest('hex');
}

import type { Actor } from '../auth/actor';

// Control characters, backslashes and any whitespace (tab, CR, LF, U+3000 …): browsers strip or rewrite
// these, so a path holding one may be read as another host. Never allowed in a return path.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\\]|\s/u;

/**
 * A return path (after logging in, after switching language) that is guaranteed to stay on this site.
 * Invariant: the value is resolved against the origin and accepted only when it is a plain path on that
 * same origin — no scheme, no `//host`, no backslash, tab, CR/LF or other whitespace, no encoded slash
 * or backslash that decodes into one. Anything else gives `fallback`. Never throws, whatever the input.
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/', origin = 'http://localhost'): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
	if (!isPlainPath(value)) return fallback;
	try {
		const base = new URL(origin);
		const target = new URL(value, base);
		if (target.origin !== base.origin) return fallback;
		const path = `${target.pathname}${target.search}${target.hash}`;
		// Resolving dot segments can leave a path that starts with `//` ("/x/..//evil.example"): a browser reads
		// that as another host. The resolved path must pass the same checks as the value typed in.
		if (path !== value && !isPlainPath(path)) return fallback;
		return path;
	} catch {
		return fallback;
	}
}

/** A path on this site as typed: starts with one `/`, and no decoding of it (up to 4 rounds) gives `//`, a backslash or whitespace. */
function isPlainPath(value: string): boolean {
	if (!value.startsWith('/') || UNSAFE.test(value)) return false;
	let decoded = value;
	for (let i = 0; i < 4; i++) {
		// '//' anywhere in the path, not only at its start: a prefix taken off later ('/en//evil.example' → '//evil.example'
		// by the language switch, attacker 2026-12-03) must not leave another host behind
		const path = decoded.split(/[?#]/)[0];
		if (path.includes('//') || UNSAFE.test(path)) return false;
		let next: string;
		try {
			next = decodeURIComponent(decoded);
		} catch {
			return false;
		}
		if (next === decoded) return true;
		decoded = next;
	}
	return true;
}

/** Where a person lands after logging in: their shop, else the group they coordinate, else /admin for a platform admin, else home. */
export async function homeFor(actor: Actor, communitySlugOf: (communityId: string) => Promise<string | undefined>): Promise<string> {
	if (actor.kind !== 'user') return '/';
	if (actor.shopIds.length) return '/jual';
	const led = actor.memberships.find((m) => m.role === 'coordinator' || m.role === 'facilitator');
	if (led) {
		const slug = await communitySlugOf(led.communityId);
		if (slug) return `/koordinator/${slug}`;
	}
	// a platform admin (a Dinas operator) with no shop or group of their own: the admin pages (stranger 2026-12-02)
	if (actor.isPlatformAdmin) return '/admin';
	return '/';
}

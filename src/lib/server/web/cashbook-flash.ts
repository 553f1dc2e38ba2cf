import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'ecrav_kas';
const PATH = '/jual/kas';
const ENTRY_ID = /^kas_[a-z0-9]{6,40}$/;

/**
 * "Tercatat: Penjualan Rp 24.000 tunai" after a cash-book form answered 303: the entry's id rides in a one-read
 * cookie (not the address), so a reload never says it again and never posts again.
 */
export function flashEntry(cookies: Cookies, entryId: string, secure: boolean, again = false): void {
	cookies.set(COOKIE, again ? `${AGAIN}${entryId}` : entryId, { path: PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: 120 });
}

/** Prefix of the flashed id when the form was sent again with a token already used: "Sudah tercatat", nothing new stored. */
const AGAIN = 'lagi.';

/** The entry just recorded, once, and whether it was recorded by an earlier submission of the same form (`again`). */
export function takeFlash(cookies: Cookies): { entryId: string; again: boolean } | null {
	const raw = cookies.get(COOKIE);
	if (raw === undefined) return null;
	cookies.delete(COOKIE, { path: PATH });
	const again = raw.startsWith(AGAIN);
	const entryId = again ? raw.slice(AGAIN.length) : raw;
	return ENTRY_ID.test(entryId) ? { entryId, again } : null;
}

/** The entry just recorded, once (the cookie is deleted); null when there is none or it is not an entry id. */
export function takeFlashedEntry(cookies: Cookies): string | null {
	return takeFlash(cookies)?.entryId ?? null;
}

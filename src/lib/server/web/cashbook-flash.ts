import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'ecrav_kas';
const PATH = '/jual/kas';
const ENTRY_ID = /^kas_[a-z0-9]{6,40}$/;

/**
 * "Tercatat: Penjualan Rp 24.000 tunai" after a cash-book form answered 303: the entry's id rides in a one-read
 * cookie (not the address), so a reload never says it again and never posts again.
 */
export function flashEntry(cookies: Cookies, entryId: string, secure: boolean): void {
	cookies.set(COOKIE, entryId, { path: PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: 120 });
}

/** The entry just recorded, once (the cookie is deleted); null when there is none or it is not an entry id. */
export function takeFlashedEntry(cookies: Cookies): string | null {
	const raw = cookies.get(COOKIE);
	if (raw === undefined) return null;
	cookies.delete(COOKIE, { path: PATH });
	return ENTRY_ID.test(raw) ? raw : null;
}

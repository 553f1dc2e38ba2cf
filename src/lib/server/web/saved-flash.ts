import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'ecrav_saved';
const PATH = '/jual';

/**
 * "Tersimpan: …" after a seller form answered 303 somewhere else (the next onboarding step, or the seller home
 * after an "Ubah …" screen). The word rides in a one-read cookie rather than the address, so a reload or a
 * bookmark never says it again. Only a short plain word (a step name) is carried; anything else is dropped.
 */
export function flashSaved(cookies: Cookies, what: string, secure: boolean): void {
	cookies.set(COOKIE, what, { path: PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: 120 });
}

/** What was just saved, once (the cookie is deleted), if it is one of `allowed`. */
export function takeSaved<T extends string>(cookies: Cookies, allowed: readonly T[]): T | null {
	const raw = cookies.get(COOKIE);
	if (raw === undefined) return null;
	cookies.delete(COOKIE, { path: PATH });
	return (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
}

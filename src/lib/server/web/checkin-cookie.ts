import type { Cookies } from '@sveltejs/kit';

/** The phone's claim at a training's QR check-in (random; only its hash is stored). HttpOnly: no script reads it. */
export const CHECKIN_COOKIE = 'ecrav_hadir';

/** Kept until the end of the training day at most (12 hours); a new claim replaces it. */
export function setCheckinCookie(cookies: Cookies, claimToken: string, secure: boolean) {
	cookies.set(CHECKIN_COOKIE, claimToken, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 12 * 3600 });
}

export function checkinCookie(cookies: Cookies): string {
	return cookies.get(CHECKIN_COOKIE) ?? '';
}

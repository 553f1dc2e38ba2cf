import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'ecrav_session';

/** The session cookie: HttpOnly (no script can read it), SameSite=Lax, Secure whenever the site runs on HTTPS. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: string, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

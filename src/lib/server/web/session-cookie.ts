import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'ecrav_session';

/** The session cookie: HttpOnly (no script can read it), SameSite=Lax, Secure whenever the site runs on HTTPS. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: string, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/** A browser where an account signed in before (KnownDevices): only the sign-in form reads it. */
export const KNOWN_DEVICE_COOKIE = 'ecrav_device';

export function setKnownDeviceCookie(cookies: Cookies, token: string, expiresAt: string, secure: boolean) {
	cookies.set(KNOWN_DEVICE_COOKIE, token, { path: '/masuk', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}

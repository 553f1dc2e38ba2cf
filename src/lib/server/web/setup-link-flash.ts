import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'ecrav_setup_link';
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** What the roster needs to show a freshly made setup link once: the token itself is never stored on the server. */
export interface SetupLinkFlash {
	name: string;
	whatsapp: string | null;
	token: string;
	expiresAt: string;
}

/**
 * The roster answers an invite with a 303 back to itself (no `?/action` left in the address bar, a reload
 * does not make another link). The new link rides along in this cookie for one read: httpOnly, a few minutes,
 * sent only to the roster's path, and deleted when the page shows it.
 */
export function flashSetupLink(cookies: Cookies, path: string, link: SetupLinkFlash, secure: boolean): void {
	cookies.set(COOKIE, JSON.stringify([link.name, link.whatsapp, link.token, link.expiresAt]), { path, httpOnly: true, sameSite: 'lax', secure, maxAge: 300 });
}

/** The link flashed for this page, once (the cookie is deleted); anything malformed is ignored. */
export function takeSetupLink(cookies: Cookies, path: string): SetupLinkFlash | null {
	const raw = cookies.get(COOKIE);
	if (raw === undefined) return null;
	cookies.delete(COOKIE, { path });
	try {
		const v = JSON.parse(raw);
		if (!Array.isArray(v) || v.length !== 4) return null;
		const [name, whatsapp, token, expiresAt] = v;
		if (typeof name !== 'string' || name.length > 200 || (whatsapp !== null && (typeof whatsapp !== 'string' || whatsapp.length > 40))) return null;
		if (typeof token !== 'string' || !TOKEN.test(token) || typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))) return null;
		return { name, whatsapp, token, expiresAt };
	} catch {
		return null;
	}
}

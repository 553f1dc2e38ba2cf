import { redirect } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n';
import { pathInLocale } from '$lib/i18n/paths';
import { safeReturnPath } from '$lib/server/web/redirects';
import type { RequestHandler } from './$types';

/**
 * Language switch as a plain link (works without JavaScript): remembers the choice, returns to the page — a store page
 * in the chosen language's URL (`/c/x` ↔ `/en/c/x`), any other page as it was.
 */
export const GET: RequestHandler = ({ url, cookies }) => {
	const locale = toLocale(url.searchParams.get('ke'));
	cookies.set('lang', locale, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365, secure: url.protocol === 'https:' });
	// Only paths on this origin: never an open redirect, never a 500 (see safeReturnPath).
	const back = safeReturnPath(url.searchParams.get('kembali'), '', url.origin);
	// and the path in the chosen language passes the same check: taking '/en' off must never leave another host
	redirect(303, back ? safeReturnPath(pathInLocale(back, locale), '/', url.origin) : '/');
};

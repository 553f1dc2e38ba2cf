import { redirect } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n';
import { safeReturnPath } from '$lib/server/web/redirects';
import type { RequestHandler } from './$types';

/** Language switch as a plain link (works without JavaScript): remembers the choice, returns to the page. */
export const GET: RequestHandler = ({ url, cookies }) => {
	const locale = toLocale(url.searchParams.get('ke'));
	cookies.set('lang', locale, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365, secure: url.protocol === 'https:' });
	// Only paths on this origin: never an open redirect, never a 500 (see safeReturnPath).
	redirect(303, safeReturnPath(url.searchParams.get('kembali'), '/', url.origin));
};

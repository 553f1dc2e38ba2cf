import { redirect } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** Language switch as a plain link (works without JavaScript): remembers the choice, returns to the page. */
export const GET: RequestHandler = ({ url, cookies }) => {
	const locale = toLocale(url.searchParams.get('ke'));
	cookies.set('lang', locale, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365, secure: url.protocol === 'https:' });
	const back = url.searchParams.get('kembali') ?? '/';
	// Only same-site paths: never an open redirect.
	redirect(303, back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/');
};

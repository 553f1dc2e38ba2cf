import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { toLocale } from '$lib/i18n';
import { PUBLIC_ACTOR } from '$lib/server/auth/actor';

export const init: ServerInit = async () => {
	await getApp();
};

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'content-security-policy':
		"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.services = await getApp();
	const isApi = event.url.pathname.startsWith('/api/');
	// Pages follow the language the visitor chose (cookie); API clients say it with Accept-Language.
	const chosen = event.cookies.get('lang') ?? (isApi ? (event.request.headers.get('accept-language') ?? '').slice(0, 2) : null);
	event.locals.locale = toLocale(chosen);
	event.locals.actor = PUBLIC_ACTOR;

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(k)) response.headers.set(k, v);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`[ecrav] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};

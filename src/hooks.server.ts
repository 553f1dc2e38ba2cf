import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { log, logError, requestContext } from '$lib/server/observability/logger';
import { observeRequest, pageCacheLookups } from '$lib/server/observability/metrics';
import { requestIdFrom } from '$lib/server/observability/request-id';
import { getApp } from '$lib/server/app';
import { loadConfig } from '$lib/server/config';
import { allowImagesFrom, securityHeaders } from '$lib/server/web/security-headers.js';
import { mediaPublicBase } from '$lib/server/media/types';
import { LARGEST_UPLOAD_BYTES, uploadGate } from '$lib/server/media/image-queue';
import { translator } from '$lib/i18n';
import { BUSY_RETRY_AFTER_SECONDS } from '$lib/server/db/busy';
import { toLocale } from '$lib/i18n';
import { PUBLIC_ACTOR } from '$lib/server/auth/actor';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '$lib/server/web/session-cookie';
import { PageCache, cacheableCommunity, mayShareCache, responseFromCache, showsStockCounts, type CachedResponse } from '$lib/server/cache/page-cache';
import { guardFormBody } from '$lib/server/web/form-body';
import { addVary, decideLocale } from '$lib/server/web/locale-route';
import { countPageView } from '$lib/server/visits/visit-hook';
import { apiMethodNotAllowed } from '$lib/server/http';

const pageCache = process.env.ECRAV_PAGE_CACHE === 'off' ? null : new PageCache();

export const init: ServerInit = async () => {
	await getApp();
};

const SECURITY_HEADERS = securityHeaders(loadConfig().publicOrigin);

/** The media CDN's origin (MEDIA_PUBLIC_BASE_URL), which pages must allow images from; null without a CDN. */
const MEDIA_ORIGIN = ((base) => (base ? new URL(base).origin : null))(mediaPublicBase());

/** Bodies over this size carry a photo: they count against the upload gate's byte budget. */
const UPLOAD_BYTES = 256 * 1024;

/** Bytes a photo upload will hold in memory (its declared length; the largest allowed when it declares none), or 0 when it is no upload. */
function photoUploadBytes(request: Request): number {
	if (request.method !== 'POST' || !/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) return 0;
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (!Number.isFinite(declared) || declared < 0) return LARGEST_UPLOAD_BYTES;
	return declared < UPLOAD_BYTES ? 0 : Math.min(declared, LARGEST_UPLOAD_BYTES);
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/** A form posted to our pages from another site (CSRF): refused, whatever cookies it carries. */
function isCrossSiteForm(request: Request, url: URL): boolean {
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	if (url.pathname.startsWith('/api/')) return false;
	if (!FORM_TYPES.test(request.headers.get('content-type') ?? '')) return false;
	return request.headers.get('origin') !== url.origin;
}

/** Probes a load balancer or Prometheus sends every few seconds: logged at debug level, not info. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Every request gets an id (a sane incoming `X-Request-Id`, else a new one), echoed in the response and carried by
 * every log line written while it is handled; then one log line and one latency observation per request. The line
 * names the route id (`/atur-sandi/[token]`), never the URL: setup, board and check-in links carry their secret in
 * the path, status links in the query.
 */
export const handle: Handle = async ({ event, resolve }) => {
	proxyAddressOrShared(event);
	if (event.isSubRequest) return handleSecured({ event, resolve });
	const started = performance.now();
	const reqId = requestIdFrom(event.request.headers.get('x-request-id'));
	event.locals.requestId = reqId;
	const route = event.route.id;
	const line = (status: number) => {
		const ms = performance.now() - started;
		observeRequest(route, event.request.method, status, ms / 1000);
		// 503 is a deliberate "busy, try again" (database locked or restarting, image queue full, too many screens): a
		// warning to watch, not a fault to page someone for; other 5xx are bugs
		const level = status === 503 ? 'warn' : status >= 500 ? 'error' : QUIET_ROUTES.has(route ?? '') && status < 400 ? 'debug' : 'info';
		log[level]({ reqId, method: event.request.method, route, status, ms: Math.round(ms * 10) / 10 }, 'request');
	};
	let response: Response;
	try {
		response = await requestContext.run({ reqId, route }, () => handleSecured({ event, resolve }));
	} catch (e) {
		line(500);
		throw e;
	}
	line(response.status);
	return withHeader(response, 'x-request-id', reqId);
};

/** The response with one more header; a response whose headers are immutable (a redirect, a fetched file) is copied. */
function withHeader(response: Response, name: string, value: string): Response {
	try {
		response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		copy.headers.set(name, value);
		return copy;
	}
}

const handleSecured: Handle = async ({ event, resolve }) => {
	// Control characters (a NUL byte…) in the path are never a page or an id of ours.
	if (/%(?:[01][0-9a-f]|7f)/i.test(event.url.pathname)) {
		const notFound = event.url.pathname.startsWith('/api/') ? Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 }) : new Response('Not found', { status: 404 });
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) notFound.headers.set(k, v);
		return notFound;
	}
	let response = await handleRequest({ event, resolve });
	const csp = MEDIA_ORIGIN ? response.headers.get('content-security-policy') : null;
	if (csp && MEDIA_ORIGIN) response = withHeader(response, 'content-security-policy', allowImagesFrom(csp, MEDIA_ORIGIN));
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(k)) response.headers.set(k, v);
	// What a signed-in person or an API token sees is theirs: no shared cache may keep it.
	if ((event.locals.actor?.kind === 'user' || event.request.headers.has('authorization')) && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	// Busy (database locked, image queue full): tell clients when to come back.
	if (response.status === 503 && !response.headers.has('retry-after')) response.headers.set('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
	return response;
};

const handleRequest: Handle = async ({ event, resolve }) => {
	if (isCrossSiteForm(event.request, event.url)) {
		return new Response('Formulir dari situs lain ditolak. / Cross-site form submissions are forbidden.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	const isApi = event.url.pathname.startsWith('/api/');
	// API clients say their language with Accept-Language; pages by their URL (`/en/…` store pages) or the visitor's
	// choice (cookie), and a first visit to an Indonesian store page may be sent to its English URL (locale-route.ts).
	const language = isApi ? null : decideLocale(event.request.method, event.url, event.cookies.get('lang'), event.request.headers);
	event.locals.locale = language ? language.locale : toLocale(event.cookies.get('lang') ?? (event.request.headers.get('accept-language') ?? '').slice(0, 2));
	if (language?.redirect) return new Response(null, { status: 302, headers: { location: language.redirect, vary: 'Accept-Language, Cookie', 'cache-control': 'private, no-store' } });
	// A form that cannot be read (text/plain, broken multipart) is a 400 with a message, not a 500.
	if (!isApi && event.request.method === 'POST') guardFormBody(event.request, translator(event.locals.locale)('security.formUnreadable'));
	// A photo upload waits in memory for the image queue: when the queue is full, refuse it before reading its body.
	const uploadBytes = photoUploadBytes(event.request);
	if (uploadBytes > 0 && !uploadGate.tryEnter(uploadBytes)) return closeIfBodyUnread(event.request, busyResponse(event.locals.locale, isApi));
	try {
		event.locals.services = await getApp();
		event.locals.actor = PUBLIC_ACTOR;
		await authenticate(event, isApi);
		const render = async () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
		const response = isApi ? await apiMethodNotAllowed(await cachedOr(event, render), event.request.method, event.locals.locale) : await refusedDownloadPage(event, await cachedOr(event, render));
		if (language?.variesByLanguage) addVary(response.headers, 'Accept-Language', 'Cookie');
		// Visitor counts (issue 10 item 6): pages served from the page cache count too; only memory is touched here.
		countPageView(event, response, event.locals.services.visits);
		return closeIfBodyUnread(event.request, response);
	} finally {
		if (uploadBytes > 0) uploadGate.leave(uploadBytes);
	}
};

/**
 * Behind a proxy (ADDRESS_HEADER), adapter-node throws when a request lacks the header — one that reached the app
 * port directly, or a proxy that dropped it — and every sign-in or checkout of it was a 500 (attacker 2026-12-02).
 * Such requests count under one shared address instead: they work, and share their limits with each other only.
 */
const NO_PROXY_ADDRESS = 'proxy-header-missing';
function proxyAddressOrShared(event: Parameters<Handle>[0]['event']): void {
	const read = event.getClientAddress.bind(event);
	event.getClientAddress = () => {
		try {
			return read();
		} catch {
			return NO_PROXY_ADDRESS;
		}
	};
}

/** Route ids (`/(seller)/jual/promosi/[file]`) of request handlers (`+server.ts`): downloads, not pages. */
const ENDPOINT_ROUTES = new Set(Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map((k) => k.slice('/src/routes'.length, -'/+server.ts'.length)));


/**
 * A file a person downloads from a page (`/jual/…`, `/koordinator/…`: a poster, katalog.pdf, the Shopee file) that is
 * refused: SvelteKit answers a request handler's 404 with JSON when the browser's Accept names no HTML (a `download`
 * link sends `*\/*`), or with a bare fallback page. The person gets the site's own 404 page instead, as on any page;
 * API routes and a caller that asks for JSON keep the JSON.
 */
async function refusedDownloadPage(event: Parameters<Handle>[0]['event'], response: Response): Promise<Response> {
	if (response.status !== 404 || !['GET', 'HEAD'].includes(event.request.method) || event.isSubRequest || event.isDataRequest) return response;
	const route = event.route.id ?? '';
	if (!ENDPOINT_ROUTES.has(route) || !/^\/\((seller|coordinator)\)\//.test(route)) return response;
	if ((event.request.headers.get('accept') ?? '').includes('application/json')) return response;
	// A path no route matches, in the same area (the page then speaks of the person's work) and as deep as the one asked
	// for, so the page's relative links to its styles and scripts resolve from the address the browser shows.
	const area = event.url.pathname.startsWith('/koordinator/') ? '/koordinator' : '/jual';
	const nowhere = area + '/~'.repeat(Math.max(1, event.url.pathname.split('/').length - 2));
	const page = await event.fetch(new URL(nowhere, event.url), { headers: { accept: 'text/html' } });
	// its own headers too: the content security policy names the hashes of the page's inline style and script
	const headers = new Headers(page.headers);
	for (const h of ['set-cookie', 'content-length', 'content-encoding', 'etag']) headers.delete(h);
	headers.set('cache-control', 'private, no-store');
	return new Response(event.request.method === 'HEAD' ? null : await page.text(), { status: 404, headers });
}

/**
 * A request refused before its body was read (413 from Content-Length, 503 when the image queue is full, a form too
 * large): the unread rest of the body would stay on a kept-alive connection and be taken for the client's next request,
 * which then hung ~66 s and was reset. Such a response closes the connection ("Connection: close"), so the client's
 * next request starts on a clean one.
 */
function closeIfBodyUnread(request: Request, response: Response): Response {
	const hasBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
	if (!hasBody || request.bodyUsed) return response;
	try {
		response.headers.set('connection', 'close');
		return response;
	} catch {
		// immutable headers (a Response.redirect): copy them
		const copy = new Response(response.body, response);
		copy.headers.set('connection', 'close');
		return copy;
	}
}

function busyResponse(locale: App.Locals['locale'], isApi: boolean): Response {
	const message = translator(locale)('security.imagesBusy');
	const headers = { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
	if (isApi) return Response.json({ error: { code: 'busy', message } }, { status: 503, headers });
	return new Response(message, { status: 503, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Public community pages and API reads are the same for every visitor without a session: they are served
 * from the page cache, keyed by the community's catalog_version (so a changed product shows at once), and pages
 * that show stock counts also by its stock_version (an order changes only that one; migration 0028).
 * Any cookie other than the language choice, or an Authorization header, means the caller may see something
 * personal: no cache.
 */
async function cachedOr(event: Parameters<Handle>[0]['event'], render: () => Promise<Response>): Promise<Response> {
	const slug = cacheableCommunity(event.url.pathname);
	const shared = mayShareCache(event.request, event.cookies.getAll().map((c) => c.name));
	if (!pageCache || !slug || !shared || event.isSubRequest) return render();
	const version = await event.locals.services.communities.catalogVersion(event.locals.actor, slug);
	if (version === undefined) return render();
	// The catalog and shop pages show "Habis", never a count: an order that only moves a count leaves them cached.
	const stock = showsStockCounts(event.url.pathname) ? `.${version.stock}` : '';
	const key = `${event.locals.locale}|${version.catalog}${stock}|${event.url.origin}${event.url.pathname}${event.url.search}`;
	let entry = pageCache.get(key);
	pageCacheLookups.inc({ result: entry ? 'hit' : 'miss' });
	if (!entry) {
		// Someone is rendering this page already (right after a change many visitors miss at once): wait for that render.
		const pending = rendering.get(key);
		if (pending) entry = (await pending) ?? undefined;
		if (!entry && pending) return render(); // that answer could not be shared (an error page…): render our own
		if (!entry) {
			let settle: (e: CachedResponse | null) => void = () => {};
			rendering.set(key, new Promise((resolve) => (settle = resolve)));
			try {
				const response = await render();
				const type = response.headers.get('content-type') ?? '';
				if (response.status !== 200 || response.headers.has('set-cookie') || !/^(text\/html|application\/json)/.test(type)) {
					settle(null);
					return response;
				}
				entry = pageCache.set(key, { status: response.status, headers: [...response.headers], body: Buffer.from(await response.arrayBuffer()) });
				settle(entry);
			} catch (e) {
				settle(null);
				throw e;
			} finally {
				rendering.delete(key);
			}
		}
	}
	return responseFromCache(entry, event.request.headers.get('accept-encoding') ?? '');
}

/**
 * Renders of missing cache entries in progress, by key: after a change, the 50 visitors who arrive during the first
 * render share it instead of rendering the same page 50 times (the uncached render is what costs CPU).
 */
const rendering = new Map<string, Promise<CachedResponse | null>>();

/**
 * Browser pages sign in with the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS); the API only
 * with `Authorization: Bearer <token>`, so no cookie can ever authorise a cross-site API call.
 */
async function authenticate(event: Parameters<Handle>[0]['event'], isApi: boolean) {
	const auth = event.locals.services.auth;
	if (isApi) {
		const header = event.request.headers.get('authorization') ?? '';
		const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
		if (token) {
			const found = await auth.actorForToken(token, 'api');
			if (found) event.locals.actor = found.actor;
		}
		return;
	}
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return;
	const found = await auth.actorForToken(token, 'cookie');
	if (!found) {
		clearSessionCookie(event.cookies);
		return;
	}
	event.locals.actor = found.actor;
	event.locals.sessionToken = token;
	if (found.renewedUntil) setSessionCookie(event.cookies, token, found.renewedUntil, event.url.protocol === 'https:');
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Not found' };
	// SvelteKit's own refusals (a form action posted without a form body: 415) are the caller's mistake, not ours.
	if (status >= 400 && status < 500) return { message: translator(event.locals.locale ?? 'id')('security.formUnreadable') };
	// The route id, not the path: setup, board and check-in links carry their token in the path.
	logError(`${event.request.method} ${event.route.id ?? '(no route)'}`, error, { reqId: event.locals.requestId });
	return { message: 'Internal error' };
};

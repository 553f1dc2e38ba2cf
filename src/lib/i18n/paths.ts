import type { Locale } from './index';

/**
 * English pages have URLs of their own (issue 10): the public store under `/en` — `/en`, `/en/c/{community}…`,
 * `/en/pesanan…` — is the same route as its Indonesian twin without the prefix (the `reroute` hook in src/hooks.ts maps
 * it), rendered in English. Seller and coordinator workspaces, login, the API and media keep one URL (the `lang` cookie).
 * Used on the server and in pages: no server-only imports here.
 */
export const EN_PREFIX = '/en';

/** The public store: the home page, everything under a community (catalog, shops, products, cart, feeds) and orders. */
const STORE_PATH = /^\/(?:$|c\/|pesanan(?:\/|$))/;

/** The pages search engines index: home, a community's catalog (and its search), a shop, a product — not carts, orders, feeds. */
const INDEXABLE = /^\/(?:c\/[^/]+(?:\/toko\/[^/]+(?:\/[^/]+)?)?)?$/;

/** Is this Indonesian path (no origin, no query) an indexable store page (see INDEXABLE)? */
export function isIndexablePage(path: string): boolean {
	return INDEXABLE.test(path);
}

/** Is this path (no origin) part of the public store, i.e. does it have an English twin under `/en`? */
export function hasLocalizedTwin(path: string): boolean {
	return STORE_PATH.test(path);
}

/**
 * The Indonesian route of a `/en…` store path (what `reroute` resolves it to), or null when the path is not an English
 * store page (`/en/jual` is no page: it stays unmatched and is a 404).
 */
export function unprefixed(pathname: string): string | null {
	if (pathname !== EN_PREFIX && !pathname.startsWith(`${EN_PREFIX}/`)) return null;
	const rest = pathname.slice(EN_PREFIX.length) || '/';
	return hasLocalizedTwin(rest) ? rest : null;
}

/** The locale a URL path names by its prefix: 'en' for an English store page, null for every other path. */
export function localeOfPath(pathname: string): Locale | null {
	return unprefixed(pathname) === null ? null : 'en';
}

/**
 * The one helper for internal links in store pages: a store href (`/c/…`, `/pesanan…`, `/`, with query or hash) gets
 * the `/en` prefix on English pages; anything else (workspaces, media, other sites, `?/action`, `#id`) is unchanged.
 * An href that already carries the prefix is left alone, so calling it twice is harmless.
 */
export function localizeHref(href: string, locale: Locale): string {
	if (locale !== 'en' || !href.startsWith('/') || href.startsWith('//')) return href;
	const path = href.split(/[?#]/)[0];
	if (unprefixed(path) !== null || !hasLocalizedTwin(path)) return href;
	return href === '/' ? EN_PREFIX : /^\/[?#]/.test(href) ? EN_PREFIX + href.slice(1) : EN_PREFIX + href;
}

/**
 * The same store page in the given language: `/en/c/x?q=1` ↔ `/c/x?q=1`. Other paths keep their one URL; a workspace path
 * someone wrote with the English prefix (`/en/jual`, which is no page) loses it, so switching language never lands on a 404.
 */
export function pathInLocale(href: string, locale: Locale): string {
	const [path] = href.split(/[?#]/);
	const rest = unprefixed(path) ?? (path.startsWith(`${EN_PREFIX}/`) ? path.slice(EN_PREFIX.length) : null);
	const plain = rest === null ? href : rest + href.slice(path.length);
	return localizeHref(plain, locale);
}

/**
 * `<link rel="alternate" hreflang>` targets of a store page given by its Indonesian path: Indonesian, English, and
 * x-default (Indonesian, the site's main language), absolute on `origin`.
 */
export function alternates(origin: string, path: string): { hreflang: 'id' | 'en' | 'x-default'; href: string }[] {
	const base = origin.replace(/\/+$/, '');
	const id = base + path;
	const en = base + localizeHref(path, 'en');
	return [
		{ hreflang: 'id', href: id },
		{ hreflang: 'en', href: en },
		{ hreflang: 'x-default', href: id }
	];
}

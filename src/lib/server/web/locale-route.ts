import { toLocale, type Locale } from '$lib/i18n';
import { hasLocalizedTwin, isIndexablePage, localizeHref, unprefixed } from '$lib/i18n/paths';

export interface LocaleDecision {
	locale: Locale;
	/** Send the visitor here (302) instead of rendering: the English twin of this Indonesian store page. */
	redirect: string | null;
	/** The answer depends on Accept-Language (and the cookie): say so with `Vary`. */
	variesByLanguage: boolean;
}

/**
 * Crawlers, link previews and tools: never redirected by language, so search engines see both versions at their own URLs.
 * A browser's user agent starts with `Mozilla/`; anything without it (curl, libraries) or with a crawler's mark is no browser.
 */
const BOT = /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|facebookcatalog|whatsapp|telegram|preview|lighthouse|pagespeed|pingdom|bingpreview|yandex|baidu|duckduckgo|petalsearch|archive\.org/i;

export function isBrowser(userAgent: string | null): boolean {
	return !!userAgent && userAgent.startsWith('Mozilla/') && !BOT.test(userAgent);
}

/**
 * Does this Accept-Language prefer English over Indonesian? Compares the highest q of any `en`/`en-*` range with that of
 * `id`/`id-*` (and the old code `in`); `*` and other languages are ignored. A missing or unreadable header prefers nothing.
 */
export function prefersEnglish(acceptLanguage: string | null): boolean {
	if (!acceptLanguage || acceptLanguage.length > 1000) return false;
	let en = 0;
	let id = 0;
	for (const part of acceptLanguage.split(',')) {
		const [range, ...params] = part.trim().toLowerCase().split(';');
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const q = qParam === undefined ? 1 : Number(qParam.slice(2));
		if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
		const primary = range.trim().split('-')[0];
		if (primary === 'en') en = Math.max(en, q);
		else if (primary === 'id' || primary === 'in') id = Math.max(id, q);
	}
	return en > id;
}

/**
 * The language of a page request, and whether to send the visitor to the English URL first.
 * - `/en/…` store pages are English, whatever the cookie (the URL names its language).
 * - Workspaces, login and other non-store pages follow the `lang` cookie (one URL each, never indexed).
 * - An Indonesian store page (GET/HEAD) is Indonesian for bots and for a visitor who chose Indonesian (cookie `id`); a
 *   visitor who chose English (cookie `en`) goes to the `/en` URL, and so does a browser's first visit (no cookie) to a
 *   public page (catalog, shop, product, home) whose Accept-Language prefers English. Such answers vary by
 *   Accept-Language and Cookie. A cart or order link opened without a choice stays Indonesian (the language of the
 *   village's WhatsApp messages that carry them).
 * - A form posted to an Indonesian store URL keeps the cookie's language (the English pages post to `/en` URLs).
 */
export function decideLocale(method: string, url: URL, cookieLang: string | undefined, headers: Headers): LocaleDecision {
	if (unprefixed(url.pathname) !== null) return { locale: 'en', redirect: null, variesByLanguage: false };
	if (!hasLocalizedTwin(url.pathname)) return { locale: toLocale(cookieLang), redirect: null, variesByLanguage: false };
	if (method !== 'GET' && method !== 'HEAD') return { locale: toLocale(cookieLang), redirect: null, variesByLanguage: false };
	const english = localizeHref(url.pathname, 'en') + url.search;
	if (cookieLang === 'en') return { locale: 'id', redirect: english, variesByLanguage: true };
	if (cookieLang === 'id') return { locale: 'id', redirect: null, variesByLanguage: true };
	if (!isIndexablePage(url.pathname)) return { locale: 'id', redirect: null, variesByLanguage: false };
	if (isBrowser(headers.get('user-agent')) && prefersEnglish(headers.get('accept-language'))) return { locale: 'id', redirect: english, variesByLanguage: true };
	return { locale: 'id', redirect: null, variesByLanguage: true };
}

/** Adds names to a response's `Vary` header (keeping the ones it has). */
export function addVary(headers: Headers, ...names: string[]): void {
	const have = (headers.get('vary') ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	for (const n of names) if (!have.some((h) => h.toLowerCase() === n.toLowerCase())) have.push(n);
	headers.set('vary', have.join(', '));
}

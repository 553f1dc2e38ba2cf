import type { VisitSource } from '../db/schema-reach';

export const VISIT_SOURCES: readonly VisitSource[] = ['whatsapp', 'poster', 'shopee', 'search', 'social', 'direct'];

/**
 * Known crawlers, link-preview fetchers (WhatsApp, Facebook, Telegram… fetch a link to draw its preview: that is not
 * a person looking), monitors and scripts. An empty user agent is never a browser either.
 */
const BOT = /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-externalagent|whatsapp|telegram|skypeuripreview|discord|embedly|preview|headless|lighthouse|pingdom|uptime|monitor|curl\/|wget\/|python-|python\/|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|autocannon|libwww|httpclient|scrapy|feedfetcher|mediapartners|adsbot|apis-google|petalbot|yandex|baidu|bytespider|gptbot|chatgpt|claude|perplexity|ccbot|ahrefs|semrush|mj12|dotbot/i;

/** True for a crawler, a link preview or a script (see BOT), and for a request without a user agent. */
export function isBot(userAgent: string | null): boolean {
	return !userAgent || userAgent.length < 10 || BOT.test(userAgent);
}

/** A page the browser fetched ahead in case it is opened (`Sec-Purpose: prefetch`, `Purpose: prefetch`, `X-Moz: prefetch`). */
export function isPrefetch(headers: Headers): boolean {
	return [headers.get('sec-purpose'), headers.get('purpose'), headers.get('x-moz')].some((v) => v !== null && /prefetch|prerender/i.test(v));
}

const SEARCH = /(^|\.)(google|bing|yahoo|duckduckgo|yandex|baidu|ecosia|brave|qwant|naver)\.[a-z.]+$/;
const SOCIAL = /(^|\.)(facebook|fb|instagram|tiktok|twitter|x|threads|linkedin|pinterest|youtube|telegram)\.(com|me|net|org)$|(^|\.)(t\.co|lnkd\.in|l\.facebook\.com|lm\.facebook\.com)$/;
const WHATSAPP = /(^|\.)(wa\.me|whatsapp\.com|whatsapp\.net)$/;
const SHOPEE = /(^|\.)shopee\.[a-z.]+$|(^|\.)shp\.ee$/;

/**
 * Where a visitor came from: `?src=` when it names a known source (links E-Crav hands out carry it: posters,
 * WhatsApp shares), else the referring site's host, else null (typed, bookmarked, or a page of our own: the caller
 * decides, see VisitService). Only the host of the referrer is looked at; nothing of it is kept.
 */
export function sourceOf(src: string | null, referrer: string | null, ownOrigin: string): VisitSource | 'internal' | null {
	const named = (src ?? '').trim().toLowerCase();
	if ((VISIT_SOURCES as readonly string[]).includes(named)) return named as VisitSource;
	if (!referrer) return null;
	let host: string;
	try {
		const url = new URL(referrer);
		if (url.origin === ownOrigin) return 'internal';
		host = url.hostname.toLowerCase();
	} catch {
		return null;
	}
	if (WHATSAPP.test(host)) return 'whatsapp';
	if (SHOPEE.test(host)) return 'shopee';
	if (SEARCH.test(host)) return 'search';
	if (SOCIAL.test(host)) return 'social';
	return 'direct';
}

/** A public store page a visitor can look at: the community catalog, a shop, a product. */
export interface StorePage {
	community: string;
	shop: string | null;
	product: string | null;
}

const SEGMENT = '([a-z0-9][a-z0-9-]{0,99})';
const STORE_PAGE = new RegExp(`^(?:/en)?/c/${SEGMENT}(?:/toko/${SEGMENT}(?:/${SEGMENT})?)?/?$`);

/**
 * The store page a path shows, or null for anything else (cart, feeds, images, the WhatsApp redirect, workspaces).
 * Files of a shop (`produk.csv`) have a dot and never match; `/en/…` is the same page in English.
 */
export function storePageOf(pathname: string): StorePage | null {
	const m = STORE_PAGE.exec(pathname);
	if (!m) return null;
	return { community: m[1], shop: m[2] ?? null, product: m[3] ?? null };
}

/** `?days=` of the stats: a whole number from 1 to 90; empty means 30. */
export function parseStatsDays(raw: string | null): number | null {
	if (raw === null || raw.trim() === '') return 30;
	if (!/^\d{1,3}$/.test(raw.trim())) return null;
	const n = Number(raw.trim());
	return n >= 1 && n <= 90 ? n : null;
}

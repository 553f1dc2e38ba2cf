import { describe, expect, it } from 'vitest';
import { alternates, localeOfPath, localizeHref, pathInLocale, unprefixed } from '../../src/lib/i18n/paths';
import { addVary, decideLocale, isBrowser, prefersEnglish } from '../../src/lib/server/web/locale-route';
import { storeAlternates } from '../../src/lib/server/web/store-alternates';
import { cacheableCommunity, showsStockCounts } from '../../src/lib/server/cache/page-cache';

/** Issue 10 item 5: English store pages have URLs of their own (`/en/…`), linked by hreflang; a first visit follows Accept-Language. */
const CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describe('localizeHref', () => {
	it('should prefix store links on English pages and leave everything else as it is', () => {
		expect(localizeHref('/c/cigadung', 'en')).toBe('/en/c/cigadung');
		expect(localizeHref('/c/cigadung/toko/sambal-mt/sambal-cumi?variantId=v1#pesan', 'en')).toBe('/en/c/cigadung/toko/sambal-mt/sambal-cumi?variantId=v1#pesan');
		expect(localizeHref('/c/cigadung/keranjang?/tambah', 'en')).toBe('/en/c/cigadung/keranjang?/tambah');
		expect(localizeHref('/pesanan', 'en')).toBe('/en/pesanan');
		expect(localizeHref('/pesanan/ABC-2345?t=x', 'en')).toBe('/en/pesanan/ABC-2345?t=x');
		expect(localizeHref('/', 'en')).toBe('/en');
		expect(localizeHref('/?x=1', 'en')).toBe('/en?x=1');
		for (const other of ['/jual', '/koordinator/cigadung', '/masuk', '/media/a.webp', '/api/v1/communities', '/bahasa?ke=id', '//evil.example/c/x', 'https://wa.me/62812', '?/pesan', '#pesan', '/pesananku', '/cx'])
			expect(localizeHref(other, 'en')).toBe(other);
	});

	it('should leave every link alone on Indonesian pages, and never prefix twice', () => {
		expect(localizeHref('/c/cigadung', 'id')).toBe('/c/cigadung');
		expect(localizeHref('/en/c/cigadung', 'en')).toBe('/en/c/cigadung');
		expect(localizeHref(localizeHref('/', 'en'), 'en')).toBe('/en');
	});
});

describe('unprefixed (the reroute mapping) and localeOfPath', () => {
	it('should map English store paths to their Indonesian routes and nothing else', () => {
		expect(unprefixed('/en')).toBe('/');
		expect(unprefixed('/en/c/cigadung')).toBe('/c/cigadung');
		expect(unprefixed('/en/c/cigadung/toko/sambal-mt')).toBe('/c/cigadung/toko/sambal-mt');
		expect(unprefixed('/en/pesanan/ABC-2345')).toBe('/pesanan/ABC-2345');
		for (const p of ['/en/jual', '/en/koordinator/cigadung', '/en/masuk', '/en/api/v1/me', '/en//evil.example', '/enx', '/c/cigadung', '/', '/en/en/c/x'])
			expect(unprefixed(p)).toBeNull();
		expect(localeOfPath('/en/c/cigadung')).toBe('en');
		expect(localeOfPath('/c/cigadung')).toBeNull();
		expect(localeOfPath('/en/jual')).toBeNull();
	});

	it('should turn a page into the same page in the other language (the language switch)', () => {
		expect(pathInLocale('/c/cigadung?q=sambal', 'en')).toBe('/en/c/cigadung?q=sambal');
		expect(pathInLocale('/en/c/cigadung?q=sambal', 'id')).toBe('/c/cigadung?q=sambal');
		expect(pathInLocale('/en', 'id')).toBe('/');
		expect(pathInLocale('/', 'en')).toBe('/en');
		// workspaces have one URL: an English prefix on one (no page) is dropped, in either language, query kept
		expect(pathInLocale('/en/jual', 'en')).toBe('/jual');
		expect(pathInLocale('/en/jual/produk?x=1', 'id')).toBe('/jual/produk?x=1');
		expect(pathInLocale('/jual', 'en')).toBe('/jual');
		expect(pathInLocale('/english', 'id')).toBe('/english');
		expect(pathInLocale('/en/c/x', 'en')).toBe('/en/c/x');
		expect(pathInLocale('/jual/produk', 'en')).toBe('/jual/produk');
		expect(pathInLocale('/jual/produk', 'id')).toBe('/jual/produk');
	});
});

describe('hreflang alternates', () => {
	it('should name the Indonesian, English and x-default (Indonesian) URLs, absolute on the origin', () => {
		expect(alternates('https://ecrav.example/', '/c/cigadung')).toEqual([
			{ hreflang: 'id', href: 'https://ecrav.example/c/cigadung' },
			{ hreflang: 'en', href: 'https://ecrav.example/en/c/cigadung' },
			{ hreflang: 'x-default', href: 'https://ecrav.example/c/cigadung' }
		]);
	});

	it('should be the same pair on both language versions, only for indexable store pages, without tracking parameters', () => {
		const id = storeAlternates(new URL('http://127.0.0.1:4202/c/cigadung/toko/sambal-mt?src=poster'));
		const en = storeAlternates(new URL('http://127.0.0.1:4202/en/c/cigadung/toko/sambal-mt'));
		expect(id).toEqual(en);
		expect(en?.map((a) => a.href.replace(/^https?:\/\/[^/]+/, ''))).toEqual(['/c/cigadung/toko/sambal-mt', '/en/c/cigadung/toko/sambal-mt', '/c/cigadung/toko/sambal-mt']);
		expect(storeAlternates(new URL('http://x.test/en/c/cigadung?q=sambal&page=2'))?.[1].href).toBe('http://x.test/en/c/cigadung?q=sambal&page=2');
		expect(storeAlternates(new URL('http://x.test/en'))?.map((a) => a.href)).toEqual(['http://x.test/', 'http://x.test/en', 'http://x.test/']);
		for (const p of ['/c/cigadung/keranjang', '/en/c/cigadung/keranjang', '/pesanan', '/jual', '/masuk', '/c/cigadung/toko/sambal-mt/sambal-cumi/whatsapp']) expect(storeAlternates(new URL(`http://x.test${p}`))).toBeNull();
	});
});

describe('first visit: Accept-Language', () => {
	it('should prefer English only when English is ranked above Indonesian', () => {
		expect(prefersEnglish('en-US,en;q=0.9')).toBe(true);
		expect(prefersEnglish('en-GB,en;q=0.9,id;q=0.8')).toBe(true);
		expect(prefersEnglish('id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7')).toBe(false);
		expect(prefersEnglish('en;q=0.5,id;q=0.5')).toBe(false);
		expect(prefersEnglish('in,en;q=0.9')).toBe(false);
		expect(prefersEnglish('fr-FR,fr;q=0.9')).toBe(false);
		expect(prefersEnglish('fr-FR,en;q=0.3')).toBe(true);
		expect(prefersEnglish('*')).toBe(false);
		expect(prefersEnglish('en;q=abc,id;q=0.1')).toBe(false);
		expect(prefersEnglish('')).toBe(false);
		expect(prefersEnglish(null)).toBe(false);
	});

	it('should tell browsers from crawlers, link previews and tools', () => {
		expect(isBrowser(CHROME)).toBe(true);
		expect(isBrowser('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toBe(true);
		for (const ua of [GOOGLEBOT, 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'facebookexternalhit/1.1', 'WhatsApp/2.23.20.0', 'curl/8.5.0', '', null])
			expect(isBrowser(ua)).toBe(false);
	});
});

describe('decideLocale', () => {
	const at = (path: string) => new URL(`http://127.0.0.1:4202${path}`);
	const browser = (lang: string, ua = CHROME) => new Headers({ 'user-agent': ua, 'accept-language': lang });

	it('should make /en pages English whatever the cookie, and never redirect them', () => {
		expect(decideLocale('GET', at('/en/c/cigadung'), 'id', browser('id'))).toEqual({ locale: 'en', redirect: null, variesByLanguage: false });
		expect(decideLocale('POST', at('/en/c/cigadung/keranjang'), undefined, browser('id'))).toMatchObject({ locale: 'en', redirect: null });
	});

	it('should send a browser that prefers English, on its first visit, to the English URL with its query', () => {
		expect(decideLocale('GET', at('/c/cigadung?q=sambal'), undefined, browser('en-US,en;q=0.9'))).toEqual({ locale: 'id', redirect: '/en/c/cigadung?q=sambal', variesByLanguage: true });
		expect(decideLocale('GET', at('/'), undefined, browser('en'))).toMatchObject({ redirect: '/en' });
		expect(decideLocale('GET', at('/c/cigadung'), undefined, browser('id-ID,id;q=0.9,en;q=0.8'))).toEqual({ locale: 'id', redirect: null, variesByLanguage: true });
		// A cart or order link (from WhatsApp) without a choice stays Indonesian; with the English choice it goes English.
		expect(decideLocale('GET', at('/pesanan/CIG-2345?t=x'), undefined, browser('en'))).toEqual({ locale: 'id', redirect: null, variesByLanguage: false });
		expect(decideLocale('GET', at('/c/cigadung/keranjang'), undefined, browser('en'))).toMatchObject({ redirect: null });
		expect(decideLocale('GET', at('/pesanan/CIG-2345?t=x'), 'en', browser('id'))).toMatchObject({ redirect: '/en/pesanan/CIG-2345?t=x' });
	});

	it('should let the chosen language (cookie) win, and never redirect a bot', () => {
		expect(decideLocale('GET', at('/c/cigadung'), 'id', browser('en-US,en'))).toEqual({ locale: 'id', redirect: null, variesByLanguage: true });
		expect(decideLocale('GET', at('/c/cigadung'), 'en', browser('id'))).toMatchObject({ redirect: '/en/c/cigadung' });
		expect(decideLocale('GET', at('/c/cigadung'), undefined, browser('en', GOOGLEBOT))).toEqual({ locale: 'id', redirect: null, variesByLanguage: true });
	});

	it('should keep workspaces on the cookie, and forms posted to Indonesian URLs in the chosen language', () => {
		expect(decideLocale('GET', at('/jual'), 'en', browser('id'))).toEqual({ locale: 'en', redirect: null, variesByLanguage: false });
		expect(decideLocale('GET', at('/jual'), undefined, browser('en'))).toEqual({ locale: 'id', redirect: null, variesByLanguage: false });
		expect(decideLocale('POST', at('/c/cigadung/keranjang'), 'en', browser('en'))).toEqual({ locale: 'en', redirect: null, variesByLanguage: false });
	});
});

describe('page cache and Vary', () => {
	it('should cache English community pages under their community too (the key keeps the URL and locale apart)', () => {
		expect(cacheableCommunity('/en/c/cigadung')).toBe('cigadung');
		expect(cacheableCommunity('/en/c/cigadung/toko/sambal-mt')).toBe('cigadung');
		expect(cacheableCommunity('/en/jual')).toBeNull();
	});

	it('should keep English catalog and shop pages cached across orders, like their Indonesian twins (no stock counts shown)', () => {
		for (const p of ['/c/cigadung', '/en/c/cigadung', '/en/c/cigadung/toko/sambal-mt']) expect(showsStockCounts(p), p).toBe(false);
		for (const p of ['/c/cigadung/toko/sambal-mt/sambal-cumi', '/en/c/cigadung/toko/sambal-mt/sambal-cumi', '/en/c/cigadung/produk.json']) expect(showsStockCounts(p), p).toBe(true);
	});

	it('should add names to Vary once', () => {
		const h = new Headers({ vary: 'accept-encoding, cookie' });
		addVary(h, 'Accept-Language', 'Cookie');
		expect(h.get('vary')).toBe('accept-encoding, cookie, Accept-Language');
	});
});

/**
 * Text for XML elements and attributes. Every `&`, `<`, `>`, `"` and `'` is escaped, and characters XML 1.0 forbids
 * (control characters other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) are dropped, so a seller's name
 * can never break a sitemap or a feed.
 */
export function xmlText(value: string): string {
	return value
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** A URL path built from slugs, absolute on the public origin (slugs are `[a-z0-9-]`, but encode anyway). */
export function absoluteUrl(origin: string, path: string): string {
	return origin.replace(/\/+$/, '') + encodeURI(path);
}

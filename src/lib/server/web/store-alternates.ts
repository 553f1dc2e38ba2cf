import { alternates, isIndexablePage, unprefixed } from '$lib/i18n/paths';
import { printedOrigin } from '../promo/origin';

/** Query parameters that only say where a visitor came from or what they picked: not part of the page's address. */
const NOT_THE_PAGE = /^(?:src|utm_.*|fbclid|gclid|variantId|quantity)$/;

/**
 * `hreflang` alternates (id, en, x-default) of a public store page, absolute on the configured public origin, or null for
 * any other page. A search or later page keeps its query (its twin is the same view in the other language).
 */
export function storeAlternates(url: URL): { hreflang: string; href: string }[] | null {
	const path = unprefixed(url.pathname) ?? url.pathname;
	if (!isIndexablePage(path)) return null;
	const params = new URLSearchParams([...url.searchParams].filter(([k]) => !NOT_THE_PAGE.test(k)));
	const query = params.size ? `?${params}` : '';
	return alternates(printedOrigin(url), path + query);
}

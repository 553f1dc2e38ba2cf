import { page } from '$app/state';
import { toLocale, translator, type Locale, type Translate } from './index';
import { localizeHref } from './paths';

/** The translate function for the current request's language (from the root layout's data). */
export function useT(): Translate {
	return translator(toLocale(page.data?.locale));
}

/** The current request's language, for formatting dates and numbers. */
export function useLocale(): Locale {
	return toLocale(page.data?.locale);
}

/** Internal store links in the current request's language: `href('/c/x')` is `/en/c/x` on English pages (paths.ts). */
export function useHref(): (href: string) => string {
	const locale = toLocale(page.data?.locale);
	return (href) => localizeHref(href, locale);
}

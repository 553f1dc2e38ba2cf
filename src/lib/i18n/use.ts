import { page } from '$app/state';
import { toLocale, translator, type Locale, type Translate } from './index';

/** The translate function for the current request's language (from the root layout's data). */
export function useT(): Translate {
	return translator(toLocale(page.data?.locale));
}

/** The current request's language, for formatting dates and numbers. */
export function useLocale(): Locale {
	return toLocale(page.data?.locale);
}

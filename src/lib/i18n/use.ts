import { page } from '$app/state';
import { toLocale, translator, type Translate } from './index';

/** The translate function for the current request's language (from the root layout's data). */
export function useT(): Translate {
	return translator(toLocale(page.data?.locale));
}

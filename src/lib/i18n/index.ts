import { en } from './en';
import { id, type MessageKey } from './id';
import { formatDateTime } from '../utils/dates';

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { id, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

function paramText(name: string, value: string | number, locale: Locale): string {
	if (name.endsWith('At') && typeof value === 'string' && ISO_INSTANT.test(value)) return formatDateTime(value, locale);
	return String(value);
}

/** Picks a supported locale; anything unknown falls back to Bahasa Indonesia. */
export function toLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

/**
 * A translate function bound to one locale. `{name}` placeholders are filled with plain text (never HTML);
 * `{name|one|other}` picks the first word when the parameter is 1 and the second otherwise (English plurals:
 * "{count} {count|product|products}"; Indonesian needs none). A parameter whose name ends in `At` and holds
 * an ISO timestamp is written as a date and time in WIB in the locale (`Senin, 30 November 2026 pukul 05.00 WIB`),
 * so services can name a moment without formatting text.
 */
export function translator(locale: Locale): Translate {
	const messages = catalogues[locale];
	return (key, params) => {
		const template = messages[key] ?? id[key] ?? key;
		if (!params) return template;
		return template
			.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, name: string, one: string, other: string) => (name in params ? (Number(params[name]) === 1 ? one : other) : m))
			.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? paramText(name, params[name], locale) : m));
	};
}

import { en } from './en';
import { id, type MessageKey } from './id';

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { id, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Picks a supported locale; anything unknown falls back to Bahasa Indonesia. */
export function toLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

/**
 * A translate function bound to one locale. `{name}` placeholders are filled with plain text (never HTML);
 * `{name|one|other}` picks the first word when the parameter is 1 and the second otherwise (English plurals:
 * "{count} {count|product|products}"; Indonesian needs none).
 */
export function translator(locale: Locale): Translate {
	const messages = catalogues[locale];
	return (key, params) => {
		const template = messages[key] ?? id[key] ?? key;
		if (!params) return template;
		return template
			.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, name: string, one: string, other: string) => (name in params ? (Number(params[name]) === 1 ? one : other) : m))
			.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
	};
}

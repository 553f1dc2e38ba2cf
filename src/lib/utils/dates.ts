/** Every date a user sees is in WIB (Asia/Jakarta), whatever the server's own time zone is. */
export const APP_TIME_ZONE = 'Asia/Jakarta';

/** WIB is UTC+7 all year (no daylight saving). */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** `YYYY-MM-DD` of an instant (ISO text or epoch milliseconds) in WIB. */
export function wibDay(instant: string | number): string {
	const ms = typeof instant === 'number' ? instant : Date.parse(instant);
	return new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00.00 WIB of a calendar day (`YYYY-MM-DD`), as epoch milliseconds. */
export function wibMidnight(day: string): number {
	return Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = locale + JSON.stringify(options);
	let f = dateFormatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { timeZone: APP_TIME_ZONE, ...options });
		dateFormatters.set(key, f);
	}
	return f;
}

/** `Kamis, 28 November 2024` */
export function formatDate(iso: string, locale = 'id'): string {
	return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day `YYYY-MM-DD` as an instant inside that day in WIB (noon); any other value as it is. */
const dayInstant = (value: string) => (CALENDAR_DAY.test(value) ? `${value}T05:00:00Z` : value);

/** A calendar day stored as `YYYY-MM-DD` (a visit, a follow-up) as people read it: `Kamis, 28 November 2024`. */
export function formatDay(ymd: string, locale = 'id'): string {
	return CALENDAR_DAY.test(ymd) ? formatDate(dayInstant(ymd), locale) : ymd;
}

/**
 * The short form for lists, headers and cards: `28 Nov 2024` (`28 Nov 2024` in English too). Takes a calendar
 * day (`YYYY-MM-DD`, read as that day in WIB) or an ISO instant (shown as its WIB day); anything else is
 * returned as it is, so a page never breaks on an odd value.
 */
export function formatDayShort(value: string, locale = 'id'): string {
	const d = new Date(dayInstant(value));
	if (Number.isNaN(d.getTime())) return value;
	return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** A period of days, `28 Okt 2024 – 6 Des 2024`; one day when both ends are the same; empty when there is no start. */
export function formatDayRange(start: string | null | undefined, end: string | null | undefined, locale = 'id'): string {
	if (!start) return '';
	const from = formatDayShort(start, locale);
	return end && end !== start ? `${from} – ${formatDayShort(end, locale)}` : from;
}

/** `15.00 WIB` (Indonesian writes times with a dot). */
export function formatTime(iso: string, locale = 'id'): string {
	const parts = formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
	const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
	const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
	return locale === 'en' ? `${hour}:${minute} WIB` : `${hour}.${minute} WIB`;
}

/** `Kamis, 28 November 2024 pukul 15.00 WIB` */
export function formatDateTime(iso: string, locale = 'id'): string {
	return `${formatDate(iso, locale)} ${locale === 'en' ? 'at' : 'pukul'} ${formatTime(iso, locale)}`;
}

/** Current instant as ISO-8601 UTC text, the one format timestamps are stored in. */
export function nowIso(): string {
	return new Date().toISOString();
}

import { calendarDayProblem } from '../../validation/dates';
import type { MessageKey } from '../../i18n';

/**
 * The stretches of days the cash-book report covers, as WIB calendar days (`YYYY-MM-DD`, both ends included).
 * Pure date arithmetic on calendar days (UTC dates stand for WIB days): no clock, no time zone surprises.
 */
export const PERIOD_KINDS = ['hari', 'minggu', 'bulan', 'pilih'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface DayRange {
	/** First day, included. */
	from: string;
	/** Last day, included. */
	to: string;
}

export interface ReportPeriod extends DayRange {
	kind: PeriodKind;
	/** Days in the period. */
	days: number;
	/** The period before it that it is compared with: yesterday, last week, last month, or the same number of days before. */
	previous: DayRange;
}

/** A chosen range longer than this is refused (a year and a day: a whole year fits, whatever its length). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const fromDate = (d: Date) => d.toISOString().slice(0, 10);

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
	return fromDate(new Date(toDate(day).getTime() + n * DAY_MS));
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
	return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS) + 1;
}

/** Every day of a range, in order. */
export function eachDay(range: DayRange): string[] {
	const out: string[] = [];
	for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
	return out;
}

/** The first and last day of the month holding `day`. */
export function monthOf(day: string): DayRange {
	const d = toDate(day);
	const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
	return { from: fromDate(first), to: fromDate(last) };
}

/** `YYYY-MM` moved by `n` months. */
export function addMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + n, 1));
	return fromDate(d).slice(0, 7);
}

/** The months (`YYYY-MM`) a range touches, oldest first. */
export function monthsOf(range: DayRange): string[] {
	const out: string[] = [];
	for (let m = range.from.slice(0, 7); m <= range.to.slice(0, 7); m = addMonths(m, 1)) out.push(m);
	return out;
}

/** Monday to Sunday of the week holding `day` (an Indonesian calendar week starts on Senin). */
export function weekOf(day: string): DayRange {
	const offset = (toDate(day).getUTCDay() + 6) % 7;
	const from = addDays(day, -offset);
	return { from, to: addDays(from, 6) };
}

export class PeriodProblem extends Error {
	constructor(
		readonly field: 'dari' | 'sampai',
		readonly messageKey: MessageKey
	) {
		super(messageKey);
	}
}

/**
 * The report's period from the query: `hari` (today), `minggu` (this week, Senin–Minggu), `bulan` (this calendar
 * month, the default) or `pilih` with `dari`/`sampai`. Throws PeriodProblem naming the field for a chosen range
 * that is not two real days in order, at most MAX_RANGE_DAYS long.
 */
export function resolvePeriod(kind: string | null, today: string, dari?: string | null, sampai?: string | null): ReportPeriod {
	const k: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(kind ?? '') ? (kind as PeriodKind) : 'bulan';
	if (k === 'hari') return withPrevious(k, { from: today, to: today });
	if (k === 'minggu') return withPrevious(k, weekOf(today));
	if (k === 'bulan') return withPrevious(k, monthOf(today));
	const from = (dari ?? '').trim();
	const to = (sampai ?? '').trim();
	const problem = (field: 'dari' | 'sampai', v: string) => {
		if (!v) throw new PeriodProblem(field, 'cashReport.range.missing');
		const p = calendarDayProblem(v);
		if (p) throw new PeriodProblem(field, p === 'year' ? 'date.yearRange' : 'cashReport.range.invalid');
	};
	problem('dari', from);
	problem('sampai', to);
	if (to < from) throw new PeriodProblem('sampai', 'cashReport.range.order');
	if (daysBetween(from, to) > MAX_RANGE_DAYS) throw new PeriodProblem('sampai', 'cashReport.range.tooLong');
	return withPrevious('pilih', { from, to });
}

function withPrevious(kind: PeriodKind, range: DayRange): ReportPeriod {
	const days = daysBetween(range.from, range.to);
	// a calendar month is compared with the whole month before it ("dari bulan lalu"), whatever its length
	const previous = kind === 'bulan' ? monthOf(addDays(range.from, -1)) : { from: addDays(range.from, -days), to: addDays(range.from, -1) };
	return { kind, ...range, days, previous };
}

/** The month (`YYYY-MM`) a statement is asked for, or null when it is not a real month in 2000–2100. */
export function parseMonth(value: string | null | undefined): string | null {
	const v = (value ?? '').trim();
	if (!/^\d{4}-\d{2}$/.test(v)) return null;
	return calendarDayProblem(`${v}-01`) ? null : v;
}

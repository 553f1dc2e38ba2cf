import type { MetricsRepository, OrderCounts } from './metrics.repository';
import { wibDay, wibMidnight } from '../../utils/dates';

const DAY_MS = 86_400_000;

/**
 * The stretch of time a program's order figures are measured over: from the first WIB day of the program to the
 * end of its last day, or to now while it is still running — `start..min(end, now)`. An open start reaches back
 * to the first order; a program that has not started yet has an empty period (`empty`), so it counts nothing.
 */
export interface MeasuringPeriod {
	/** Inclusive lower bound (ISO UTC, 00.00 WIB of the first day); null when the program has no start date. */
	from: string | null;
	/** Exclusive upper bound (ISO UTC): the end of the last day (00.00 WIB the next day), or now if earlier. */
	to: string;
	/** The WIB calendar days the period covers, as people read them (`YYYY-MM-DD`). */
	firstDay: string | null;
	lastDay: string;
	/** True when the upper bound is now: the program is still running (or has no end date). */
	ongoing: boolean;
	/** True when the program has not started yet: every figure is 0. */
	empty: boolean;
}

export function measuringPeriod(program: { starts_on: string | null; ends_on: string | null }, now: Date): MeasuringPeriod {
	const nowMs = now.getTime();
	const fromMs = program.starts_on ? wibMidnight(program.starts_on) : null;
	const endMs = program.ends_on ? wibMidnight(program.ends_on) + DAY_MS : null;
	const ongoing = endMs === null || nowMs < endMs;
	const toMs = ongoing ? nowMs : endMs!;
	const empty = fromMs !== null && fromMs >= toMs;
	return {
		from: fromMs === null ? null : new Date(fromMs).toISOString(),
		to: new Date(toMs).toISOString(),
		firstDay: program.starts_on,
		lastDay: ongoing ? wibDay(nowMs) : program.ends_on!,
		ongoing,
		empty
	};
}

/** Orders over one stretch of time: counts by placing time (`created_at`), turnover from completed orders only. */
export interface OrderFigures extends OrderCounts {
	from: string | null;
	to: string;
}

export interface ProgramOrderFigures {
	period: MeasuringPeriod;
	/** Over the whole measuring period. */
	total: OrderFigures;
	/** Over its last 30 days (never before its start): the `orders_30d` / `turnover_30d` indicators. */
	last30: OrderFigures;
	/** Orders placed after a finished program's last day, up to now: not counted, only told (null while it runs). */
	after: OrderFigures | null;
}

const NONE: OrderCounts = { placed: 0, completed: 0, turnover: 0 };

/**
 * The program's order figures, from current rows. "Omzet" is the sum of COMPLETED (`selesai`) orders only — an
 * order that is new, confirmed or on its way has not been paid for yet, and a cancelled one never will. Orders
 * placed (not cancelled) are counted separately. The dashboard, the indicators API and the evaluation report
 * all call this one function, so they cannot disagree. No access check: callers (services) check the actor.
 */
export async function programOrderFigures(repo: MetricsRepository, communityId: string, program: { starts_on: string | null; ends_on: string | null }, now: Date): Promise<ProgramOrderFigures> {
	const period = measuringPeriod(program, now);
	const toMs = Date.parse(period.to);
	const from30Ms = Math.max(toMs - 30 * DAY_MS, period.from ? Date.parse(period.from) : -Infinity);
	const from30 = new Date(from30Ms).toISOString();
	const over = async (from: string | null, to: string): Promise<OrderFigures> => ({ from, to, ...(period.empty ? NONE : await repo.orderCounts(communityId, from, to)) });
	const [total, last30, after] = await Promise.all([
		over(period.from, period.to),
		over(from30, period.to),
		period.ongoing ? null : repo.orderCounts(communityId, period.to, null).then((c): OrderFigures => ({ from: period.to, to: now.toISOString(), ...c }))
	]);
	return { period, total, last30, after };
}

/**
 * The WIB months (`YYYY-MM`) of the measuring period, oldest first, at most `max` (the latest ones): the
 * dashboard's charts. An open start gives the `max` months up to the period's last day; an empty period none.
 */
export function periodMonths(period: MeasuringPeriod, max = 12): string[] {
	if (period.empty) return [];
	const [ly, lm] = period.lastDay.split('-').map(Number);
	const first = period.firstDay ? period.firstDay.split('-').map(Number) : null;
	const out: string[] = [];
	for (let i = 0; i < max; i++) {
		const d = new Date(Date.UTC(ly, lm - 1 - i, 1));
		const y = d.getUTCFullYear();
		const m = d.getUTCMonth() + 1;
		if (first && (y < first[0] || (y === first[0] && m < first[1]))) break;
		out.unshift(`${y}-${String(m).padStart(2, '0')}`);
	}
	return out;
}

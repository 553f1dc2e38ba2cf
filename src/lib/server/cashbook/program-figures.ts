import type { CashReportRepository } from './report.repository';
import type { MeasuringPeriod } from '../program/order-figures';
import { addMonths, monthOf } from './report-period';

/**
 * What the program may know of its sellers' cash books: monthly TOTALS of the shops that agreed to share them (a
 * setting, off by default), never a single entry, never a shop that did not agree. The indicators `income_monthly` and
 * `profit_monthly` are the reporting month's sums, with the number of sharing shops beside them so the figure is
 * honest about what it covers. No access check: the caller (the indicator service) has checked the staff actor.
 */
export interface ProgramCashFigures {
	/** `YYYY-MM` the two indicators are for; null when the program has not started. */
	month: string | null;
	/** Shops of the community that share now. */
	sharingShops: number;
	/** Of them, shops with an entry in the month. */
	shopsWithEntries: number;
	/** Income and profit (income − expense; prive and modal never count) of the sharing shops in the month; null when nobody shares. */
	income: number | null;
	profit: number | null;
}

/**
 * The reporting month: a finished program's last month; a running one's last COMPLETE month (the month before now),
 * or the current month so far while the program is in its first month.
 */
export function reportingMonth(period: MeasuringPeriod): string | null {
	if (period.empty) return null;
	const last = period.lastDay.slice(0, 7);
	if (!period.ongoing) return last;
	const previous = addMonths(last, -1);
	return period.firstDay && period.firstDay.slice(0, 7) > previous ? last : previous;
}

export async function programCashFigures(repo: CashReportRepository, communityId: string, period: MeasuringPeriod): Promise<ProgramCashFigures> {
	const month = reportingMonth(period);
	const sharingShops = await repo.sharingShopCount(communityId);
	if (month === null || sharingShops === 0) return { month, sharingShops, shopsWithEntries: 0, income: null, profit: null };
	// only the days of that month inside the program's period (a program that starts or ends mid-month)
	const whole = monthOf(`${month}-01`);
	const range = { from: period.firstDay && period.firstDay > whole.from ? period.firstDay : whole.from, to: period.lastDay < whole.to ? period.lastDay : whole.to };
	const [row] = await repo.sharedMonthly(communityId, range);
	const income = row?.income ?? 0;
	return { month, sharingShops, shopsWithEntries: row?.shops ?? 0, income, profit: income - (row?.expense ?? 0) };
}

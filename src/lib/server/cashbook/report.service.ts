import type { Actor } from '../auth/actor';
import { requireCashbookOwner, summarise } from './cashbook.service';
import { NotFoundError, ValidationError } from '../errors';
import type { CashMethod } from '../db/schema-cashbook';
import { wibDay, wibMidnight } from '../../utils/dates';
import type { BestSeller, CashReportRepository, KindMethodSum, LedgerRow } from './report.repository';
import { addDays, addMonths, eachDay, monthOf, monthsOf, parseMonth, PeriodProblem, resolvePeriod, type DayRange, type ReportPeriod } from './report-period';

export const CASH_METHODS: readonly CashMethod[] = ['tunai', 'transfer', 'qris'];

/** Money in and out through one payment method. */
export interface MethodFlow {
	/** Income and modal. */
	in: number;
	/** Expense and prive. */
	out: number;
	net: number;
}

/** The totals of a stretch of days. Profit is income − expense: prive and modal never count in it. */
export interface CashTotals {
	income: number;
	expense: number;
	prive: number;
	modal: number;
	profit: number;
	byMethod: Record<CashMethod, MethodFlow>;
}

export interface ChartPoint {
	/** `YYYY-MM-DD` (by day) or `YYYY-MM` (by month). */
	bucket: string;
	income: number;
	expense: number;
}

export interface CashReport {
	period: ReportPeriod;
	today: string;
	totals: CashTotals;
	previous: CashTotals;
	chart: { unit: 'day' | 'month'; points: ChartPoint[] };
	bestSellers: BestSeller[];
}

/** One line of an export or statement, with its words resolved by the document. */
export interface StatementEntry extends LedgerRow {
	/** The shop's own category name for a `kat_…` category; null for a built-in key (the document names it). */
	categoryName: string | null;
	/** For a reversal: the day and amount of the entry it corrects. */
	reverses: { occurredOn: string; amount: number } | null;
}

export interface StatementData {
	shop: { id: string; name: string; owner: string; community: string };
	month: string;
	range: DayRange;
	totals: CashTotals;
	/**
	 * The cash the book says the shop holds (all ways of paying together: income and modal in, expense and prive out):
	 * `opening` from every entry before the month (saldo awal), `closing` = opening + the month's net (saldo akhir).
	 */
	balance: { opening: number; closing: number };
	entries: StatementEntry[];
	generatedAt: string;
}

/**
 * The seller's numbers: summaries of a period with the change from the one before, charts, best sellers, the entries
 * for export and the monthly statement, and the consent to share monthly totals with the program. A seller's book is
 * theirs alone: only the shop's owner reads it — another shop's seller, a coordinator and a facilitator are told it
 * does not exist (404), unlike the rest of the seller pages where staff may help.
 */
export class CashReportService {
	constructor(
		private readonly repo: CashReportRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** Throws 404 unless the actor owns the shop (the ledger's own rule); the acting user's id. */
	private requireOwner(actor: Actor, shopId: string): { userId: string | null } {
		return { userId: requireCashbookOwner(actor, shopId) };
	}

	today(): string {
		return wibDay(this.clock().getTime());
	}

	/**
	 * The period asked for by the report's query (`periode`, `dari`, `sampai`), or a ValidationError naming the field
	 * of a chosen range that is wrong (the page shows it beside the field and the month instead).
	 */
	period(query: { periode?: string | null; dari?: string | null; sampai?: string | null }): ReportPeriod {
		try {
			return resolvePeriod(query.periode ?? null, this.today(), query.dari, query.sampai);
		} catch (e) {
			if (e instanceof PeriodProblem) throw new ValidationError(e.messageKey, {}, [{ field: e.field, messageKey: e.messageKey, params: {} }]);
			throw e;
		}
	}

	/** The totals of a range (owner only). Equal to summing the entries one by one (a property-based test checks it). */
	async totals(actor: Actor, shopId: string, range: DayRange): Promise<CashTotals> {
		this.requireOwner(actor, shopId);
		return toTotals(await this.repo.sumsByKindMethod(shopId, range));
	}

	/** Everything the report page shows for one period. */
	async report(actor: Actor, shopId: string, period: ReportPeriod): Promise<CashReport> {
		this.requireOwner(actor, shopId);
		const chartRange = chartRangeOf(period);
		const byMonth = chartRange.unit === 'month';
		const [current, previous, buckets, bestSellers] = await Promise.all([
			this.repo.sumsByKindMethod(shopId, period),
			this.repo.sumsByKindMethod(shopId, period.previous),
			this.repo.sumsByBucket(shopId, chartRange, byMonth),
			this.repo.bestSellers(shopId, new Date(wibMidnight(period.from)).toISOString(), new Date(wibMidnight(addDays(period.to, 1))).toISOString(), 5)
		]);
		const labels = byMonth ? monthsOf(chartRange) : eachDay(chartRange);
		const points = labels.map((bucket) => ({
			bucket,
			income: buckets.filter((b) => b.bucket === bucket && b.kind === 'income').reduce((s, b) => s + b.total, 0),
			expense: buckets.filter((b) => b.bucket === bucket && b.kind === 'expense').reduce((s, b) => s + b.total, 0)
		}));
		return { period, today: this.today(), totals: toTotals(current), previous: toTotals(previous), chart: { unit: chartRange.unit, points }, bestSellers };
	}

	/**
	 * The entries of the period a report query asks for, with their category names and what each correction corrects,
	 * for CSV and XLSX. The owner check comes first: to anyone else the book does not exist, whatever the query says.
	 */
	async exportEntries(actor: Actor, shopId: string, query: { periode?: string | null; dari?: string | null; sampai?: string | null }): Promise<{ period: ReportPeriod; entries: StatementEntry[] }> {
		this.requireOwner(actor, shopId);
		const period = this.period(query);
		return { period, entries: await this.withNames(shopId, await this.repo.entries(shopId, period)) };
	}

	/** The monthly statement's data (`month` = `YYYY-MM`): shop, owner, totals and every entry of the month. */
	async statement(actor: Actor, shopId: string, month: string): Promise<StatementData> {
		this.requireOwner(actor, shopId);
		const m = parseMonth(month);
		if (!m) throw new ValidationError('cashReport.statement.badMonth', {}, [{ field: 'bulan', messageKey: 'cashReport.statement.badMonth', params: {} }]);
		const range = monthOf(`${m}-01`);
		const [header, sums, before, rows] = await Promise.all([
			this.repo.shopHeader(shopId),
			this.repo.sumsByKindMethod(shopId, range),
			this.repo.sumsByKindMethod(shopId, { from: '0001-01-01', to: addDays(range.from, -1) }),
			this.repo.entries(shopId, range)
		]);
		if (!header) throw new NotFoundError('error.notFound.shopUnnamed');
		const totals = toTotals(sums);
		const opening = cashNet(toTotals(before));
		return { shop: header, month: m, range, totals, balance: { opening, closing: opening + cashNet(totals) }, entries: await this.withNames(shopId, rows), generatedAt: this.clock().toISOString() };
	}

	/** The statement months a seller may pick: this month and the 11 before it, newest first. */
	statementMonths(): string[] {
		const now = this.today().slice(0, 7);
		return Array.from({ length: 12 }, (_, i) => addMonths(now, -i));
	}

	private async withNames(shopId: string, rows: LedgerRow[]): Promise<StatementEntry[]> {
		const names = await this.repo.categoryNames(shopId);
		const missing = [...new Set(rows.map((r) => r.reverses_id).filter((id): id is string => !!id && !rows.some((x) => x.id === id)))];
		const originals = [...rows, ...(await this.repo.entriesByIds(shopId, missing))];
		return rows.map((r) => {
			const original = r.reverses_id ? originals.find((o) => o.id === r.reverses_id) : undefined;
			return { ...r, categoryName: names.get(r.category) ?? null, reverses: original ? { occurredOn: original.occurred_on, amount: original.amount } : null };
		});
	}

	/** Whether the shop shares its monthly totals with the program (owner only). */
	async sharing(actor: Actor, shopId: string): Promise<{ shared: boolean; updatedAt: string | null }> {
		this.requireOwner(actor, shopId);
		return this.repo.sharesWithProgram(shopId);
	}

	/**
	 * Turns sharing on (`'on'`, `true`) or off (`'off'`, `false`), owner only; anything else is refused naming the
	 * field `share`, nothing changed. Off takes effect at once: every month of the shop leaves the program's figures.
	 */
	async setSharing(actor: Actor, shopId: string, share: unknown): Promise<boolean> {
		const user = this.requireOwner(actor, shopId);
		const shared = share === 'on' || share === true ? true : share === 'off' || share === false ? false : null;
		if (shared === null) throw new ValidationError('cashReport.settings.pick', {}, [{ field: 'share', messageKey: 'cashReport.settings.pick', params: {} }]);
		await this.repo.setSharesWithProgram(shopId, shared, user.userId, this.clock().toISOString());
		return shared;
	}
}

/** The cash a stretch of entries adds (negative: takes away): income + modal − expense − prive, every way of paying. */
export const cashNet = (t: CashTotals): number => CASH_METHODS.reduce((s, m) => s + t.byMethod[m].net, 0);

/** The totals from per-kind-per-method sums. */
export function toTotals(sums: KindMethodSum[]): CashTotals {
	// the ledger's one formula (summarise) for every total; only the split of each method into in and out is added here
	const s = summarise(sums);
	const byMethod = Object.fromEntries(
		CASH_METHODS.map((method) => {
			const mine = sums.filter((x) => x.method === method);
			const inflow = mine.filter((x) => x.kind === 'income' || x.kind === 'modal').reduce((t, x) => t + x.total, 0);
			return [method, { in: inflow, out: inflow - s.byMethod[method], net: s.byMethod[method] }];
		})
	) as Record<CashMethod, MethodFlow>;
	return { income: s.income, expense: s.expense, prive: s.prive, modal: s.modal, profit: s.profit, byMethod };
}

/**
 * What the chart shows: each day of a period of 2–31 days; otherwise months — those of a longer chosen range (its
 * last 12 at most), or the 6 months up to a single day's.
 */
export function chartRangeOf(period: ReportPeriod): DayRange & { unit: 'day' | 'month' } {
	if (period.days > 1 && period.days <= 31) return { from: period.from, to: period.to, unit: 'day' };
	const lastMonth = period.to.slice(0, 7);
	const firstMonth = period.days > 31 ? [period.from.slice(0, 7), addMonths(lastMonth, -11)].sort().at(-1)! : addMonths(lastMonth, -5);
	return { from: `${firstMonth}-01`, to: monthOf(period.to).to, unit: 'month' };
}

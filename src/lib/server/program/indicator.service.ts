import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import { parseInput } from '../validate';
import { indicatorEntrySchema, indicatorTargetsSchema, newIndicatorSchema, type IndicatorEntryInput, type IndicatorTargetsInput, type NewIndicatorInput } from '../../validation/program';
import { listingScore, photosByProduct } from './listing-rows';
import { programFor } from './access';
import type { Program, ProgramRepository } from './program.repository';
import type { Indicator, IndicatorEntry, IndicatorRepository } from './indicator.repository';
import type { MetricsRepository, MonthRow } from './metrics.repository';
import { measuringPeriod, periodMonths, programOrderFigures, type ProgramOrderFigures } from './order-figures';
import { wibMidnight } from '../../utils/dates';
import { isMetric, METRIC_DEFAULTS, type MetricKey, type MetricValues } from './metrics';
import { TrainingRepository } from '../training/training.repository';
import { gainRounded, programTrainingFigures, ratePercent, type ProgramTrainingFigures } from '../training/figures';
import type { Funnel, FunnelService } from '../members/funnel.service';
import { CashReportRepository } from '../cashbook/report.repository';
import { programCashFigures, type ProgramCashFigures } from '../cashbook/program-figures';

export interface IndicatorView {
	id: string;
	key: string;
	label: string;
	unit: string;
	source: 'auto' | 'manual';
	metric: MetricKey | null;
	baseline: number | null;
	target: number | null;
	/** Computed now (auto) or the latest entry (manual); null when there is no data yet. */
	value: number | null;
	/** For manual indicators: the date of the value shown. */
	valueOn: string | null;
	/** Share of the way from baseline (or 0) to target, 0–100, when both a value and a target are known. */
	progress: number | null;
	standard: boolean;
	entries: IndicatorEntry[];
}

export interface MonthFigures {
	/** `YYYY-MM` (WIB). */
	month: string;
	/** Orders placed in the month (within the program's period) and not cancelled. */
	placed: number;
	/** Of those, completed (`selesai`). */
	completed: number;
	/** The completed ones' totals, rupiah. */
	turnover: number;
	/** Members (shops) at the end of the month. */
	members: number;
	/** Products on show now that were first published by the end of the month. */
	productsPublished: number;
}

/** Everything the program's figures come from, measured once: the dashboard and the report both read this. */
export interface ProgramMeasures {
	metrics: MetricValues;
	training: ProgramTrainingFigures;
	/** The adoption funnel the member figures were read from (the report prints its table). */
	funnel: Funnel;
	/** Orders within the program's period (and its last 30 days), completed-only turnover. */
	orders: ProgramOrderFigures;
	indicators: IndicatorView[];
	/** A finished program's last day (`YYYY-MM-DD`, WIB): every figure is measured at its end. Null while it runs. */
	measuredAt: string | null;
	/** Monthly cash-book totals of the shops that agreed to share them (income_monthly, profit_monthly) and how many share. */
	cash: ProgramCashFigures;
}

export interface Dashboard {
	indicators: IndicatorView[];
	metrics: MetricValues;
	orders: ProgramOrderFigures;
	/** The WIB months of the program's period (the latest 12 at most). */
	months: MonthFigures[];
	/** Sessions dated outside the program's period: saved, never counted (the dashboard says so). */
	outsideTrainings: number;
	/** A finished program's last day: the figures are measured at its end (null while it runs). */
	measuredAt: string | null;
	/** The cash-book figures behind income_monthly / profit_monthly, with the number of shops that share. */
	cash: ProgramCashFigures;
}

/**
 * The plan's indicators: automatic ones computed from current E-Crav rows on every call (a product
 * published a second ago counts), manual ones from dated entries. Same access rule as the program.
 */
export class IndicatorService {
	constructor(
		private readonly programs: ProgramRepository,
		private readonly indicators: IndicatorRepository,
		private readonly metrics: MetricsRepository,
		private readonly db: Kysely<DB>,
		private readonly funnel: FunnelService,
		private readonly clock: () => Date = () => new Date()
	) {}

	/**
	 * The figures and the training figures behind them (held sessions only), in one pass. The evaluation report
	 * takes its indicators from here (through `measures`), so it prints exactly what the dashboard shows. The
	 * member figures (members, accounts, shops ready, shops selling) are the adoption funnel's "reached" counts —
	 * one model with the adoption page, so "Toko siap berjualan" is always its "Profil toko lengkap".
	 *
	 * A finished program is measured at its end, like its orders (`measuringPeriod`): members, accounts, shops and
	 * products that came after its last day are not its result. A running one is measured now, so a product
	 * published a second ago already counts.
	 */
	private async measure(actor: Actor, program: Program): Promise<Omit<ProgramMeasures, 'indicators'>> {
		const now = this.clock();
		const period = measuringPeriod(program, now);
		const end = period.ongoing ? null : period.to;
		// visitors_30d: the last 30 days (WIB) of the period, ending on its last day (today for a running program)
		const last30From = new Date(Date.parse(`${period.lastDay}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
		const visitorsFrom = period.firstDay && period.firstDay > last30From ? period.firstDay : last30From;
		const [funnel, productsPublished, orders, listings, training, cash, shopsOnShopee, visitors30d] = await Promise.all([
			this.funnel.forCommunity(actor, { id: program.community_id }, end === null ? null : new Date(end)),
			this.metrics.publishedProductCount(program.community_id, end),
			programOrderFigures(this.metrics, program.community_id, program, now),
			this.metrics.publishedListings(program.community_id, end),
			programTrainingFigures(new TrainingRepository(this.db), program, now),
			programCashFigures(new CashReportRepository(this.db), program.community_id, period),
			this.metrics.shopsOnShopeeCount(program.community_id, end),
			this.metrics.communityVisitors(program.community_id, visitorsFrom, period.lastDay)
		]);
		const metrics: MetricValues = {
			members: funnel.members.length,
			accounts_set_up: funnel.reached.account ?? 0,
			shops_ready: funnel.reached.profile ?? 0,
			shops_selling: funnel.reached.first_product ?? 0,
			products_published: productsPublished,
			listing_quality: averageListingScore(listings),
			orders_30d: orders.last30.placed,
			turnover_30d: orders.last30.turnover,
			attendance_rate: ratePercent(training.attendance.rate),
			knowledge_gain: gainRounded(training.gain.g),
			income_monthly: cash.income,
			profit_monthly: cash.profit,
			shops_on_shopee: shopsOnShopee,
			visitors_30d: period.empty ? 0 : visitors30d
		};
		return { metrics, training, funnel, orders, cash, measuredAt: end === null ? null : period.lastDay };
	}

	/** The indicators with the figures, training figures and funnel they were computed from (staff of the community only). */
	async measures(actor: Actor, programId: string): Promise<ProgramMeasures> {
		const program = await programFor(actor, this.programs, programId);
		const measured = await this.measure(actor, program);
		return { ...measured, indicators: await this.views(program, measured.metrics) };
	}

	async list(actor: Actor, programId: string): Promise<IndicatorView[]> {
		const program = await programFor(actor, this.programs, programId);
		return this.views(program, (await this.measure(actor, program)).metrics);
	}

	private async views(program: Program, values: MetricValues): Promise<IndicatorView[]> {
		const rows = await this.indicators.listByProgram(program.id);
		const entries = await this.indicators.entriesOf(rows.filter((r) => r.source === 'manual').map((r) => r.id));
		return rows.map((r) => toView(r, values, entries.filter((e) => e.indicator_id === r.id)));
	}

	/**
	 * Indicators plus the monthly figures of the program's period (its latest 12 WIB months at most), for the
	 * dashboard's charts: orders from the same period and rule as the indicators (`programOrderFigures`).
	 */
	async dashboard(actor: Actor, programId: string): Promise<Dashboard> {
		const program = await programFor(actor, this.programs, programId);
		const { metrics, orders, training, measuredAt, cash } = await this.measure(actor, program);
		const months = periodMonths(orders.period, 12);
		const firstMonthStart = months.length ? new Date(wibMidnight(`${months[0]}-01`)).toISOString() : orders.period.to;
		const fromIso = orders.period.from && orders.period.from > firstMonthStart ? orders.period.from : firstMonthStart;
		const [perMonth, shops, published, indicators] = await Promise.all([
			months.length ? this.metrics.ordersPerMonth(program.community_id, fromIso, orders.period.to) : Promise.resolve([]),
			this.metrics.shopsPerMonth(program.community_id),
			this.metrics.publishedPerMonth(program.community_id),
			this.views(program, metrics)
		]);
		const cumulative = (rows: MonthRow[], month: string) => rows.reduce((sum, r) => (r.month <= month ? sum + r.count : sum), 0);
		return {
			indicators,
			metrics,
			orders,
			outsideTrainings: training.sessions.filter((s) => s.state === 'outside').length,
			measuredAt,
			cash,
			months: months.map((month) => {
				const o = perMonth.find((r) => r.month === month);
				return { month, placed: o?.placed ?? 0, completed: o?.completed ?? 0, turnover: o?.turnover ?? 0, members: cumulative(shops, month), productsPublished: cumulative(published, month) };
			})
		};
	}

	/** A new indicator: automatic when `metric` names an E-Crav figure, manual otherwise. */
	async add(actor: Actor, programId: string, input: NewIndicatorInput): Promise<Indicator> {
		const program = await programFor(actor, this.programs, programId);
		const data = parseInput(newIndicatorSchema, input);
		if (data.metric !== null && !isMetric(data.metric)) throw new ValidationError('program.metricUnknown', {}, [{ field: 'metric', messageKey: 'program.metricUnknown', params: {} }]);
		const existing = await this.indicators.listByProgram(program.id);
		const base = indicatorKey(data.label);
		let key = base;
		for (let n = 2; existing.some((e) => e.key === key) || isMetric(key); n++) key = `${base}_${n}`;
		const now = this.clock().toISOString();
		const row = {
			id: newId('ind'),
			program_id: program.id,
			key,
			label: data.label,
			unit: data.unit || (data.metric ? METRIC_DEFAULTS[data.metric as MetricKey].unit : ''),
			source: data.metric ? ('auto' as const) : ('manual' as const),
			metric: data.metric,
			baseline: data.baseline,
			target: data.target,
			position: Math.max(0, ...existing.map((e) => e.position)) + 1,
			created_at: now,
			updated_at: now
		};
		await this.indicators.insertMany(this.db, [row]);
		return (await this.indicators.findById(row.id))!;
	}

	private async indicatorFor(actor: Actor, indicatorId: string): Promise<Indicator> {
		const indicator = typeof indicatorId === 'string' && indicatorId.length <= 64 ? await this.indicators.findById(indicatorId) : undefined;
		if (!indicator) throw new NotFoundError('program.indicatorNotFound');
		await programFor(actor, this.programs, indicator.program_id);
		return indicator;
	}

	/** Label, unit, baseline and target; the source of an indicator never changes. */
	async update(actor: Actor, indicatorId: string, input: IndicatorTargetsInput): Promise<Indicator> {
		const indicator = await this.indicatorFor(actor, indicatorId);
		const data = parseInput(indicatorTargetsSchema, input);
		await this.indicators.update(indicator.id, { label: data.label, unit: data.unit, baseline: data.baseline, target: data.target, updated_at: this.clock().toISOString() });
		return (await this.indicators.findById(indicator.id))!;
	}

	/** Removes an added indicator with its entries. The built-in ones stay, so the API keeps every key. */
	async remove(actor: Actor, indicatorId: string): Promise<void> {
		const indicator = await this.indicatorFor(actor, indicatorId);
		if (isStandard(indicator)) throw new ValidationError('program.standardIndicator');
		await this.indicators.delete(indicator.id);
	}

	/** A dated value of a manual indicator (the latest date is its current value). */
	async addEntry(actor: Actor, indicatorId: string, input: IndicatorEntryInput): Promise<IndicatorEntry> {
		const indicator = await this.indicatorFor(actor, indicatorId);
		if (indicator.source !== 'manual') throw new ValidationError('program.autoNoEntries');
		const data = parseInput(indicatorEntrySchema, input);
		const row = { id: newId('ine'), indicator_id: indicator.id, on_date: data.onDate!, value: data.value!, note: data.note, created_at: this.clock().toISOString() };
		await this.indicators.insertEntry(row);
		return row;
	}

	async removeEntry(actor: Actor, entryId: string): Promise<void> {
		const entry = typeof entryId === 'string' && entryId.length <= 64 ? await this.indicators.findEntry(entryId) : undefined;
		if (!entry) throw new NotFoundError('program.indicatorNotFound');
		await this.indicatorFor(actor, entry.indicator_id);
		await this.indicators.deleteEntry(entry.id);
	}
}

function isStandard(i: Indicator): boolean {
	return i.source === 'auto' && isMetric(i.key) && i.metric === i.key;
}

function toView(r: Indicator, values: MetricValues, entries: IndicatorEntry[]): IndicatorView {
	const latest = entries.reduce<IndicatorEntry | null>((best, e) => (!best || e.on_date > best.on_date || (e.on_date === best.on_date && e.created_at >= best.created_at) ? e : best), null);
	const value = r.source === 'auto' ? (isMetric(r.metric) ? values[r.metric] : null) : latest ? Number(latest.value) : null;
	const baseline = r.baseline === null ? null : Number(r.baseline);
	const target = r.target === null ? null : Number(r.target);
	const from = baseline ?? 0;
	const progress = value !== null && target !== null && target !== from ? Math.max(0, Math.min(100, Math.round(((value - from) / (target - from)) * 100))) : null;
	return {
		id: r.id,
		key: r.key,
		label: r.label,
		unit: r.unit,
		source: r.source,
		metric: isMetric(r.metric) ? r.metric : null,
		baseline,
		target,
		value,
		valueOn: r.source === 'manual' ? (latest?.on_date ?? null) : null,
		progress,
		standard: isStandard(r),
		entries
	};
}

/** Average listing score (0–100) of the community's published products; null when none is published. */
function averageListingScore({ products, photos }: Awaited<ReturnType<MetricsRepository['publishedListings']>>): number | null {
	if (products.length === 0) return null;
	const byProduct = photosByProduct(photos);
	const sum = products.reduce((s, p) => s + listingScore(p, byProduct), 0);
	return Math.round(sum / products.length);
}

/** `Jumlah UMKM yang Memakai QRIS` → `jumlah_umkm_yang_memakai_qris` (≤ 40 characters). */
function indicatorKey(label: string): string {
	const k = label
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40)
		.replace(/_+$/g, '');
	return k || 'indikator';
}

/** The last `n` WIB months up to the current one, oldest first, as `YYYY-MM`. */
export function lastMonths(now: Date, n: number): string[] {
	const wib = new Date(now.getTime() + 7 * 3_600_000);
	const out: string[] = [];
	for (let i = n - 1; i >= 0; i--) {
		const d = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() - i, 1));
		out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
	}
	return out;
}

import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/guards';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validate';
import { processPhoto } from '../media/image-pipeline';
import type { MediaStorage } from '../media/storage';
import { BUILT_IN_CASH_CATEGORIES, type CashKind, type CashMethod } from '../db/schema-cashbook';
import { cashCategorySchema, cashEntrySchema, cashRangeSchema, cashReverseSchema, MAX_CASH_RANGE_DAYS } from '../../validation/cashbook';
import { wibDay } from '../../utils/dates';
import { newId } from '../../utils/ids';
import type { CashCategory, CashEntryRow, CashSums, EntryRepository } from './entry.repository';
import { formSourceRef, isAutomaticSource, isUniqueViolation, parseFormToken } from './form-token';

/** Receipt photos are private (`r/`, never served by the public /media route): a shop's receipts show its suppliers and prices. */
const RECEIPT_PREFIX = 'r';
/** How many categories of its own a shop may add (a list past this is no longer a choice a seller can scan). */
export const MAX_OWN_CATEGORIES = 60;
/** Indonesian names of the built-in categories, as a shop's own category's `name_key` would be: "Transport" again is refused. */
const BUILT_IN_NAME_KEYS: Record<string, string> = {
	penjualan: 'penjualan',
	bahan_baku: 'bahan baku',
	kemasan: 'kemasan',
	transport: 'transport',
	gaji: 'gaji',
	sewa: 'sewa',
	listrik_air: 'listrik & air',
	lainnya: 'lainnya'
};

/** income − expense is profit; prive and modal never touch it. `byMethod` is the net cash per way of paying. */
export interface CashSummary {
	income: number;
	expense: number;
	prive: number;
	modal: number;
	profit: number;
	byMethod: Record<CashMethod, number>;
}

/** One entry as pages and the API show it. `categoryName` is set for the shop's own categories (built-ins are translated by key). */
export interface CashEntryView {
	id: string;
	kind: CashKind;
	amount: number;
	date: string;
	category: string;
	categoryName: string | null;
	method: CashMethod;
	note: string;
	hasPhoto: boolean;
	/** The entry this one reverses (this one is a correction), or null. */
	reversesId: string | null;
	/** The entry that reversed this one, or null. */
	reversedBy: string | null;
	/** Posted automatically (an order, a debt payment): `order:…`, `debt:…`; null when typed by hand (a form's token is not shown). */
	source: string | null;
	orderId: string | null;
	createdAt: string;
}

/**
 * Where an automatic entry came from, said in plain words on its page ("Dicatat otomatis dari pesanan #KODE"): the
 * order completed (or cancelled after completion) — by the seller or by a coordinator helping in the inbox, the entry is
 * the shop's own and names no one — or the debt whose payment it is. Null for an entry typed by hand.
 */
export type CashEntryOrigin = { kind: 'order' | 'orderCancelled'; orderId: string; code: string } | { kind: 'debt'; debtId: string } | null;

export interface CashCategoryChoice {
	key: string;
	/** The shop's own name; null for a built-in (translated as `cashbook.cat.<key>`). */
	name: string | null;
}

/** The sums of rows grouped by kind and method, as a summary. Pure: the one formula behind every total of the book. */
export function summarise(sums: CashSums[]): CashSummary {
	const s: CashSummary = { income: 0, expense: 0, prive: 0, modal: 0, profit: 0, byMethod: { tunai: 0, transfer: 0, qris: 0 } };
	for (const { kind, method, total } of sums) {
		s[kind] += total;
		s.byMethod[method] += kind === 'income' || kind === 'modal' ? total : -total;
	}
	s.profit = s.income - s.expense;
	return s;
}

/**
 * A shop's cash book is its seller's alone: the owner (and the server itself) may read and write it; another
 * shop's seller, the community's coordinator and facilitators and platform admins are told it does not exist.
 * Returns the acting user's id (null for the system). Reused by the debts and report services.
 */
export function requireCashbookOwner(actor: Actor, shopId: string, notFound: () => Error = () => new NotFoundError('cashbook.notFound')): string | null {
	if (actor.kind === 'system') return null;
	if (actor.kind !== 'user') requireUser(actor);
	if (actor.kind === 'user' && actor.shopIds.includes(shopId)) return actor.userId;
	throw notFound();
}

/** First and last day of the month (WIB) a day falls in. */
export function monthOf(day: string): { from: string; to: string } {
	const [y, m] = day.split('-').map(Number);
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { from: `${day.slice(0, 7)}-01`, to: `${day.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

const invalid = (field: string, messageKey: ConstructorParameters<typeof ValidationError>[0]) =>
	new ValidationError('error.invalidInput', {}, [{ field, messageKey, params: {} }], 400);

/**
 * The seller's ledger (issue 11): entries typed by hand (income, expense, prive, modal), corrections as reversing
 * entries, the shop's own categories, receipt photos and the one summary every total is made from. Append-only:
 * nothing here updates or deletes an entry.
 */
export class CashbookService {
	constructor(
		private readonly entries: EntryRepository,
		private readonly storage: MediaStorage,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** Today in WIB. */
	today(): string {
		return wibDay(this.clock().getTime());
	}

	/**
	 * Records one entry. Refused with field messages and nothing stored: an amount ≤ 0, over Rp 1 triliun or not a
	 * number; a day that is not a day or after today (WIB); a method or kind not known; a category that is not
	 * the kind's built-in or the shop's own. An empty day is today. The receipt photo (optional) goes through the
	 * media pipeline and is stored privately.
	 */
	async record(actor: Actor, shopId: string, input: unknown, photo?: Buffer | null): Promise<CashEntryView> {
		return (await this.recordOnce(actor, shopId, input, null, photo)).entry;
	}

	/**
	 * `record` with a one-time token (a form's, or the API's `Idempotency-Key`): the first submission stores the entry;
	 * any later one with the same token — a double tap, a resent POST, two at the same moment — stores nothing and
	 * answers with the first entry, `replayed: true`. The token is the shop's own (another shop's same token is unrelated).
	 */
	async recordOnce(actor: Actor, shopId: string, input: unknown, token: string | null | undefined, photo?: Buffer | null): Promise<{ entry: CashEntryView; replayed: boolean }> {
		const userId = requireCashbookOwner(actor, shopId);
		const key = parseFormToken(token);
		const sourceRef = key ? formSourceRef(shopId, key) : null;
		const first = sourceRef ? await this.entries.findBySource(shopId, sourceRef) : undefined;
		if (first) return { entry: await this.view(shopId, first), replayed: true };
		const data = parseInput(cashEntrySchema, input, 400);
		const today = this.today();
		const day = data.date ?? today;
		if (day > today) throw invalid('date', 'cashbook.date.future');
		const category = await this.categoryFor(shopId, data.kind, data.category);
		let photoKey: string | null = null;
		if (photo && photo.length > 0) {
			const processed = await processPhoto(this.storage, photo, { prefix: RECEIPT_PREFIX });
			photoKey = (processed.variants.find((v) => v.name === 'large') ?? processed.variants[0]).key;
		}
		const id = await this.entries.post({
			shopId,
			kind: data.kind,
			amount: data.amount,
			occurredOn: day,
			category,
			method: data.method,
			note: data.note ?? '',
			photoKey,
			sourceRef,
			byUserId: userId,
			at: this.clock().toISOString()
		});
		// null: the same token was stored a moment ago by a request that arrived at the same time
		if (!id && sourceRef) return { entry: await this.view(shopId, await this.mustFindBySource(shopId, sourceRef)), replayed: true };
		return { entry: await this.view(shopId, await this.mustFind(id)), replayed: false };
	}

	/**
	 * Corrects an entry without deleting it: a new entry of the same kind, category and method, −amount, on the
	 * original's day (so that day's and month's totals become right), with the reason as its note. Each entry is
	 * reversed once (a second try → 409, also when two arrive at the same moment: `reverses_id` is unique); a
	 * reversal is not reversed again (409: record the right entry instead); an automatic posting (an order, a debt
	 * payment) is corrected where it came from (409).
	 */
	async reverse(actor: Actor, entryId: string, input: unknown = {}): Promise<CashEntryView> {
		return (await this.reverseOnce(actor, entryId, input, null)).entry;
	}

	/** `reverse` with a one-time token (the correction form's): the same token again answers with the first reversal, `replayed: true`. */
	async reverseOnce(actor: Actor, entryId: string, input: unknown, token: string | null | undefined): Promise<{ entry: CashEntryView; replayed: boolean }> {
		const entry = await this.entries.findById(String(entryId));
		if (!entry) throw new NotFoundError('cashbook.entry.notFound');
		const userId = requireCashbookOwner(actor, entry.shop_id, () => new NotFoundError('cashbook.entry.notFound'));
		const key = parseFormToken(token);
		const sourceRef = key ? formSourceRef(entry.shop_id, key) : null;
		const replay = async () => {
			const first = sourceRef ? await this.entries.findBySource(entry.shop_id, sourceRef) : undefined;
			if (!first) return null;
			if (first.reverses_id !== entry.id) throw new DomainError('token_used', 'cashbook.token.used', 409);
			return { entry: await this.view(entry.shop_id, first), replayed: true };
		};
		const again = await replay();
		if (again) return again;
		const { reason } = parseInput(cashReverseSchema, input ?? {}, 400);
		if (entry.reverses_id) throw new DomainError('is_reversal', 'cashbook.reverse.ofReversal', 409);
		if (isAutomaticSource(entry.source_ref)) throw new DomainError('automatic_entry', 'cashbook.reverse.automatic', 409);
		if (entry.reversed_by) throw new DomainError('already_reversed', 'cashbook.reverse.already', 409);
		let id: string | null;
		try {
			id = await this.entries.post({
				shopId: entry.shop_id,
				kind: entry.kind,
				amount: -entry.amount,
				occurredOn: entry.occurred_on,
				category: entry.category,
				method: entry.method,
				note: reason ?? '',
				reversesId: entry.id,
				sourceRef,
				byUserId: userId,
				at: this.clock().toISOString()
			});
		} catch (e) {
			if (!isUniqueViolation(e)) throw e;
			const first = await replay();
			if (first) return first;
			throw new DomainError('already_reversed', 'cashbook.reverse.already', 409);
		}
		if (!id) {
			const first = await replay();
			if (first) return first;
			throw new DomainError('already_reversed', 'cashbook.reverse.already', 409);
		}
		return { entry: await this.view(entry.shop_id, await this.mustFind(id)), replayed: false };
	}

	/** One entry of the actor's shop with what corrects it (or what it corrects); anyone else 404. */
	async get(actor: Actor, entryId: string): Promise<{ entry: CashEntryView; related: CashEntryView | null; origin: CashEntryOrigin }> {
		const entry = await this.entries.findById(String(entryId));
		if (!entry) throw new NotFoundError('cashbook.entry.notFound');
		requireCashbookOwner(actor, entry.shop_id, () => new NotFoundError('cashbook.entry.notFound'));
		const relatedId = entry.reversed_by ?? entry.reverses_id;
		const related = relatedId ? await this.entries.findById(relatedId) : undefined;
		const names = await this.categoryNames(entry.shop_id);
		return { entry: toView(entry, names), related: related ? toView(related, names) : null, origin: await this.origin(entry) };
	}

	private async origin(entry: CashEntryRow): Promise<CashEntryOrigin> {
		const ref = entry.source_ref ?? '';
		if (ref.startsWith('order:') && entry.order_id) {
			const code = await this.entries.orderCode(entry.shop_id, entry.order_id);
			return code ? { kind: ref.endsWith(':batal') ? 'orderCancelled' : 'order', orderId: entry.order_id, code } : null;
		}
		if (ref.startsWith('debt:')) {
			const debtId = await this.entries.debtOfPayment(entry.shop_id, ref.slice('debt:'.length));
			return debtId ? { kind: 'debt', debtId } : null;
		}
		return null;
	}

	/** The receipt photo of an entry (WebP bytes) for the shop's seller; anyone else, or no photo, 404. */
	async photo(actor: Actor, entryId: string): Promise<Buffer> {
		const entry = await this.entries.findById(String(entryId));
		if (!entry) throw new NotFoundError('cashbook.entry.notFound');
		requireCashbookOwner(actor, entry.shop_id, () => new NotFoundError('cashbook.entry.notFound'));
		const data = entry.photo_key ? await this.storage.get(entry.photo_key) : null;
		if (!data) throw new NotFoundError('cashbook.photo.notFound');
		return data;
	}

	/** The totals of [from, to] (days, WIB). The ONE summary: pages, API, reports and the program's aggregates use it. */
	async summary(actor: Actor, shopId: string, from: string, to: string): Promise<CashSummary> {
		requireCashbookOwner(actor, shopId);
		return summarise(await this.entries.sums(shopId, from, to));
	}

	/** The book over `?from=&to=` (empty ends: this month): its entries newest first and its summary. */
	async book(actor: Actor, shopId: string, query: unknown = {}): Promise<{ from: string; to: string; entries: CashEntryView[]; summary: CashSummary }> {
		requireCashbookOwner(actor, shopId);
		const { from, to } = this.range(query);
		const [rows, sums, names] = await Promise.all([this.entries.listRange(shopId, from, to), this.entries.sums(shopId, from, to), this.categoryNames(shopId)]);
		return { from, to, entries: rows.map((r) => toView(r, names)), summary: summarise(sums) };
	}

	/** The home page: today's and this month's totals and the latest entries written. */
	async home(actor: Actor, shopId: string, latest = 10) {
		requireCashbookOwner(actor, shopId);
		const today = this.today();
		const month = monthOf(today);
		const [todaySums, monthSums, rows, names] = await Promise.all([
			this.entries.sums(shopId, today, today),
			this.entries.sums(shopId, month.from, month.to),
			this.entries.latest(shopId, latest),
			this.categoryNames(shopId)
		]);
		return { today, month, todaySummary: summarise(todaySums), monthSummary: summarise(monthSums), latest: rows.map((r) => toView(r, names)) };
	}

	/** The categories an entry of each kind may take: the built-ins, then the shop's own. */
	async categories(actor: Actor, shopId: string): Promise<Record<'income' | 'expense', CashCategoryChoice[]>> {
		requireCashbookOwner(actor, shopId);
		const own = await this.entries.categories(shopId);
		const list = (kind: 'income' | 'expense') => [
			...BUILT_IN_CASH_CATEGORIES[kind].map((key) => ({ key, name: null })),
			...own.filter((c) => c.kind === kind).map((c) => ({ key: c.id, name: c.name }))
		];
		return { income: list('income'), expense: list('expense') };
	}

	/** Adds a category of the shop's own; the same name again (any case or spacing, or a built-in's) is refused kindly (409). */
	async addCategory(actor: Actor, shopId: string, input: unknown): Promise<CashCategory> {
		requireCashbookOwner(actor, shopId);
		const parsed = parseInput(cashCategorySchema, input, 400);
		const { kind } = parsed;
		const name = parsed.name.replace(/\s+/g, ' ');
		const nameKey = name.toLocaleLowerCase('id');
		const duplicate = () => new DomainError('duplicate_category', 'cashbook.category.duplicate', 409, { name }, [{ field: 'name', messageKey: 'cashbook.category.duplicate', params: { name } }]);
		if ((BUILT_IN_CASH_CATEGORIES[kind] as readonly string[]).some((k) => BUILT_IN_NAME_KEYS[k] === nameKey)) throw duplicate();
		if ((await this.entries.countCategories(shopId)) >= MAX_OWN_CATEGORIES)
			throw new DomainError('too_many_categories', 'cashbook.category.tooMany', 409, { max: MAX_OWN_CATEGORIES });
		const row: CashCategory = { id: newId('kat'), shop_id: shopId, kind, name, name_key: nameKey, created_at: this.clock().toISOString() };
		if (!(await this.entries.insertCategory(row))) throw duplicate();
		return row;
	}

	private range(query: unknown): { from: string; to: string } {
		const q = parseInput(cashRangeSchema, query, 400);
		const month = monthOf(this.today());
		const from = q.from ?? (q.to ? monthOf(q.to).from : month.from);
		const to = q.to ?? (q.from ? monthOf(q.from).to : month.to);
		if (to < from) throw invalid('to', 'cashbook.range.order');
		if ((dayMs(to) - dayMs(from)) / 86_400_000 > MAX_CASH_RANGE_DAYS) throw invalid('to', 'cashbook.range.tooLong');
		return { from, to };
	}

	/** The stored category of an entry: '' for prive and modal; the kind's built-in or the shop's own `kat_…` otherwise. */
	private async categoryFor(shopId: string, kind: CashKind, given: string | undefined): Promise<string> {
		if (kind === 'prive' || kind === 'modal') return '';
		if (!given) return kind === 'income' ? 'penjualan' : 'lainnya';
		if ((BUILT_IN_CASH_CATEGORIES[kind] as readonly string[]).includes(given)) return given;
		const own = given.startsWith('kat_') ? await this.entries.findCategory(shopId, given) : undefined;
		if (own && own.kind === kind) return own.id;
		throw invalid('category', 'cashbook.category.invalid');
	}

	private async categoryNames(shopId: string): Promise<Map<string, string>> {
		return new Map((await this.entries.categories(shopId)).map((c) => [c.id, c.name]));
	}

	private async view(shopId: string, row: CashEntryRow): Promise<CashEntryView> {
		return toView(row, await this.categoryNames(shopId));
	}

	private async mustFindBySource(shopId: string, sourceRef: string): Promise<CashEntryRow> {
		const row = await this.entries.findBySource(shopId, sourceRef);
		if (!row) throw new Error('cash entry of a token just used was not found');
		return row;
	}

	private async mustFind(id: string | null): Promise<CashEntryRow> {
		const row = id ? await this.entries.findById(id) : undefined;
		if (!row) throw new Error('cash entry just written was not found');
		return row;
	}
}

function toView(r: CashEntryRow, names: Map<string, string>): CashEntryView {
	return {
		id: r.id,
		kind: r.kind,
		amount: r.amount,
		date: r.occurred_on,
		category: r.category,
		categoryName: names.get(r.category) ?? null,
		method: r.method,
		note: r.note,
		hasPhoto: !!r.photo_key,
		reversesId: r.reverses_id,
		reversedBy: r.reversed_by,
		source: isAutomaticSource(r.source_ref) ? r.source_ref : null,
		orderId: r.order_id,
		createdAt: r.created_at
	};
}

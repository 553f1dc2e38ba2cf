import type { Actor } from '../auth/actor';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import type { MessageKey } from '../../i18n';
import { parseInput } from '../validate';
import type { ShopRepository } from '../shops/shop.repository';
import { BUILT_IN_CASH_CATEGORIES, type CashMethod } from '../db/schema-cashbook';
import { debtCancelSchema, debtPaymentSchema, debtSchema, DEBT_DIRECTIONS } from '../../validation/debts';
import { normalizeWhatsapp } from '../../utils/phone';
import { formatRupiah } from '../../utils/money';
import { formatDay, wibDay } from '../../utils/dates';
import { newId } from '../../utils/ids';
import { requireCashbookOwner } from './cashbook.service';
import type { DebtDirection, DebtPaymentRow, DebtRepository, DebtRow } from './debt.repository';
import { isUniqueViolation, parseFormToken } from './form-token';

export interface DebtView {
	id: string;
	direction: DebtDirection;
	name: string;
	/** `62…`, or '' when not known. */
	whatsapp: string;
	amount: number;
	paid: number;
	/** What is still owed: 0 once paid in full or written off. */
	outstanding: number;
	/** `YYYY-MM-DD` (WIB) or null. */
	dueDate: string | null;
	/** Still owed and the due day has passed (WIB). */
	overdue: boolean;
	state: 'open' | 'paid' | 'cancelled';
	category: string;
	note: string;
	createdAt: string;
	cancelledAt: string | null;
	cancelReason: string | null;
	/** A polite wa.me reminder (Indonesian) for a receivable still owed by someone with a number; null otherwise. */
	whatsappUrl: string | null;
}

export interface DebtPaymentView {
	id: string;
	amount: number;
	method: CashMethod;
	date: string;
	createdAt: string;
	entryId: string;
}

export interface DebtList {
	direction: DebtDirection;
	/** Still owed first (overdue, then by due day, undated last, oldest first), then settled and written off, newest first. */
	debts: DebtView[];
	totalOutstanding: number;
	openCount: number;
	overdueCount: number;
}

const invalid = (field: string, messageKey: MessageKey, status: 400 | 422 = 400) => new ValidationError('error.invalidInput', {}, [{ field, messageKey, params: {} }], status);
const notFound = () => new NotFoundError('debts.notFound');

/**
 * Receivables (utang pelanggan: a sale not yet paid) and payables (utang ke pemasok), issue 11. Creating one posts
 * nothing (the book counts money when it moves); each payment posts income (receivable) or expense (payable) in the
 * transaction that raises `paid`, and never past the amount. Only the shop's own seller sees or touches them: another
 * seller, a coordinator or facilitator gets 404 and nothing changes.
 */
export class DebtService {
	constructor(
		private readonly debts: DebtRepository,
		private readonly shops: ShopRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	private today(): string {
		return wibDay(this.clock().getTime());
	}

	/** Records a receivable or payable. Refused with field messages, nothing stored: see debtSchema; a number that is not an Indonesian mobile. */
	async create(actor: Actor, shopId: string, input: unknown): Promise<DebtView> {
		return (await this.createOnce(actor, shopId, input, null)).debt;
	}

	/**
	 * `create` with a one-time token (the form's, or the API's Idempotency-Key): the same token again — a double tap,
	 * a resent form, two at the same moment — records nothing and answers with the first debt, `replayed: true`.
	 */
	async createOnce(actor: Actor, shopId: string, input: unknown, token: string | null | undefined): Promise<{ debt: DebtView; replayed: boolean }> {
		const userId = requireCashbookOwner(actor, shopId);
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('cashbook.notFound');
		const formRef = parseFormToken(token);
		const first = formRef ? await this.debts.findByFormRef(shopId, formRef) : undefined;
		if (first) return { debt: this.view(first, shop.name), replayed: true };
		const data = parseInput(debtSchema, input, 400);
		let whatsapp = '';
		if (data.whatsapp) {
			const n = normalizeWhatsapp(data.whatsapp);
			if (!n) throw invalid('whatsapp', 'debts.whatsapp.invalid');
			whatsapp = n;
		}
		const allowed: readonly string[] = data.direction === 'receivable' ? BUILT_IN_CASH_CATEGORIES.income : BUILT_IN_CASH_CATEGORIES.expense;
		const category = data.category || (data.direction === 'receivable' ? 'penjualan' : 'lainnya');
		if (!allowed.includes(category)) throw invalid('category', 'debts.category.invalid');
		const id = newId('utg');
		const inserted = await this.debts.insert({ id, shopId, direction: data.direction, partyName: data.name, partyWhatsapp: whatsapp, amount: data.amount, dueOn: data.dueDate, category, note: data.note ?? '', byUserId: userId, at: this.clock().toISOString(), formRef });
		// not inserted: the same token was stored a moment ago by a request that arrived at the same time
		if (!inserted && formRef) return { debt: this.view((await this.debts.findByFormRef(shopId, formRef))!, shop.name), replayed: true };
		return { debt: this.view((await this.debts.find(id))!, shop.name), replayed: false };
	}

	/** A shop's receivables or payables, who owes what: still owed first, overdue and oldest at the top. */
	async list(actor: Actor, shopId: string, direction: string): Promise<DebtList> {
		requireCashbookOwner(actor, shopId);
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('cashbook.notFound');
		const dir: DebtDirection = (DEBT_DIRECTIONS as readonly string[]).includes(direction) ? (direction as DebtDirection) : 'receivable';
		const views = (await this.debts.listByShop(shopId, dir)).map((d) => this.view(d, shop.name));
		const open = views.filter((d) => d.state === 'open');
		open.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.createdAt.localeCompare(b.createdAt));
		const closed = views.filter((d) => d.state !== 'open').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
		return { direction: dir, debts: [...open, ...closed], totalOutstanding: open.reduce((s, d) => s + d.outstanding, 0), openCount: open.length, overdueCount: open.filter((d) => d.overdue).length };
	}

	/** One debt with its payments, for its shop's seller only. */
	async get(actor: Actor, debtId: string): Promise<{ debt: DebtView; payments: DebtPaymentView[]; shopId: string }> {
		const debt = await this.owned(actor, debtId);
		const shop = await this.shops.findById(debt.shop_id);
		const payments = await this.debts.payments(debt.id);
		return {
			debt: this.view(debt, shop?.name ?? ''),
			payments: payments.map(paymentView),
			shopId: debt.shop_id
		};
	}

	/**
	 * Records a payment (part or all of what is still owed) and posts it to the book in the same transaction. More than
	 * is owed → 409 naming what is left, also when two payments race; a written-off debt → 409; a day after today (WIB)
	 * or before the day (WIB) the debt was recorded → 400. Nothing is stored when refused. `only`: the caller addressed a receivable (the API's route) — a payable is 404 there.
	 */
	async pay(actor: Actor, debtId: string, input: unknown, only?: DebtDirection, token?: string | null): Promise<{ payment: DebtPaymentView; debt: DebtView; replayed: boolean }> {
		const debt = await this.owned(actor, debtId, only);
		const userId = actor.kind === 'user' ? actor.userId : null;
		// With a one-time token (the form's, the API's Idempotency-Key) a payment is recorded once: the same token again
		// — a double tap, a resent form, two at the same moment — records nothing and answers with the first payment.
		const formRef = parseFormToken(token);
		const replay = async () => {
			const first = formRef ? await this.debts.paymentByFormRef(debt.shop_id, formRef) : undefined;
			if (!first) return null;
			if (first.debt_id !== debt.id) throw new DomainError('token_used', 'cashbook.token.used', 409);
			return { payment: paymentView(first), debt: this.view((await this.debts.find(debt.id))!, (await this.shops.findById(debt.shop_id))?.name ?? ''), replayed: true };
		};
		const again = await replay();
		if (again) return again;
		const data = parseInput(debtPaymentSchema, input, 400);
		const today = this.today();
		const day = data.date ?? today;
		// Money received or paid is counted on the day it moved: never a day that has not come yet (as in the cash book).
		if (day > today) throw invalid('date', 'cashbook.date.future');
		// …nor before the debt was recorded: money cannot be paid back on a debt that did not exist yet
		const recorded = wibDay(Date.parse(debt.created_at));
		if (day < recorded) {
			const params = { day: formatDay(recorded, 'id') };
			throw new ValidationError('error.invalidInput', {}, [{ field: 'date', messageKey: 'debts.pay.beforeDebt', params }], 400);
		}
		if (debt.cancelled_at) throw new DomainError('debt_cancelled', 'debts.pay.cancelled', 409);
		const id = newId('byr');
		const at = this.clock().toISOString();
		const note = `${debt.direction === 'receivable' ? 'Bayar utang' : 'Bayar ke pemasok'}: ${debt.party_name}`;
		let done: { entryId: string } | null;
		try {
			done = await this.debts.pay(debt, { id, amount: data.amount, method: data.method, paidOn: day, byUserId: userId, at, note, formRef });
		} catch (e) {
			const first = isUniqueViolation(e) ? await replay() : null;
			if (first) return first;
			throw e;
		}
		if (!done) {
			const first = await replay();
			if (first) return first;
			const now = (await this.debts.find(debt.id))!;
			if (now.cancelled_at) throw new DomainError('debt_cancelled', 'debts.pay.cancelled', 409);
			const left = now.amount - now.paid;
			throw new DomainError('overpayment', left > 0 ? 'debts.pay.tooMuch' : 'debts.pay.settled', 409, { outstanding: formatRupiah(left) }, [
				{ field: 'amount', messageKey: left > 0 ? 'debts.pay.tooMuch' : 'debts.pay.settled', params: { outstanding: formatRupiah(left) } }
			]);
		}
		const shop = await this.shops.findById(debt.shop_id);
		return {
			payment: { id, amount: data.amount, method: data.method, date: day, createdAt: at, entryId: done.entryId },
			debt: this.view((await this.debts.find(debt.id))!, shop?.name ?? ''),
			replayed: false
		};
	}

	/** Writes off / cancels a debt with a reason (kept, shown); no longer owed. A second time → 409. Payments stay in the book. */
	async cancel(actor: Actor, debtId: string, input: unknown): Promise<void> {
		const debt = await this.owned(actor, debtId);
		const data = parseInput(debtCancelSchema, input, 400);
		if (!(await this.debts.cancel(debt.id, data.reason, this.clock().toISOString()))) throw new DomainError('debt_cancelled', 'debts.cancel.already', 409);
	}

	/** The debt for its shop's seller (404 for anyone else, or when it is not of the `only` direction asked for). */
	private async owned(actor: Actor, debtId: string, only?: DebtDirection): Promise<DebtRow> {
		const debt = typeof debtId === 'string' && debtId.length <= 64 ? await this.debts.find(debtId) : undefined;
		if (!debt || (only && debt.direction !== only)) throw notFound();
		requireCashbookOwner(actor, debt.shop_id, notFound);
		return debt;
	}

	private view(d: DebtRow, shopName: string): DebtView {
		const state = d.cancelled_at ? 'cancelled' : d.paid >= d.amount ? 'paid' : 'open';
		const outstanding = state === 'open' ? d.amount - d.paid : 0;
		const overdue = state === 'open' && d.due_on !== null && d.due_on < this.today();
		return {
			id: d.id,
			direction: d.direction,
			name: d.party_name,
			whatsapp: d.party_whatsapp,
			amount: d.amount,
			paid: d.paid,
			outstanding,
			dueDate: d.due_on,
			overdue,
			state,
			category: d.category,
			note: d.note,
			createdAt: d.created_at,
			cancelledAt: d.cancelled_at,
			cancelReason: d.cancel_reason,
			whatsappUrl: d.direction === 'receivable' && state === 'open' && d.party_whatsapp ? `https://wa.me/${d.party_whatsapp}?text=${encodeURIComponent(reminderText(d.party_name, shopName, outstanding, d.due_on))}` : null
		};
	}
}

const paymentView = (p: DebtPaymentRow): DebtPaymentView => ({ id: p.id, amount: p.amount, method: p.method, date: p.paid_on, createdAt: p.created_at, entryId: p.entry_id });

/**
 * The reminder a seller sends a customer who still owes: greeting by name, the shop, what is left and (when set) the
 * due day, and a way out if it was already paid. Indonesian (the customer's language), friendly, no threats.
 */
export function reminderText(name: string, shopName: string, outstanding: number, dueOn: string | null): string {
	const due = dueOn ? ` yang jatuh tempo ${formatDay(dueOn, 'id')}` : '';
	return `Halo ${name}, ini dari ${shopName}. Sekadar mengingatkan, masih ada sisa pembayaran ${formatRupiah(outstanding)}${due}. Kalau sudah dibayar, mohon abaikan pesan ini. Terima kasih banyak.`;
}

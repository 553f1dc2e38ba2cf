import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { CashDebtPaymentTable, CashDebtTable, CashMethod } from '../db/schema-cashbook';
import { postEntry } from './post-entry';

export type DebtRow = Selectable<CashDebtTable>;
export type DebtPaymentRow = Selectable<CashDebtPaymentTable>;
export type DebtDirection = DebtRow['direction'];

export interface NewDebt {
	id: string;
	shopId: string;
	direction: DebtDirection;
	partyName: string;
	partyWhatsapp: string;
	amount: number;
	dueOn: string | null;
	category: string;
	note: string;
	byUserId: string | null;
	at: string;
	/** The one-time form token / Idempotency-Key it was recorded with (unique per shop), or null. */
	formRef?: string | null;
}

export interface NewDebtPayment {
	id: string;
	amount: number;
	method: CashMethod;
	paidOn: string;
	byUserId: string | null;
	at: string;
	/** The ledger entry's note ("Bayar utang: Bu Siti"). */
	note: string;
	/** The one-time form token / Idempotency-Key it was recorded with (unique per shop), or null. */
	formRef?: string | null;
}

/** bigint columns come back as numbers on both databases; cast anyway so a driver change cannot turn sums into text. */
const debtNumbers = (r: DebtRow): DebtRow => ({ ...r, amount: Number(r.amount), paid: Number(r.paid) });
const paymentNumbers = (r: DebtPaymentRow): DebtPaymentRow => ({ ...r, amount: Number(r.amount) });

/** Receivables and payables (cash_debt) and their payments: SQL only; who may do what is DebtService's. */
export class DebtRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/** Inserts a debt; false when the shop already has one recorded with the same `formRef` (nothing inserted). */
	async insert(d: NewDebt): Promise<boolean> {
		const r = await this.db
			.insertInto('cash_debt')
			.values({
				id: d.id,
				shop_id: d.shopId,
				direction: d.direction,
				party_name: d.partyName,
				party_whatsapp: d.partyWhatsapp,
				amount: d.amount,
				paid: 0,
				due_on: d.dueOn,
				category: d.category,
				note: d.note,
				form_ref: d.formRef ?? null,
				created_by: d.byUserId,
				created_at: d.at
			})
			.onConflict((oc) => oc.columns(['shop_id', 'form_ref']).doNothing())
			.returning('id')
			.executeTakeFirst();
		return !!r;
	}

	/** The shop's debt recorded with a form token; another shop's is never found. */
	async findByFormRef(shopId: string, formRef: string): Promise<DebtRow | undefined> {
		const r = await this.db.selectFrom('cash_debt').selectAll().where('shop_id', '=', shopId).where('form_ref', '=', formRef).executeTakeFirst();
		return r && debtNumbers(r);
	}

	/** The shop's payment recorded with a form token; another shop's is never found. */
	async paymentByFormRef(shopId: string, formRef: string): Promise<DebtPaymentRow | undefined> {
		const r = await this.db.selectFrom('cash_debt_payment').selectAll().where('shop_id', '=', shopId).where('form_ref', '=', formRef).executeTakeFirst();
		return r && paymentNumbers(r);
	}

	async find(id: string): Promise<DebtRow | undefined> {
		const r = await this.db.selectFrom('cash_debt').selectAll().where('id', '=', id).executeTakeFirst();
		return r && debtNumbers(r);
	}

	/** A shop's debts of one direction (every state; the service orders them). */
	async listByShop(shopId: string, direction: DebtDirection): Promise<DebtRow[]> {
		const rows = await this.db.selectFrom('cash_debt').selectAll().where('shop_id', '=', shopId).where('direction', '=', direction).orderBy('created_at').orderBy('id').limit(1000).execute();
		return rows.map(debtNumbers);
	}

	async payments(debtId: string): Promise<DebtPaymentRow[]> {
		const rows = await this.db.selectFrom('cash_debt_payment').selectAll().where('debt_id', '=', debtId).orderBy('created_at').orderBy('id').execute();
		return rows.map(paymentNumbers);
	}

	/**
	 * Records a payment: `paid` grows by a conditional UPDATE (`… WHERE paid + x <= amount AND cancelled_at IS NULL`),
	 * the ledger entry (income for a receivable, expense for a payable; `debt:<paymentId>`) and the payment row follow in
	 * the same transaction. Two payments at the same moment cannot together pass the amount: the second finds the row
	 * changed and updates nothing. Null when nothing was recorded (too much, or written off meanwhile). A `formRef` the
	 * shop already used makes the payment row's insert fail (unique): the whole transaction rolls back, the error is thrown.
	 */
	async pay(debt: DebtRow, p: NewDebtPayment): Promise<{ entryId: string } | null> {
		return this.db.transaction().execute(async (trx) => {
			const r = await trx
				.updateTable('cash_debt')
				.set((eb) => ({ paid: eb('paid', '+', p.amount) }))
				.where('id', '=', debt.id)
				.where('cancelled_at', 'is', null)
				.where((eb) => eb(eb('paid', '+', p.amount), '<=', eb.ref('amount')))
				.executeTakeFirst();
			if (Number(r.numUpdatedRows) !== 1) return null;
			const entryId = await postEntry(trx, {
				shopId: debt.shop_id,
				kind: debt.direction === 'receivable' ? 'income' : 'expense',
				amount: p.amount,
				occurredOn: p.paidOn,
				category: debt.category,
				method: p.method,
				note: p.note,
				sourceRef: `debt:${p.id}`,
				byUserId: p.byUserId,
				at: p.at
			});
			if (!entryId) throw new Error(`debt payment ${p.id} posted twice`);
			await trx
				.insertInto('cash_debt_payment')
				.values({ id: p.id, debt_id: debt.id, shop_id: debt.shop_id, amount: p.amount, method: p.method, paid_on: p.paidOn, entry_id: entryId, form_ref: p.formRef ?? null, created_by: p.byUserId, created_at: p.at })
				.execute();
			return { entryId };
		});
	}

	/** Writes a debt off / cancels it with a reason, once; false when it was already. Its payments (real money) stay. */
	async cancel(debtId: string, reason: string, at: string): Promise<boolean> {
		const r = await this.db.updateTable('cash_debt').set({ cancelled_at: at, cancel_reason: reason }).where('id', '=', debtId).where('cancelled_at', 'is', null).executeTakeFirst();
		return Number(r.numUpdatedRows) === 1;
	}
}

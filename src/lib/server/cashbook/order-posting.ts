import type { Transaction } from 'kysely';
import type { DB, PaymentMethod, ShopOrder } from '../db/schema';
import type { CashMethod } from '../db/schema-cashbook';
import { wibDay } from '../../utils/dates';
import { postEntry } from './post-entry';

/** How the buyer paid → how the money reached the seller: cash on delivery is cash in hand. */
export const ORDER_CASH_METHOD: Record<PaymentMethod, CashMethod> = { cod: 'tunai', transfer: 'transfer', qris: 'qris' };

/** The ledger's source of an order's income, and of its reversal when the completed order is cancelled. */
export const orderSourceRef = (orderId: string) => `order:${orderId}`;
export const orderReversalRef = (orderId: string) => `order:${orderId}:batal`;

/**
 * Posts a completed order's income: kind income, category penjualan, the order's TOTAL (delivery fee included — the
 * seller delivers locally and the buyer pays them the whole total, in cash, by transfer or by the dynamic QRIS built for
 * the total; what delivering costs the seller is their own transport expense), method from the payment method, on the
 * WIB day of completion. Call it inside the transaction that sets `selesai`; posted at most once (`order:<id>`).
 */
export async function postOrderIncome(trx: Transaction<DB>, order: Pick<ShopOrder, 'id' | 'code' | 'shop_id' | 'total' | 'payment_method'>, byUserId: string | null, at: string): Promise<string | null> {
	if (Number(order.total) <= 0) return null;
	return postEntry(trx, {
		shopId: order.shop_id,
		kind: 'income',
		amount: Number(order.total),
		occurredOn: wibDay(at),
		category: 'penjualan',
		method: ORDER_CASH_METHOD[order.payment_method],
		note: `Pesanan ${order.code}`,
		sourceRef: orderSourceRef(order.id),
		orderId: order.id,
		byUserId,
		at
	});
}

/**
 * Reverses a completed order's income when the order is cancelled after completion: −amount, the same kind, category,
 * method and day as the income (so that day's and month's totals net to zero), `reverses_id` = the income's id, posted at
 * most once (`order:<id>:batal`). An order completed before the cash book existed has no income and gets no reversal; an income
 * the seller already reversed by hand is not reversed twice.
 */
export async function reverseOrderIncome(trx: Transaction<DB>, order: Pick<ShopOrder, 'id' | 'code' | 'shop_id'>, byUserId: string | null, at: string): Promise<string | null> {
	const income = await trx.selectFrom('cash_entry').selectAll().where('source_ref', '=', orderSourceRef(order.id)).where('shop_id', '=', order.shop_id).executeTakeFirst();
	if (!income) return null;
	// Already reversed by hand in the cash book (one reversal per entry): the book balances already.
	if (await trx.selectFrom('cash_entry').select('id').where('reverses_id', '=', income.id).executeTakeFirst()) return null;
	return postEntry(trx, {
		shopId: order.shop_id,
		kind: income.kind,
		amount: -Number(income.amount),
		occurredOn: income.occurred_on,
		category: income.category,
		method: income.method,
		note: `Pesanan ${order.code} dibatalkan`,
		reversesId: income.id,
		sourceRef: orderReversalRef(order.id),
		orderId: order.id,
		byUserId,
		at
	});
}

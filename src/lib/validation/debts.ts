import { z } from 'zod';
import { rupiahField } from './money';
import { calendarDay } from './dates';
import { lineField, textField } from './text';
import { CASH_METHODS, MAX_CASH_AMOUNT } from './cashbook';

export const DEBT_DIRECTIONS = ['receivable', 'payable'] as const;

/**
 * A receivable (utang pelanggan: a sale not yet paid) or a payable (utang ke pemasok), from the form or the API. The
 * WhatsApp number is normalised by the service (empty allowed); the category is checked against the direction there.
 */
export const debtSchema = z.object({
	direction: z.enum(DEBT_DIRECTIONS, 'msg:debts.direction.invalid'),
	name: lineField('msg:debts.name.length').min(2, 'msg:debts.name.length').max(80, 'msg:debts.name.length'),
	whatsapp: lineField('msg:debts.whatsapp.invalid').max(40, 'msg:debts.whatsapp.invalid').optional(),
	amount: rupiahField(1, MAX_CASH_AMOUNT, 'msg:cashbook.amount.range'),
	dueDate: calendarDay('msg:debts.dueDate.invalid'),
	category: lineField('msg:debts.category.invalid').max(40, 'msg:debts.category.invalid').optional(),
	note: textField('msg:cashbook.note.tooLong').max(500, 'msg:cashbook.note.tooLong').optional()
});
export type DebtInput = z.input<typeof debtSchema>;

/** One payment of a debt: how much (never more than is still owed — the service's check), how, which day (empty: today). */
export const debtPaymentSchema = z.object({
	amount: rupiahField(1, MAX_CASH_AMOUNT, 'msg:cashbook.amount.range'),
	method: z.enum(CASH_METHODS, 'msg:cashbook.method.invalid'),
	date: calendarDay('msg:cashbook.date.invalid')
});
export type DebtPaymentInput = z.input<typeof debtPaymentSchema>;

/** Why a debt is written off or cancelled; kept and shown. */
export const debtCancelSchema = z.object({
	reason: textField('msg:debts.cancelReason').min(3, 'msg:debts.cancelReason').max(300, 'msg:debts.cancelReason')
});

import { z } from 'zod';
import { parseRupiah } from '../utils/money';
import { calendarDay } from './dates';
import { lineField, textField } from './text';

/** The largest amount one cash-book entry or debt may hold: Rp 1 triliun (bigint on PostgreSQL). */
export const MAX_CASH_AMOUNT = 1_000_000_000_000;
export const CASH_KINDS = ['income', 'expense', 'prive', 'modal'] as const;
export const CASH_METHODS = ['tunai', 'transfer', 'qris'] as const;
/** The longest range the book is read over at once (a year and a bit). */
export const MAX_CASH_RANGE_DAYS = 400;

/**
 * One entry typed by the seller (form or API). The day may be left empty (today, WIB); whether it is too far in the
 * future and whether the category exists for the kind are the service's checks (they need the clock and the shop).
 */
export const cashEntrySchema = z.object({
	kind: z.enum(CASH_KINDS, 'msg:cashbook.kind.invalid'),
	amount: cashAmount().meta({ description: 'Integer rupiah, 1 to 1000000000000 (a string such as "24.000" or "24rb" is read the Indonesian way)' }),
	date: calendarDay('msg:cashbook.date.invalid'),
	category: lineField('msg:cashbook.category.invalid').max(40, 'msg:cashbook.category.invalid').optional(),
	method: z.enum(CASH_METHODS, 'msg:cashbook.method.invalid'),
	note: textField('msg:cashbook.note.tooLong').max(500, 'msg:cashbook.note.tooLong').optional()
});
export type CashEntryInput = z.input<typeof cashEntrySchema>;

/**
 * The amount of an entry: empty → "Tulis jumlahnya"; a minus sign or 0 → "lebih dari Rp 0"; not a whole rupiah
 * amount → the shared money message; typed the Indonesian way ("24.000", "24rb") or a number from the API.
 */
function cashAmount() {
	return z.unknown().transform((v, ctx) => {
		if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
			ctx.addIssue({ code: 'custom', message: 'msg:cashbook.amount.required' });
			return z.NEVER;
		}
		const n = typeof v === 'string' ? (/^\s*[-−]/.test(v) ? -1 : parseRupiah(v)) : v;
		if (typeof n !== 'number' || !Number.isInteger(n)) {
			ctx.addIssue({ code: 'custom', message: 'msg:field.money.invalid' });
			return z.NEVER;
		}
		if (n < 1 || n > MAX_CASH_AMOUNT) {
			ctx.addIssue({ code: 'custom', message: 'msg:cashbook.amount.range' });
			return z.NEVER;
		}
		return n;
	});
}

/** An amount this large is asked about once on the pages ("240jt" typed for "240rb"): the seller ticks that it is right. */
export const LARGE_CASH_AMOUNT = 10_000_000;

/** Why an entry is reversed; optional, kept as the reversing entry's note. */
export const cashReverseSchema = z.object({
	reason: textField('msg:cashbook.note.tooLong').max(500, 'msg:cashbook.note.tooLong').optional()
});

/** A category the shop adds itself ("Gas elpiji"). */
export const cashCategorySchema = z.object({
	kind: z.enum(['income', 'expense'], 'msg:cashbook.kind.invalid'),
	name: lineField('msg:cashbook.categoryName.length').min(2, 'msg:cashbook.categoryName.length').max(40, 'msg:cashbook.categoryName.length')
});

/** `?from=&to=` of the book; empty ends are filled by the service (this month). */
export const cashRangeSchema = z.object({
	from: calendarDay('msg:cashbook.date.invalid'),
	to: calendarDay('msg:cashbook.date.invalid')
});

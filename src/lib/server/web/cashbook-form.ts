import { ValidationError } from '../errors';
import { formatRupiah, parseRupiah } from '../../utils/money';
import { LARGE_CASH_AMOUNT, MAX_CASH_AMOUNT } from '../../validation/cashbook';

/**
 * A page asks once about an unusually large amount ("240jt" typed for "240rb" would put Rp 240.000.000 in the book
 * and in every report): above LARGE_CASH_AMOUNT the form comes back with "Jumlah ini besar: Rp 240.000.000. Benar?"
 * and a tick `besar`; nothing is stored until it is ticked.
 */
export function requireLargeAmountConfirmed(form: FormData): void {
	const n = parseRupiah(String(form.get('amount') ?? ''));
	if (n === null || n <= LARGE_CASH_AMOUNT || n > MAX_CASH_AMOUNT || form.get('besar') === 'on') return;
	const params = { amount: formatRupiah(n) };
	throw new ValidationError('cashbook.amount.large', params, [{ field: 'confirmLarge', messageKey: 'cashbook.amount.large', params }], 400);
}

/** "Koreksi catatan ini" needs its tick ("Ya, koreksi catatan ini"), like cancelling an order: one tap never corrects. */
export function requireReverseConfirmed(form: FormData): void {
	if (form.get('confirm') === 'on') return;
	throw new ValidationError('cashbook.reverse.confirmNeeded', {}, [{ field: 'confirm', messageKey: 'cashbook.reverse.confirmNeeded', params: {} }], 400);
}

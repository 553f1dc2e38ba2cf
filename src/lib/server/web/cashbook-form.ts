import { ValidationError } from '../errors';
import { formatRupiah, parseRupiah } from '../../utils/money';
import { LARGE_CASH_AMOUNT, MAX_CASH_AMOUNT } from '../../validation/cashbook';
import { FORM_TOKEN_BITS } from '../cashbook/form-token';

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

/**
 * The one-time token a cash-book form carries (FormToken.svelte: the set bits as checkboxes `kt` = 0…63), as the 16
 * hex digits it was made from; null when the form carries none. A value that is not a bit number → 400.
 */
export function formTokenOf(form: FormData): string | null {
	const set = form.getAll('kt');
	if (set.length === 0) return null;
	let n = 0n;
	for (const v of set) {
		const i = typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : -1;
		if (i < 0 || i >= FORM_TOKEN_BITS) throw new ValidationError('cashbook.token.invalid', {}, [], 400);
		n |= 1n << BigInt(i);
	}
	return n.toString(16).padStart(FORM_TOKEN_BITS / 4, '0');
}

/** The API's `Idempotency-Key` header (validated by the service), or null. */
export const idempotencyKeyOf = (request: Request): string | null => request.headers.get('idempotency-key');

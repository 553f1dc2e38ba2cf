/** Why a typed quantity was refused: nothing typed, not a whole number, zero, or more than one line may hold. */
export type QuantityProblem = 'empty' | 'notWhole' | 'zero' | 'tooMany';

/**
 * The one reader of a quantity typed on a product page (add to the cart, order via WhatsApp). Only a whole
 * number from 1 to `max` counts; spaces around it and leading zeros are forgiven ("02" = 2). Everything else is
 * refused with a reason, never guessed: "" (empty), "abc", "-1", "1e3", "2.5", "2,5" (not whole), "0" (zero),
 * more than `max` (too many) — so the page can say what is wrong and change nothing.
 */
export function parseQuantity(raw: unknown, max: number): { ok: true; value: number } | { ok: false; problem: QuantityProblem } {
	const typed = typeof raw === 'string' ? raw.trim() : '';
	if (typed === '') return { ok: false, problem: 'empty' };
	if (!/^\d{1,9}$/.test(typed)) return { ok: false, problem: 'notWhole' };
	const n = Number(typed);
	if (n === 0) return { ok: false, problem: 'zero' };
	if (n > max) return { ok: false, problem: 'tooMany' };
	return { ok: true, value: n };
}

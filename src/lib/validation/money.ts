import { z } from 'zod';
import { parseRupiah } from '../utils/money';

/**
 * A rupiah amount from a form (text typed the Indonesian way, read by parseRupiah) or from the API (a
 * number). Every money field uses this, so "3.000" is 3000 everywhere; what cannot be read as whole
 * rupiah gets one clear message instead of a wrong amount.
 */
export function rupiahField(min: number, max: number, rangeMessage = 'msg:field.money.range', empty?: number) {
	return z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? empty : (parseRupiah(v) ?? Number.NaN)) : (v ?? empty)),
		z.number('msg:field.money.invalid').int('msg:field.money.invalid').min(min, rangeMessage).max(max, rangeMessage)
	);
}

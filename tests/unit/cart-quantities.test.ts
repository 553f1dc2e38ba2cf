import { describe, expect, it } from 'vitest';
import { applyQuantities, lineKey } from '../../src/lib/server/web/cart';

const lines = [
	{ productId: 'prod_a', variantId: null, quantity: 2 },
	{ productId: 'prod_b', variantId: 'var_1', quantity: 1 },
	{ productId: 'prod_b', variantId: 'var_2', quantity: 5 }
];
const form = (entries: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.set(k, v);
	return f;
};

describe('applyQuantities', () => {
	it('should match quantities by product and variant, whatever the order of the fields', () => {
		const r = applyQuantities(form({ 'qty.prod_b.var_2': '3', 'qty.prod_a.': '4', 'qty.prod_b.var_1': '1' }), lines);
		expect(r.lines.map((l) => [lineKey(l), l.quantity])).toEqual([['prod_a.', 4], ['prod_b.var_1', 1], ['prod_b.var_2', 3]]);
		expect(r.changes).toEqual([]);
		expect(r.stale).toBe(false);
	});

	it('should remove a line at 0 without shifting the next line’s quantity, and report it', () => {
		const r = applyQuantities(form({ 'qty.prod_a.': '0', 'qty.prod_b.var_1': '1', 'qty.prod_b.var_2': '5' }), lines);
		expect(r.lines.map((l) => [lineKey(l), l.quantity])).toEqual([['prod_b.var_1', 1], ['prod_b.var_2', 5]]);
		expect(r.changes).toEqual([{ key: 'prod_a.', kind: 'removed' }]);
	});

	it('should keep the line as it was for "abc", "-1" and "1,5", and cap 5000 at 100 (ORDER_CAPS.perLine), each reported', () => {
		const r = applyQuantities(form({ 'qty.prod_a.': 'abc', 'qty.prod_b.var_1': '-1', 'qty.prod_b.var_2': '5000' }), lines);
		expect(r.lines.map((l) => l.quantity)).toEqual([2, 1, 100]);
		expect(r.changes).toEqual([
			{ key: 'prod_a.', kind: 'invalid', typed: 'abc', kept: 2 },
			{ key: 'prod_b.var_1', kind: 'invalid', typed: '-1', kept: 1 },
			{ key: 'prod_b.var_2', kind: 'capped', to: 100 }
		]);
		expect(applyQuantities(form({ 'qty.prod_a.': '1,5', 'qty.prod_b.var_1': '1', 'qty.prod_b.var_2': '5' }), lines).changes[0]).toMatchObject({ kind: 'invalid' });
	});

	it('should say the page was stale when it did not show exactly the cart’s lines', () => {
		expect(applyQuantities(form({ 'qty.prod_a.': '2' }), lines).stale).toBe(true);
		expect(applyQuantities(form({ 'qty.prod_a.': '2', 'qty.prod_b.var_1': '1', 'qty.prod_b.var_2': '5', 'qty.prod_x.': '1' }), lines).stale).toBe(true);
	});
});

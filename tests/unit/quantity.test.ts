import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/lib/utils/quantity';

describe('parseQuantity', () => {
	it('should read a whole number from 1 to the cap, forgiving spaces and leading zeros', () => {
		expect(parseQuantity('2', 100)).toEqual({ ok: true, value: 2 });
		expect(parseQuantity(' 02 ', 100)).toEqual({ ok: true, value: 2 });
		expect(parseQuantity('100', 100)).toEqual({ ok: true, value: 100 });
	});

	it('should refuse, with a reason, everything else (never guess 1)', () => {
		const problem = (raw: unknown) => {
			const r = parseQuantity(raw, 100);
			return r.ok ? r.value : r.problem;
		};
		expect(['', '  ', null, undefined].map(problem)).toEqual(['empty', 'empty', 'empty', 'empty']);
		expect(['abc', '-1', '1e3', '2.5', '2,5', '+2', '0x10', '١'].map(problem)).toEqual(Array(8).fill('notWhole'));
		expect(['0', '000'].map(problem)).toEqual(['zero', 'zero']);
		expect(['101', '999999999'].map(problem)).toEqual(['tooMany', 'tooMany']);
	});
});

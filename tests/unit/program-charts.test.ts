import { describe, expect, it } from 'vitest';
import { formatFigure, formatMonth } from '../../src/lib/utils/figures';
import { chartGeometry, niceMax } from '../../src/lib/utils/charts';

describe('formatFigure', () => {
	it('should write rupiah, percentages, gain and counts the Indonesian way', () => {
		expect(formatFigure(1250000, 'rupiah')).toBe('Rp\u00a01.250.000');
		expect(formatFigure(82.5, '%')).toBe('82,5%');
		expect(formatFigure(0.45, 'g')).toBe('0,45');
		expect(formatFigure(26, 'toko')).toBe('26 toko');
		expect(formatFigure(0.45, 'g', 'en')).toBe('0.45');
	});

	it('should name months shortly', () => {
		expect(formatMonth('2024-11')).toMatch(/Nov 2024/);
		expect(formatMonth('2024-08', 'id', true)).toMatch(/Agu 24/);
	});
});

describe('chartGeometry', () => {
	it('should scale bars to a nice maximum inside the plot area', () => {
		const g = chartGeometry([{ label: 'Okt', value: 0 }, { label: 'Nov', value: 12 }, { label: 'Des', value: 6 }]);
		expect(g.max).toBe(20);
		expect(g.bars).toHaveLength(3);
		expect(g.bars[0].h).toBe(0);
		expect(g.bars[1].h).toBeCloseTo(2 * g.bars[2].h, 0);
		for (const b of g.bars) {
			expect(b.x).toBeGreaterThanOrEqual(g.plot.left);
			expect(b.x + b.w).toBeLessThanOrEqual(g.plot.right);
		}
	});

	it('should draw all-zero and empty data without NaN', () => {
		expect(JSON.stringify(chartGeometry([{ label: 'a', value: 0 }, { label: 'b', value: 0 }]))).not.toContain('null');
		expect(chartGeometry([]).line).toBe('');
		expect(niceMax(0)).toBe(1);
		expect(niceMax(1_250_000)).toBe(2_000_000);
		expect(niceMax(26)).toBe(50);
	});

	it('should print every second month label when there are twelve', () => {
		expect(chartGeometry(Array.from({ length: 12 }, (_, i) => ({ label: String(i), value: i }))).labelEvery).toBe(2);
	});
});

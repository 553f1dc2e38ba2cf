import { describe, expect, it } from 'vitest';
import { gainBand, memberGain, normalizedGain } from '../../src/lib/server/training/gain';

describe('normalizedGain', () => {
	it('should be (mean post − mean pre) / (100 − mean pre) over members with both tests', () => {
		const r = normalizedGain([
			{ pre: 40, post: 70 },
			{ pre: 60, post: 90 }
		]);
		expect(r).toEqual({ n: 2, meanPre: 50, meanPost: 80, g: 0.6 });
	});

	it('should leave out members who took only one test', () => {
		const r = normalizedGain([
			{ pre: 40, post: 70 },
			{ pre: 0, post: null },
			{ pre: undefined, post: 100 }
		]);
		expect(r.n).toBe(1);
		expect(r.g).toBeCloseTo(0.5);
	});

	it('should be null without any pair', () => {
		expect(normalizedGain([])).toEqual({ n: 0, meanPre: null, meanPost: null, g: null });
		expect(normalizedGain([{ pre: 50, post: null }]).g).toBeNull();
	});

	it('should be null when the mean pre-test is already 100', () => {
		expect(normalizedGain([{ pre: 100, post: 100 }, { pre: 100, post: 80 }])).toMatchObject({ n: 2, meanPre: 100, g: null });
	});

	it('should be negative when the group did worse after', () => {
		expect(normalizedGain([{ pre: 50, post: 25 }]).g).toBeCloseTo(-0.5);
	});

	it('should treat a score of 0 as a score, not as missing', () => {
		expect(normalizedGain([{ pre: 0, post: 0 }])).toEqual({ n: 1, meanPre: 0, meanPost: 0, g: 0 });
	});
});

describe('memberGain', () => {
	it('should give a member their own gain, null at pre 100 or a missing test', () => {
		expect(memberGain(20, 60)).toBeCloseTo(0.5);
		expect(memberGain(100, 100)).toBeNull();
		expect(memberGain(null, 60)).toBeNull();
	});
});

describe('gainBand', () => {
	it("should use Hake's bands", () => {
		expect([gainBand(0.29), gainBand(0.3), gainBand(0.69), gainBand(0.7), gainBand(null)]).toEqual(['rendah', 'sedang', 'sedang', 'tinggi', null]);
	});
});

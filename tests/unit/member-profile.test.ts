import { describe, expect, it } from 'vitest';
import { businessSize, rwFromArea } from '../../src/lib/server/members/member-profile';
import { memberProfileSchema } from '../../src/lib/validation/member-profile';

const M = 1_000_000_000;

describe('businessSize (PP 7/2021 art. 35)', () => {
	it('should classify by annual sales at each boundary', () => {
		expect(businessSize(null, 0)).toBe('mikro');
		expect(businessSize(null, 2 * M)).toBe('mikro');
		expect(businessSize(null, 2 * M + 1)).toBe('kecil');
		expect(businessSize(null, 15 * M)).toBe('kecil');
		expect(businessSize(null, 15 * M + 1)).toBe('menengah');
		expect(businessSize(null, 50 * M)).toBe('menengah');
		expect(businessSize(null, 50 * M + 1)).toBe('besar');
	});

	it('should classify by capital at each boundary when sales are unknown', () => {
		expect(businessSize(0, null)).toBe('mikro');
		expect(businessSize(1 * M, null)).toBe('mikro');
		expect(businessSize(1 * M + 1, null)).toBe('kecil');
		expect(businessSize(5 * M, null)).toBe('kecil');
		expect(businessSize(5 * M + 1, null)).toBe('menengah');
		expect(businessSize(10 * M, null)).toBe('menengah');
		expect(businessSize(10 * M + 1, undefined)).toBe('besar');
	});

	it('should let declared sales decide over capital (art. 35(5), empowerment of running businesses)', () => {
		expect(businessSize(3 * M, 500_000_000)).toBe('mikro');
		expect(businessSize(500_000_000, 3 * M)).toBe('kecil');
	});

	it('should say nothing when neither figure was declared', () => {
		expect(businessSize(null, null)).toBeNull();
		expect(businessSize(undefined, undefined)).toBeNull();
	});
});

describe('rwFromArea', () => {
	it('should read the RW from the usual ways of writing it', () => {
		expect(rwFromArea('RW 03')).toBe('03');
		expect(rwFromArea('rw.3 / RT 02')).toBe('03');
		expect(rwFromArea('RT 01 RW 007')).toBe('07');
		expect(rwFromArea('Rw: 12')).toBe('12');
	});

	it('should return null when there is no RW', () => {
		expect(rwFromArea('Dusun Manis')).toBeNull();
		expect(rwFromArea(null)).toBeNull();
		expect(rwFromArea('RWX')).toBeNull();
	});
});

describe('memberProfileSchema money fields (the one rupiah parser)', () => {
	it('should read "120jt", "1,5 jt" and "5.000.000" as whole rupiah', () => {
		const r = memberProfileSchema.safeParse({ personName: 'Bu Rina', capital: '1,5 jt', annualSales: '120jt' });
		expect(r.success && [r.data.capital, r.data.annualSales]).toEqual([1_500_000, 120_000_000]);
		const plain = memberProfileSchema.safeParse({ personName: 'Bu Rina', capital: 'Rp 5.000.000', annualSales: '' });
		expect(plain.success && [plain.data.capital, plain.data.annualSales]).toEqual([5_000_000, null]);
	});

	it('should name the field in each money error, so two wrong amounts are two different messages', () => {
		const r = memberProfileSchema.safeParse({ personName: 'Bu Rina', capital: 'lima juta', annualSales: '1,255 jt' });
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['capital', 'msg:members.capitalInvalid'],
			['annualSales', 'msg:members.salesInvalid']
		]);
	});
});

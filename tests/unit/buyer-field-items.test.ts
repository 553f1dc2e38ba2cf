import { describe, expect, it } from 'vitest';
import { id } from '../../src/lib/i18n/id';
import { en } from '../../src/lib/i18n/en';
import { formatRupiah } from '../../src/lib/utils/money';
import { formatAccountNumber } from '../../src/lib/utils/account';

describe('rupiah amounts written in the message catalogues', () => {
	it('should keep "Rp" and its amount together with a no-break space, as formatRupiah does', () => {
		expect(formatRupiah(15000)).toBe('Rp\u00a015.000');
		const plain = [...Object.entries(id), ...Object.entries(en)].filter(([, text]) => /Rp[ \t]+\d/.test(text)).map(([key]) => key);
		expect(plain).toEqual([]);
		expect(id['product.priceRange']).toBe('Harga antara Rp\u00a0100 dan Rp\u00a0100.000.000.');
	});
});

describe(formatAccountNumber.name, () => {
	it('should show the digits typed with dashes in groups of four', () => {
		expect(formatAccountNumber('0123-01-000123-50-1')).toBe('0123 0100 0123 501');
		expect(formatAccountNumber('012301000123501')).toBe('0123 0100 0123 501');
		expect(formatAccountNumber(' 1234 5678 ')).toBe('1234 5678');
		expect(formatAccountNumber('12345')).toBe('1234 5');
	});
});

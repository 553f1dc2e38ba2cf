import { describe, expect, it } from 'vitest';
import { distinctNames, firstNames } from '../../src/lib/server/training/board';

describe('distinctNames (check-in list, board, room list)', () => {
	it('should leave names that collide with nobody as they are, dropping a form of address', () => {
		expect(distinctNames([{ name: 'Ibu Eneng Sumarni', shopName: 'Opak Eneng' }, { name: 'Kang Asep', shopName: 'Cilok Asep' }])).toEqual(['Eneng', 'Asep']);
	});

	it('should add the shop name to same first names, else the next initial, else a number', () => {
		expect(
			distinctNames([
				{ name: 'U', shopName: 'Sate Ayam U' },
				{ name: 'U', shopName: 'Bakso U' },
				{ name: 'U', shopName: '' },
				{ name: 'U', shopName: null },
				{ name: 'Siti Rahma', shopName: '  ' },
				{ name: 'siti aminah' },
				{ name: 'Nur', shopName: 'Nur' },
				{ name: 'Nur Aini', shopName: 'Nur' }
			])
		).toEqual(['U · Sate Ayam U', 'U · Bakso U', 'U (1)', 'U (2)', 'Siti R.', 'siti A.', 'Nur', 'Nur A.']);
	});

	it('should number members whose shop names are the same too, and never show anything but name and shop', () => {
		const shown = distinctNames([
			{ name: 'Siti Nur', shopName: 'Warung Siti' },
			{ name: 'Siti Nurhayati', shopName: 'Warung Siti' }
		]);
		expect(shown).toEqual(['Siti · Warung Siti (1)', 'Siti · Warung Siti (2)']);
	});

	it('should tell equal full names apart for the room list by shop name, else a number', () => {
		expect(distinctNames([{ name: 'Siti Aminah', shopName: 'Risol Siti' }, { name: 'Siti  Aminah', shopName: 'Basreng Siti' }, { name: 'Nur Aini' }, { name: 'Nur Aini' }, { name: 'Siti Rahma' }], 'full')).toEqual([
			'Siti Aminah · Risol Siti',
			'Siti Aminah · Basreng Siti',
			'Nur Aini (1)',
			'Nur Aini (2)',
			'Siti Rahma'
		]);
	});

	it('should keep firstNames (one name, no shops) as before', () => {
		expect(firstNames(['Pak Ujang Jaya'])).toEqual(['Ujang']);
	});
});

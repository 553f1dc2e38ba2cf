import { describe, expect, it } from 'vitest';
import { id } from '../../src/lib/i18n/id';
import { en } from '../../src/lib/i18n/en';
import { translator } from '../../src/lib/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
	it('should have the same keys and placeholders in English as in Indonesian', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
		for (const key of Object.keys(id) as (keyof typeof id)[]) expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
	});
	it('should fill placeholders with plain text', () => {
		const t = translator('id');
		expect(t('catalog.emptySearch', { q: '<b>kripik</b>' })).toBe('Belum ada "<b>kripik</b>".');
		expect(translator('en')('home.sellers', { count: 26 })).toBe('26 shops');
	});
	it('should say "1 product" and "2 products" in English', () => {
		const en = translator('en');
		expect(en('catalog.results', { count: 1 })).toBe('1 product');
		expect(en('catalog.results', { count: 0 })).toBe('0 products');
		expect(en('home.products', { count: 2 })).toBe('2 products');
		expect(en('home.sellers', { count: 1 })).toBe('1 shop');
		expect(en('catalog.resultsFor', { count: 1, q: 'kripik' })).toBe('1 product for "kripik"');
		expect(translator('id')('catalog.results', { count: 1 })).toBe('1 produk');
	});
});

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
});

import { describe, expect, it } from 'vitest';
import { indexTerms, parseQuery, toFts5, toTsquery, words } from '../../src/lib/server/search/indonesian';

describe('indonesian search words', () => {
	it('should index raw, canonical and stemmed forms', () => {
		const terms = indexTerms('Makanan Kripik Sambel Kepedasan').split(' ');
		expect(terms).toEqual(expect.arrayContaining(['makanan', 'makan', 'kripik', 'keripik', 'sambel', 'sambal', 'kepedasan', 'pedas']));
	});
	it('should not over-stem food words', () => {
		expect(indexTerms('keripik').split(' ')).toEqual(['keripik']);
	});
	it('should reduce any input to plain words, so no query syntax survives', () => {
		expect(words(`"ketempling" NEAR( * -basreng '; drop table product; --`)).toEqual(['ketempling', 'near', 'basreng', 'drop', 'table', 'product']);
		expect(parseQuery('"*-')).toEqual([]);
	});
	it('should build MATCH and tsquery expressions from quoted words only', () => {
		const q = parseQuery('kripik pedes');
		expect(toFts5(q)).toBe('("kripik"* OR "keripik"* OR "keripik") AND ("pedes"* OR "pedas"* OR "pedas")');
		expect(toTsquery(q)).toBe("('kripik':* | 'keripik':* | 'keripik') & ('pedes':* | 'pedas':* | 'pedas')");
	});
	it('should cap very long queries', () => {
		expect(parseQuery('a b c d e f g h i j k l').length).toBe(8);
		expect(words('x'.repeat(10_000))).toEqual([]);
	});
});

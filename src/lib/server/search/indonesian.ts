import { Stemmer } from 'sastrawijs';

/**
 * Indonesian search words. Both databases index the same normalised text, so SQLite and PostgreSQL find
 * the same products: each word is stored raw, in its canonical spelling and as a Sastrawi stem
 * (dictionary-based, so food words such as "keripik" are not over-stemmed the way Snowball does).
 */

/** Spelling variants people type → the one spelling we index. Keep the keys lowercase ASCII. */
const SPELLING_VARIANTS: Record<string, string> = {
	kripik: 'keripik',
	keripix: 'keripik',
	kripick: 'keripik',
	krupuk: 'kerupuk',
	sambel: 'sambal',
	pedes: 'pedas',
	cabe: 'cabai',
	cabay: 'cabai',
	mi: 'mie',
	mee: 'mie',
	baso: 'bakso',
	risoles: 'risol',
	rissoles: 'risol',
	risole: 'risol',
	ketimpling: 'ketempling',
	katempling: 'ketempling',
	gemplong: 'gemblong',
	donut: 'donat',
	doughnut: 'donat',
	lunpia: 'lumpia',
	loenpia: 'lumpia',
	ijo: 'hijau',
	satai: 'sate',
	tempeh: 'tempe',
	telor: 'telur',
	bumbo: 'bumbu',
	frozen: 'beku',
	sirop: 'sirup',
	coklat: 'cokelat',
	balado: 'balado'
};

const stemmer = new Stemmer();
const stemCache = new Map<string, string>();
const MAX_WORD = 40;
const MAX_QUERY_WORDS = 8;

function stem(word: string): string {
	if (word.length < 4 || /\d/.test(word)) return word;
	const cached = stemCache.get(word);
	if (cached !== undefined) return cached;
	const s = stemmer.stem(word) || word;
	if (stemCache.size > 50_000) stemCache.clear();
	stemCache.set(word, s);
	return s;
}

/** Lowercase ASCII words; anything that is not a letter or digit separates words, so no query syntax survives. */
export function words(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0 && w.length <= MAX_WORD);
}

export function canonical(word: string): string {
	return SPELLING_VARIANTS[word] ?? word;
}

/** The text stored in `product.search_name` / `search_body`: every word raw, canonical and stemmed, each once. */
export function indexTerms(...texts: (string | null | undefined)[]): string {
	const out = new Set<string>();
	for (const text of texts) {
		if (!text) continue;
		for (const w of words(text)) {
			out.add(w);
			const c = canonical(w);
			out.add(c);
			out.add(stem(c));
		}
	}
	return [...out].join(' ');
}

/** One word of a search: matches as a prefix of the raw or canonical form, or exactly on the stem. */
export interface QueryWord {
	prefixes: string[];
	stem: string;
}

/** Parses what a buyer typed into words; an empty array means "nothing searchable" (e.g. only punctuation). */
export function parseQuery(q: string): QueryWord[] {
	const seen = new Set<string>();
	const out: QueryWord[] = [];
	for (const w of words(q)) {
		if (seen.has(w)) continue;
		seen.add(w);
		const c = canonical(w);
		out.push({ prefixes: [...new Set([w, c])], stem: stem(c) });
		if (out.length >= MAX_QUERY_WORDS) break;
	}
	return out;
}

/** FTS5 MATCH expression. Words are [a-z0-9] only and double-quoted, so user input cannot change the syntax. */
export function toFts5(query: QueryWord[]): string {
	return query
		.map((q) => '(' + [...q.prefixes.map((p) => `"${p}"*`), `"${q.stem}"`].join(' OR ') + ')')
		.join(' AND ');
}

/** Filter tokens as the SQLite triggers write them into `product_fts.scope` (ids lose `_`, slugs lose `-`). */
export function scopeTokens(filter: { communityId: string; categorySlug?: string; shopId?: string }): string[] {
	const out = [`v${filter.communityId.replace(/_/g, '')}`];
	if (filter.categorySlug) out.push(`c${filter.categorySlug.replace(/-/g, '')}`);
	if (filter.shopId) out.push(`s${filter.shopId.replace(/_/g, '')}`);
	return out.map((t) => t.replace(/[^a-z0-9]/g, ''));
}

/** PostgreSQL tsquery for the 'simple' configuration, the same meaning as toFts5. */
export function toTsquery(query: QueryWord[]): string {
	return query.map((q) => '(' + [...q.prefixes.map((p) => `'${p}':*`), `'${q.stem}'`].join(' | ') + ')').join(' & ');
}

/** Edit distance, used only to suggest words when a search finds nothing. */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	const prev = new Array<number>(b.length + 1);
	for (let j = 0; j <= b.length; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = tmp;
		}
	}
	return prev[b.length];
}

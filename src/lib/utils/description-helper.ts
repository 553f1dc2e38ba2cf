/** Short answers a seller gives about a product; every one is optional. */
export interface DescriptionAnswers {
	name: string;
	taste?: string;
	ingredients?: string;
	size?: string;
	keeps?: string;
	serve?: string;
	special?: string;
	place?: string;
}

const clean = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
const sentence = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) + '.' : '');

/**
 * Turns the seller's own answers into an attractive, honest description in Indonesian: it only says what
 * the seller said, in an order buyers read (what it is → taste → ingredients → size → keeping → serving).
 * No external AI service; the seller edits the result.
 */
export function composeDescription(a: DescriptionAnswers): string {
	const name = clean(a.name);
	const parts: string[] = [];
	const taste = clean(a.taste);
	const special = clean(a.special);
	parts.push(sentence(`${name}${taste ? ` dengan rasa ${taste}` : ''}${a.place ? `, buatan rumahan dari ${clean(a.place)}` : ''}`));
	if (special) parts.push(sentence(special));
	const lines: string[] = [];
	if (clean(a.ingredients)) lines.push(`✅ Bahan: ${clean(a.ingredients)}`);
	if (clean(a.size)) lines.push(`✅ Isi/ukuran: ${clean(a.size)}`);
	if (clean(a.keeps)) lines.push(`✅ Daya tahan: ${clean(a.keeps)}`);
	if (clean(a.serve)) lines.push(`✅ Cara penyajian: ${clean(a.serve)}`);
	const body = parts.join(' ');
	const closing = 'Pesan sekarang, kami siapkan dengan sepenuh hati.';
	return [body, lines.join('\n'), closing].filter(Boolean).join('\n\n').slice(0, 3000);
}

import { formatRupiah } from './money';

/**
 * An indicator's number as people read it: rupiah as `Rp 1.250.000`, percentages as `82,5%`, the normalised
 * gain as `0,45`, counts as `26 toko`. Indonesian decimals use a comma (English a point).
 */
export function formatFigure(value: number, unit: string, locale: 'id' | 'en' = 'id'): string {
	if (unit === 'rupiah' || unit === 'Rp') return formatRupiah(value);
	const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(value);
	if (unit === '%') return `${n}%`;
	// the normalised gain always with two decimals (0,60), as the report's text writes it
	if (unit === 'g') return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
	if (unit === '') return n;
	return `${n} ${unit}`;
}

/** `2024-11` → `Nov 2024` / `Nov 24` (short) in the reader's language. */
export function formatMonth(month: string, locale: 'id' | 'en' = 'id', short = false): string {
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1, 15));
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: short ? '2-digit' : 'numeric', timeZone: 'UTC' }).format(d).replace('.', '');
}

/**
 * Pure rules of the member profile: the business size class of PP 7/2021 and reading an RW from the
 * free-text area a shop was given ("RW 03 / RT 02").
 */

export type BusinessSize = 'mikro' | 'kecil' | 'menengah' | 'besar';

const MILIAR = 1_000_000_000;

/**
 * PP 7/2021 art. 35: by annual sales (hasil penjualan tahunan) — mikro ≤ Rp 2 miliar, kecil > 2 ≤ 15 miliar,
 * menengah > 15 ≤ 50 miliar; by capital (modal usaha, excluding land and buildings) — mikro ≤ Rp 1 miliar,
 * kecil > 1 ≤ 5 miliar, menengah > 5 ≤ 10 miliar. Art. 35(5) makes annual sales the criterion for
 * empowerment programmes (this one) for businesses already running, so sales decide when declared and
 * capital only when sales are unknown. Above the top bound: `besar`. Null when neither was declared.
 */
export function businessSize(capital: number | null | undefined, annualSales: number | null | undefined): BusinessSize | null {
	if (annualSales != null && annualSales >= 0) {
		if (annualSales <= 2 * MILIAR) return 'mikro';
		if (annualSales <= 15 * MILIAR) return 'kecil';
		if (annualSales <= 50 * MILIAR) return 'menengah';
		return 'besar';
	}
	if (capital != null && capital >= 0) {
		if (capital <= 1 * MILIAR) return 'mikro';
		if (capital <= 5 * MILIAR) return 'kecil';
		if (capital <= 10 * MILIAR) return 'menengah';
		return 'besar';
	}
	return null;
}

/** "RW 3", "rw.03 / RT 02", "Rw 003" → "03"; nothing that looks like an RW → null. */
export function rwFromArea(area: string | null | undefined): string | null {
	if (!area) return null;
	const m = /\bRW\.?\s*:?\s*0*(\d{1,3})\b/i.exec(area);
	return m ? m[1].padStart(2, '0') : null;
}


const rupiahFormatter = new Intl.NumberFormat('id-ID', {
	style: 'currency',
	currency: 'IDR',
	minimumFractionDigits: 0,
	maximumFractionDigits: 0
});

/**
 * Formats integer rupiah the way Indonesian buyers read prices: `Rp 15.000`, with a no-break space (U+00A0)
 * between "Rp" and the amount, so the two never land on two lines — on a page, in a PDF, in the receipt picture
 * or in a WhatsApp text (wa.me carries it as %C2%A0 and WhatsApp shows it as a space).
 */
export function formatRupiah(amount: number): string {
	return rupiahFormatter.format(Math.round(amount)).replace(/^(-?)Rp[\s\u00a0\u202f]*/, '$1Rp\u00a0');
}

const thousandsFormatter = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** A stored amount as a money field shows it, grouped the Indonesian way without "Rp": 15000 → "15.000" (parseRupiah reads it back). */
export function formatAmountField(amount: number): string {
	return thousandsFormatter.format(Math.round(amount));
}

/** Suffixes people type for thousands and millions ("15rb", "120jt", "1,5 juta"). */
const SUFFIXES: [RegExp, number][] = [
	[/^(rb|ribu|k)$/i, 1_000],
	[/^(jt|juta)$/i, 1_000_000]
];

/**
 * The one reader of rupiah typed by a person, for every money field (price, variants, delivery fee,
 * minimum order, member profiles, …). Indonesians write thousands with dots or spaces and no decimals:
 * "3.000", "3000", "Rp 3.000", "Rp3.000", "3.000,-", " 3 000 " all mean 3000. With "rb"/"ribu"/"k" or
 * "jt"/"juta" after it, the amount is in thousands or millions and may carry one or two decimals:
 * "15rb" = 15.000, "120jt" = 120.000.000, "1,5 jt" and "1.5jt" = 1.500.000, "1.500 jt" = 1.500.000.000 (a dot
 * before three digits always groups thousands). Anything that is not a whole amount ("3,5", "30.00", "abc",
 * "-5", "1,255 jt", "2,5rb5") gives null, so the form can ask again instead of storing a wrong amount.
 */
export function parseRupiah(input: string): number | null {
	let s = input.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
	s = s.replace(/^rp\.?\s*/i, '').replace(/\s*,\s*(-|00?)$/, '').trim();
	const suffixed = /^(.*?\d)\s*([a-z]+)\.?$/i.exec(s);
	if (suffixed) {
		const unit = SUFFIXES.find(([re]) => re.test(suffixed[2]))?.[1];
		if (!unit) return null;
		const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,](\d{1,2}))?$/.exec(suffixed[1].trim());
		if (!m) return null;
		const whole = Number(m[1].replace(/\./g, ''));
		const fraction = m[2] ? Number(m[2]) / 10 ** m[2].length : 0;
		const n = Math.round((whole + fraction) * unit * 100) / 100;
		return Number.isSafeInteger(n) ? n : null;
	}
	if (!/^(\d{1,3}([. ]\d{3})+|\d+)$/.test(s)) return null;
	if (/\d\.\d{3} \d|\d \d{3}\.\d/.test(s)) return null;
	const n = Number(s.replace(/[. ]/g, ''));
	return Number.isSafeInteger(n) ? n : null;
}

const rupiahFormatter = new Intl.NumberFormat('id-ID', {
	style: 'currency',
	currency: 'IDR',
	minimumFractionDigits: 0,
	maximumFractionDigits: 0
});

/**
 * Formats integer rupiah the way Indonesian buyers read prices: `Rp 15.000`.
 * Intl puts a no-break space after "Rp"; we keep a normal space so the text copies cleanly into WhatsApp.
 */
export function formatRupiah(amount: number): string {
	return rupiahFormatter.format(Math.round(amount)).replace(/\u00a0/g, ' ');
}

/**
 * The one reader of rupiah typed by a person, for every money field (price, variants, delivery fee,
 * minimum order, …). Indonesians write thousands with dots or spaces and no decimals: "3.000", "3000",
 * "Rp 3.000", "Rp3.000", "3.000,-", " 3 000 " all mean 3000. Anything that is not a whole amount
 * ("3,5", "30.00", "abc", "-5") gives null, so the form can ask again instead of storing Rp 3.
 */
export function parseRupiah(input: string): number | null {
	let s = input.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
	s = s.replace(/^rp\.?\s*/i, '').replace(/\s*,\s*(-|00?)$/, '').trim();
	if (!/^(\d{1,3}([. ]\d{3})+|\d+)$/.test(s)) return null;
	if (/\d\.\d{3} \d|\d \d{3}\.\d/.test(s)) return null;
	const n = Number(s.replace(/[. ]/g, ''));
	return Number.isSafeInteger(n) ? n : null;
}

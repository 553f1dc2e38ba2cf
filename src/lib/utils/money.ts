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

import type { CategorySlug } from '../../categories';

/**
 * What a shop's next product most likely is, so a seller in a hurry (the training hour's "Produk pertama") only
 * types a name and a price: the category from what the business says it sells ("Penjual sambal" → sambal & bumbu),
 * the unit it is sold in, and a shipping weight from that unit. The demo seed uses the same guesses, so the demo
 * and a real first product agree. Everything stays editable in the normal product form.
 */
export function categoryFor(name: string, business: string): CategorySlug {
	const n = name.toLowerCase();
	const b = business.toLowerCase();
	if (n.includes('frozen') || /frozen|beku/.test(b)) return 'frozen-food';
	if (/sambal|bumbu/.test(b)) return 'sambal-bumbu';
	if (/warung|sembako/.test(b) || /^tahu kuning/.test(n)) return 'sembako';
	if (/mie ayam|gado|sate|bubur|nasi|katering|catering|makanan/.test(b)) return 'makanan-berat';
	if (/gemblong|kue|donat|lumpia|risol|roti|bolu/.test(b)) return 'kue';
	if (/minuman|jus|kopi|teh|es /.test(b)) return 'minuman';
	return 'camilan-keripik';
}

/** How such a product is usually counted when sold. */
const UNIT_OF: Record<CategorySlug, string> = {
	'makanan-berat': 'porsi',
	'camilan-keripik': 'bungkus',
	kue: 'pcs',
	minuman: 'cup',
	'frozen-food': 'pak',
	'sambal-bumbu': 'botol',
	sembako: 'kg',
	lainnya: 'pcs'
};

export function unitFor(category: CategorySlug): string {
	return UNIT_OF[category];
}

const UNIT_GRAMS: Record<string, number> = { porsi: 450, pcs: 60, pak: 350, kotak: 600, bungkus: 250, cup: 300, toples: 350, karung: 5000, botol: 950, kg: 1000, paket: 6000 };

/** Shipping weight in grams: a size in the name ("250 g", "1 kg", "600 ml") wins, else a typical weight of the unit. */
export function weightFor(name: string, unit: string): number {
	const m = /(\d+(?:[.,]\d+)?)\s*(kg|g|ml|l)\b/i.exec(name);
	if (m) {
		const v = Number(m[1].replace(',', '.'));
		const u = m[2].toLowerCase();
		const grams = u === 'kg' || u === 'l' ? v * 1000 : v;
		return Math.round(grams + (u === 'ml' ? 120 : 30)); // packaging: a bottle weighs more than a plastic bag
	}
	return UNIT_GRAMS[unit] ?? 300;
}

/** Stock a new product starts with (as in the normal product form): enough to take orders, easy to change. */
export const DEFAULT_STOCK = 10;

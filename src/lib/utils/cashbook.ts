import type { MessageKey, Translate } from '../i18n';

/** What a page needs of an entry to name it (the shape of CashEntryView, without importing server code). */
export interface NamedEntry {
	kind: 'income' | 'expense' | 'prive' | 'modal';
	amount: number;
	category: string;
	categoryName: string | null;
	method: 'tunai' | 'transfer' | 'qris';
}

/** The category as the seller reads it: the shop's own name, or the built-in's translated label. */
export function categoryLabel(t: Translate, e: Pick<NamedEntry, 'category' | 'categoryName'>): string {
	return e.categoryName ?? (e.category ? t(`cashbook.cat.${e.category}` as MessageKey) : '');
}

/**
 * What an entry is, in a few words: "Penjualan" for a sale, "Pengeluaran (Kemasan)", "Pemasukan (Lainnya)",
 * "Ambil untuk rumah (prive)", "Tambah modal".
 */
export function entryWhat(t: Translate, e: NamedEntry): string {
	if (e.kind === 'income' && e.category === 'penjualan') return t('cashbook.cat.penjualan');
	if (e.kind === 'income' || e.kind === 'expense') return `${t(`cashbook.kind.${e.kind}`)} (${categoryLabel(t, e)})`;
	return t(`cashbook.kind.${e.kind}`);
}

/**
 * The entry's effect on the business's cash, signed: income and modal bring money in (+), expense and prive take it
 * out (−). A reversal (negative amount) flips the sign, so a corrected sale shows as −.
 */
export function cashEffect(e: Pick<NamedEntry, 'kind' | 'amount'>): number {
	return e.kind === 'income' || e.kind === 'modal' ? e.amount : -e.amount;
}

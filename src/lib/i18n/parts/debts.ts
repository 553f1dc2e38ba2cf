/**
 * Messages for: Cash book: receivables and payables, order postings, orders API (issue 11).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enDebts` enforces it).
 */
export const idDebts = {
	'debts.order.cancelCompletedHint': 'Pesanan ini sudah selesai dan uangnya {amount} sudah masuk buku kas. Kalau dibatalkan (barang dikembalikan, uang dikembalikan), buku kas mencatat pembaliknya pada hari yang sama, jadi jumlahnya kembali nol.',
	'debts.order.restock': 'Barangnya kembali utuh — kembalikan ke stok',
	'debts.order.restockHint': 'Biarkan kosong untuk makanan yang sudah dimakan atau rusak.'
} satisfies Record<string, string>;

export const enDebts: Record<keyof typeof idDebts, string> = {
	'debts.order.cancelCompletedHint': 'This order is completed and its {amount} is in the cash book. If you cancel it (goods returned, money refunded), the cash book records the reversal on the same day, so it adds up to zero again.',
	'debts.order.restock': 'The goods came back whole — put them back in stock',
	'debts.order.restockHint': 'Leave it empty for food that was eaten or spoiled.'
};

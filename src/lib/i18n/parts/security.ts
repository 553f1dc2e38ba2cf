/**
 * Messages for: Security, throttling, limits (issue 8).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enSecurity` enforces it).
 */
export const idSecurity = {
	'security.paymentOwnerOnly': 'Hanya pemilik toko yang boleh mengubah rekening bank dan QRIS.',
	'security.paymentChanges': 'Riwayat perubahan pembayaran',
	'security.paymentChangesHint': 'Setiap perubahan rekening bank atau QRIS toko Anda dicatat di sini. Kalau ada yang tidak Anda kenal, hubungi koordinator.',
	'security.paymentChangeBy': '{date} oleh {name}',
	'security.paymentChangeSystem': 'sistem',
	'security.paymentChangeNotOwner': 'Bukan Anda',
	'security.paymentBefore': 'Sebelum',
	'security.paymentAfter': 'Sesudah',
	'security.paymentNone': 'Tidak ada',
	'security.paymentCod': 'Bayar di tempat',
	'security.idempotencyKeyReused': 'Pesanan dengan kunci ini sudah dikirim dengan isi yang berbeda. Muat ulang halaman keranjang, lalu pesan lagi.',
} as const;

export const enSecurity: Record<keyof typeof idSecurity, string> = {
	'security.paymentOwnerOnly': "Only the shop's owner may change the bank account and QRIS.",
	'security.paymentChanges': 'Payment details history',
	'security.paymentChangesHint': "Every change of your shop's bank account or QRIS is recorded here. If you do not recognise one, contact your coordinator.",
	'security.paymentChangeBy': '{date} by {name}',
	'security.paymentChangeSystem': 'the system',
	'security.paymentChangeNotOwner': 'Not you',
	'security.paymentBefore': 'Before',
	'security.paymentAfter': 'After',
	'security.paymentNone': 'None',
	'security.paymentCod': 'Cash on delivery',
	'security.idempotencyKeyReused': 'An order with this key was already sent with different contents. Reload the cart page and order again.',
};

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
	'security.tooMany': 'Terlalu banyak permintaan. Silakan coba lagi dalam {minutes} menit.',
	'security.checkoutTooMany': 'Maaf, terlalu banyak pesanan dari sini dalam waktu singkat. Silakan coba lagi dalam {minutes} menit, atau hubungi penjual lewat WhatsApp.',
	'security.receiptTooMany': 'Bukti transfer untuk pesanan ini sudah dikirim beberapa kali. Silakan coba lagi dalam {minutes} menit, atau kirim lewat WhatsApp penjual.',
	'security.cancelReason': 'Tulis alasan pembatalan (3–300 huruf), supaya pembeli tahu.',
	'security.cancelChoose': 'Pilih pesanan yang ingin dibatalkan.',
	'security.idempotencyKeyReused': 'Pesanan dengan kunci ini sudah dikirim dengan isi yang berbeda. Muat ulang halaman keranjang, lalu pesan lagi.',
	'security.busy': 'Sistem sedang sibuk sebentar. Tidak ada yang berubah — coba lagi dalam beberapa detik.',
	'security.imagesBusy': 'Sedang banyak foto yang diproses. Foto Anda belum tersimpan — coba kirim lagi dalam beberapa detik.',
	'security.formUnreadable': 'Formulir tidak terbaca. Muat ulang halaman, lalu kirim lagi.',
	'security.storageUnwritable': 'Foto belum bisa disimpan karena tempat penyimpanan di server sedang bermasalah. Tidak ada yang berubah. Coba lagi nanti, atau kabari koordinator.',
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
	'security.tooMany': 'Too many requests. Please try again in {minutes} min.',
	'security.checkoutTooMany': 'Sorry, too many orders from here in a short time. Please try again in {minutes} min, or contact the seller on WhatsApp.',
	'security.receiptTooMany': 'A transfer receipt for this order was already sent several times. Please try again in {minutes} min, or send it to the seller on WhatsApp.',
	'security.cancelReason': 'Write a reason for cancelling (3–300 characters), so the buyer knows.',
	'security.cancelChoose': 'Choose the orders to cancel.',
	'security.idempotencyKeyReused': 'An order with this key was already sent with different contents. Reload the cart page and order again.',
	'security.busy': 'The system is busy for a moment. Nothing was changed — please try again in a few seconds.',
	'security.imagesBusy': 'Many photos are being processed right now. Your photo was not saved yet — please send it again in a few seconds.',
	'security.formUnreadable': 'The form could not be read. Reload the page and send it again.',
	'security.storageUnwritable': "The photo cannot be saved because the server's storage has a problem. Nothing was changed. Please try again later, or tell your coordinator.",
};

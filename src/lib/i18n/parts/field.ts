/**
 * Messages for: Field fixes: photos, cart, checkout, buyer pages (issue 7).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enField` enforces it).
 */
export const idField = {
	'field.photo.preparing': 'Menyiapkan foto… Tunggu sebentar, formulir terkirim sendiri.',
	'field.money.invalid': 'Tulis jumlah rupiah tanpa koma, contoh 3.000 atau Rp 15.000.',
	'field.money.range': 'Jumlah rupiah di luar batas yang boleh.',
	'field.wa.order': 'Halo {shop}, saya {buyer} memesan lewat E-Crav.\nKode pesanan: {code}\n\n{items}\n\nSubtotal: {subtotal}\nOngkos antar: {fee}\nTotal: {total}\nPengiriman: {delivery}\nPembayaran: {payment}{note}\n\nLihat pesanan: {link}\n\nTerima kasih.',
	'field.wa.courierFee': 'dibicarakan lewat WhatsApp',
	'field.wa.note': 'Catatan',
	'field.wa.moreItems': '• … dan {count} barang lain (lihat pesanan)',
	'field.cart.noteFor': 'Catatan untuk {shop} (boleh kosong)',
	'field.cart.noteHint': 'Hanya {shop} yang membaca catatan ini.',
	'field.cart.aProduct': 'Produk',
	'field.cart.invalid': '"{typed}" bukan jumlah untuk {product}. Tulis angka 1 sampai {max}. Jumlahnya tetap {kept}.',
	'field.cart.removedZero': '{product} kami keluarkan dari keranjang karena jumlahnya 0.',
	'field.cart.removed': '{product} sudah dihapus dari keranjang.',
	'field.cart.capped': 'Jumlah {product} paling banyak {max}. Jumlahnya kami ubah menjadi {max}.',
	'field.cart.stale': 'Keranjang berubah di halaman lain. Periksa lagi isinya di bawah.',
	'field.cart.checkMarked': 'Ada jumlah yang belum benar. Perbaiki isian yang ditandai.',
	'field.cart.notOrdered': 'Pesanan belum dikirim. Keranjang berubah — periksa jumlah dan total di bawah, lalu tekan "Pesan sekarang" lagi.',
} as const;

export const enField: Record<keyof typeof idField, string> = {
	'field.photo.preparing': 'Preparing the photo… One moment, the form will send itself.',
	'field.money.invalid': 'Write a whole rupiah amount without a comma, e.g. 3.000 or Rp 15.000.',
	'field.money.range': 'This rupiah amount is outside the allowed range.',
	'field.wa.order': 'Hello {shop}, I am {buyer} and I ordered on E-Crav.\nOrder code: {code}\n\n{items}\n\nSubtotal: {subtotal}\nDelivery fee: {fee}\nTotal: {total}\nDelivery: {delivery}\nPayment: {payment}{note}\n\nSee the order: {link}\n\nThank you.',
	'field.wa.courierFee': 'agreed on WhatsApp',
	'field.wa.note': 'Note',
	'field.wa.moreItems': '• … and {count} more items (see the order)',
	'field.cart.noteFor': 'Note for {shop} (optional)',
	'field.cart.noteHint': 'Only {shop} reads this note.',
	'field.cart.aProduct': 'A product',
	'field.cart.invalid': '"{typed}" is not a quantity for {product}. Enter a number from 1 to {max}. It stays at {kept}.',
	'field.cart.removedZero': 'We took {product} out of the cart because its quantity was 0.',
	'field.cart.removed': '{product} was removed from the cart.',
	'field.cart.capped': 'At most {max} of {product}. We changed the quantity to {max}.',
	'field.cart.stale': 'The cart changed on another page. Check what is in it below.',
	'field.cart.checkMarked': 'A quantity is not right. Fix the marked field.',
	'field.cart.notOrdered': 'Your order was not sent. The cart changed — check the quantities and totals below, then tap "Order now" again.',
};

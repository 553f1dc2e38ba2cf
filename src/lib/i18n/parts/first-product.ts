/**
 * Messages for: "Produk pertama" — the three-screen path to a first product with a photo (issue 13, the training hour).
 * Every key here needs both languages (the type of `enFirstProduct` enforces it).
 */
export const idFirstProduct = {
	'firstProduct.title': 'Produk pertama',
	'firstProduct.photo.title': 'Foto produk Anda',
	'firstProduct.photo.help': 'Letakkan produk di dekat jendela, di atas alas polos. Foto dari depan, produk di tengah.',
	'firstProduct.photo.take': 'Ambil foto dengan kamera',
	'firstProduct.photo.send': 'Kirim foto',
	'firstProduct.photo.gallery': 'Atau pilih foto yang sudah ada di HP',
	'firstProduct.photo.gallerySend': 'Kirim foto dari galeri',
	'firstProduct.photo.fullForm': 'Sudah punya deskripsi dan varian? Isi formulir produk lengkap',
	'firstProduct.name.title': 'Nama dan harga',
	'firstProduct.name.help': 'Tulis nama yang dicari pembeli, lalu harganya.',
	'firstProduct.name.photoAlt': 'Foto yang baru Anda ambil',
	'firstProduct.name.retake': 'Ganti foto',
	'firstProduct.name.priceHint': 'Harga per {unit}. Contoh: 15.000',
	'firstProduct.next': 'Lanjut',
	'firstProduct.publish.title': 'Tampilkan di toko',
	'firstProduct.publish.help': 'Begini produk Anda terlihat oleh pembeli. Yang lain sudah kami isi dan bisa diubah nanti.',
	'firstProduct.publish.filled': 'Sudah diisi: {category} · per {unit} · stok {stock} · berat {weight} gram',
	'firstProduct.publish.change': 'Ubah nama atau harga',
	'firstProduct.done.edit': 'Lengkapi produk (deskripsi, stok, berat)',
	'firstProduct.home.title': 'Produk pertama dalam 3 langkah',
	'firstProduct.home.help': 'Foto, nama dan harga, lalu tampilkan di toko. Sekitar 10 menit.',
	'firstProduct.home.start': 'Mulai: foto produk',
	'firstProduct.photoAgain': 'Foto belum tersimpan. Ambil foto lagi, ya.',
	'firstProduct.photoMissing': 'Produk ini belum punya foto. Tambahkan foto dulu.'
} as const;

export const enFirstProduct: Record<keyof typeof idFirstProduct, string> = {
	'firstProduct.title': 'First product',
	'firstProduct.photo.title': 'Photograph your product',
	'firstProduct.photo.help': 'Put the product near a window, on a plain surface. Shoot from the front, product in the middle.',
	'firstProduct.photo.take': 'Take a photo with the camera',
	'firstProduct.photo.send': 'Send photo',
	'firstProduct.photo.gallery': 'Or choose a photo already on your phone',
	'firstProduct.photo.gallerySend': 'Send photo from gallery',
	'firstProduct.photo.fullForm': 'Have a description and variants ready? Fill in the full product form',
	'firstProduct.name.title': 'Name and price',
	'firstProduct.name.help': 'Write the name buyers search for, then its price.',
	'firstProduct.name.photoAlt': 'The photo you just took',
	'firstProduct.name.retake': 'Change photo',
	'firstProduct.name.priceHint': 'Price per {unit}. Example: 15.000',
	'firstProduct.next': 'Next',
	'firstProduct.publish.title': 'Show in shop',
	'firstProduct.publish.help': 'This is how buyers see your product. We filled in the rest; you can change it later.',
	'firstProduct.publish.filled': 'Filled in: {category} · per {unit} · stock {stock} · weight {weight} grams',
	'firstProduct.publish.change': 'Change name or price',
	'firstProduct.done.edit': 'Complete the product (description, stock, weight)',
	'firstProduct.home.title': 'Your first product in 3 steps',
	'firstProduct.home.help': 'Photo, name and price, then show it in your shop. About 10 minutes.',
	'firstProduct.home.start': 'Start: photograph a product',
	'firstProduct.photoAgain': 'The photo was not saved. Please take it again.',
	'firstProduct.photoMissing': 'This product has no photo yet. Add a photo first.'
};

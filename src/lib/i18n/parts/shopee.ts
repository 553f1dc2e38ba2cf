/**
 * Messages for: Shopee bulk upload (issue 10 item 1). Kept in a file of their own so that work on one area does not
 * collide with another; id.ts and en.ts spread them in. Every key here needs both languages (the type of `enShopee`
 * enforces it).
 */
export const idShopee = {
	'shopee.problem.name_short': 'Nama terlalu pendek ({length} huruf). Shopee minta paling sedikit 5 huruf, misalnya "Keripik Singkong Pedas".',
	'shopee.problem.name_long': 'Nama terlalu panjang ({length} huruf). Shopee menerima paling banyak 255 huruf.',
	'shopee.problem.description_html': 'Deskripsi berisi kode seperti <b> atau &nbsp;. Shopee hanya menerima teks biasa: hapus kode itu.',
	'shopee.problem.description_short': 'Deskripsi terlalu pendek ({length} huruf). Shopee minta paling sedikit 20 huruf: ceritakan rasa, bahan, atau ukurannya.',
	'shopee.problem.description_long': 'Deskripsi terlalu panjang ({length} huruf). Shopee menerima paling banyak 3.000 huruf.',
	'shopee.problem.price_low': 'Harga {price} terlalu kecil. Di Shopee harga paling sedikit Rp 99.',
	'shopee.problem.price_lowVariant': 'Harga pilihan "{option}" ({price}) terlalu kecil. Di Shopee harga paling sedikit Rp 99.',
	'shopee.problem.price_high': 'Harga {price} terlalu besar. Di Shopee harga paling banyak Rp 150.000.000.',
	'shopee.problem.price_highVariant': 'Harga pilihan "{option}" ({price}) terlalu besar. Di Shopee harga paling banyak Rp 150.000.000.',
	'shopee.problem.no_photo': 'Belum ada foto. Shopee wajib punya foto sampul: tambahkan paling sedikit 1 foto.',
	'shopee.problem.no_weight': 'Berat belum diisi. Shopee perlu berat untuk menghitung ongkos kirim: tulis beratnya dalam gram.',
	'shopee.problem.no_stock': 'Stok belum diisi (dibuat sesuai pesanan). Shopee perlu angka stok: tulis berapa yang sanggup Anda sediakan.',
	'shopee.problem.variation_name_missing': 'Pilihan produk belum punya judul. Tulis judulnya, misalnya "Rasa" atau "Ukuran".',
	'shopee.problem.variation_name_long': 'Judul pilihan "{title}" terlalu panjang ({length} huruf). Shopee menerima paling banyak 14 huruf.',
	'shopee.problem.option_long': 'Pilihan "{option}" terlalu panjang ({length} huruf). Shopee menerima paling banyak 20 huruf.',
	'shopee.problem.too_many_variants': 'Terlalu banyak pilihan ({count}). Shopee menerima paling banyak 20 pilihan per produk.',
	'shopee.template.missing': 'Pilih dulu file template dari Shopee Seller Centre (.xlsx).',
	'shopee.template.tooBig': 'File template terlalu besar. Template dasar dari Shopee biasanya di bawah 5 MB: unduh lagi yang kosong dari Seller Centre.',
	'shopee.template.notXlsx': 'File ini bukan file Excel (.xlsx) yang bisa dibaca. Unduh template dasar dari Shopee Seller Centre, lalu kirim file itu tanpa diubah.',
	'shopee.template.noKeys': 'File ini bukan template Upload Massal Shopee: baris pertamanya tidak berisi kode kolom Shopee (seperti ps_product_name). Unduh "Template Dasar" dari Seller Centre → Produk → Upload Massal.',
	'shopee.template.weightUnit': 'Satuan berat di template ini tidak terbaca (gram atau kg). Unduh lagi "Template Dasar" dari Seller Centre, atau pakai file Shopee buatan E-Crav.'
};

export const enShopee: Record<keyof typeof idShopee, string> = {
	'shopee.problem.name_short': 'The name is too short ({length} characters). Shopee needs at least 5, e.g. "Spicy Cassava Chips".',
	'shopee.problem.name_long': 'The name is too long ({length} characters). Shopee takes at most 255.',
	'shopee.problem.description_html': 'The description holds code such as <b> or &nbsp;. Shopee takes plain text only: remove the code.',
	'shopee.problem.description_short': 'The description is too short ({length} characters). Shopee needs at least 20: say how it tastes, what is in it or its size.',
	'shopee.problem.description_long': 'The description is too long ({length} characters). Shopee takes at most 3,000.',
	'shopee.problem.price_low': 'The price {price} is too low. On Shopee a price is at least Rp 99.',
	'shopee.problem.price_lowVariant': 'The price of choice "{option}" ({price}) is too low. On Shopee a price is at least Rp 99.',
	'shopee.problem.price_high': 'The price {price} is too high. On Shopee a price is at most Rp 150.000.000.',
	'shopee.problem.price_highVariant': 'The price of choice "{option}" ({price}) is too high. On Shopee a price is at most Rp 150.000.000.',
	'shopee.problem.no_photo': 'No photo yet. Shopee needs a cover photo: add at least 1 photo.',
	'shopee.problem.no_weight': 'No weight yet. Shopee needs it for the shipping cost: write the weight in grams.',
	'shopee.problem.no_stock': 'No stock count (made to order). Shopee needs a number: write how many you can supply.',
	'shopee.problem.variation_name_missing': 'The choices have no title. Write one, e.g. "Flavour" or "Size".',
	'shopee.problem.variation_name_long': 'The choices\' title "{title}" is too long ({length} characters). Shopee takes at most 14.',
	'shopee.problem.option_long': 'The choice "{option}" is too long ({length} characters). Shopee takes at most 20.',
	'shopee.problem.too_many_variants': 'Too many choices ({count}). Shopee takes at most 20 per product.',
	'shopee.template.missing': 'First choose the template file from Shopee Seller Centre (.xlsx).',
	'shopee.template.tooBig': 'The template file is too large. Shopee\'s basic template is usually under 5 MB: download a blank one again from Seller Centre.',
	'shopee.template.notXlsx': 'This is not an Excel file (.xlsx) we can read. Download the basic template from Shopee Seller Centre and send that file unchanged.',
	'shopee.template.noKeys': 'This is not a Shopee mass-upload template: its first row has no Shopee column codes (such as ps_product_name). Download the "Template Dasar" from Seller Centre → Products → Mass Upload.',
	'shopee.template.weightUnit': 'The weight unit of this template cannot be read (grams or kg). Download the "Template Dasar" again from Seller Centre, or use the Shopee file E-Crav makes.'
};

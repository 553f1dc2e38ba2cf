import type { QuestionTopic } from '../db/schema-training';

export interface SeedQuestion {
	topic: QuestionTopic;
	text: string;
	choices: string[];
	/** Index of the correct choice. */
	correct: number;
}

/**
 * The starting question bank for pre/post tests (Bahasa Indonesia, multiple choice), on what the training
 * teaches: registering, photos, descriptions, pricing, WhatsApp ordering, QRIS and avoiding scams. Each
 * community gets its own copy on first use, which the coordinator may then change.
 */
export const DEFAULT_QUESTIONS: readonly SeedQuestion[] = [
	{
		topic: 'daftar',
		text: 'Apa yang perlu disiapkan untuk membuka toko daring di E-Crav?',
		choices: ['Nomor WhatsApp aktif dan nama toko', 'Rekening bank dengan saldo minimal Rp 1.000.000', 'Surat izin dari kecamatan', 'Laptop'],
		correct: 0
	},
	{
		topic: 'daftar',
		text: 'Tautan atur kata sandi dari koordinator sebaiknya…',
		choices: ['Dibagikan ke grup WhatsApp agar semua tahu', 'Dipakai sendiri dan tidak diberikan ke orang lain', 'Diabaikan saja', 'Dikirim ke pembeli'],
		correct: 1
	},
	{
		topic: 'daftar',
		text: 'Kata sandi yang paling aman adalah…',
		choices: ['123456', 'Tanggal lahir sendiri', 'Kalimat pendek yang mudah diingat tetapi sulit ditebak orang lain, misalnya "keripik-pedas-rw03"', 'Nama toko'],
		correct: 2
	},
	{
		topic: 'foto',
		text: 'Di mana tempat terbaik memotret produk dengan HP?',
		choices: ['Di ruangan gelap dengan lampu kilat', 'Di dekat jendela pada siang hari, dengan cahaya alami', 'Di bawah lampu neon pada malam hari', 'Di luar rumah saat matahari terik tepat di atas'],
		correct: 1
	},
	{
		topic: 'foto',
		text: 'Latar belakang foto produk yang baik adalah…',
		choices: ['Ramai dengan banyak barang lain', 'Polos dan bersih agar produk terlihat jelas', 'Gelap', 'Tidak penting sama sekali'],
		correct: 1
	},
	{
		topic: 'foto',
		text: 'Foto sampul produk sebaiknya menampilkan…',
		choices: ['Logo toko saja', 'Produk secara utuh dan jelas', 'Wajah penjual', 'Daftar harga'],
		correct: 1
	},
	{
		topic: 'deskripsi',
		text: 'Deskripsi produk yang baik berisi…',
		choices: ['Hanya kata "enak"', 'Rasa, bahan, berat/isi, dan daya tahan produk', 'Nomor rekening pribadi', 'Cerita tentang toko lain'],
		correct: 1
	},
	{
		topic: 'deskripsi',
		text: 'Mengapa nomor P-IRT atau sertifikat halal perlu dicantumkan bila ada?',
		choices: ['Supaya harga boleh dinaikkan dua kali lipat', 'Agar pembeli lebih percaya bahwa produk aman dan sah', 'Karena diwajibkan oleh WhatsApp', 'Tidak ada gunanya'],
		correct: 1
	},
	{
		topic: 'harga',
		text: 'Harga jual yang wajar dihitung dari…',
		choices: ['Harga pesaing yang paling murah saja', 'Modal bahan, kemasan, tenaga, dan keuntungan yang diinginkan', 'Perkiraan saja', 'Harga yang sama untuk semua produk'],
		correct: 1
	},
	{
		topic: 'harga',
		text: 'Penulisan harga yang benar dan mudah dibaca pembeli adalah…',
		choices: ['Rp 15.000', '15000', 'IDR 15,000.00', '15 rb-an'],
		correct: 0
	},
	{
		topic: 'whatsapp',
		text: 'Pembeli mengirim pesanan lewat WhatsApp. Apa yang sebaiknya dilakukan lebih dulu?',
		choices: ['Langsung kirim barang tanpa konfirmasi', 'Membalas dengan sopan, mengulang isi pesanan, total harga, dan cara bayar', 'Menunggu sampai besok', 'Meminta pembeli datang ke rumah tanpa penjelasan'],
		correct: 1
	},
	{
		topic: 'whatsapp',
		text: 'Kapan status pesanan sebaiknya diubah menjadi "Selesai"?',
		choices: ['Saat pesanan baru masuk', 'Setelah barang diterima pembeli dan uang sudah diterima', 'Sebelum barang disiapkan', 'Kapan saja'],
		correct: 1
	},
	{
		topic: 'qris',
		text: 'QRIS adalah…',
		choices: ['Kode QR standar Bank Indonesia untuk menerima pembayaran dari berbagai aplikasi bank dan dompet digital', 'Aplikasi media sosial', 'Nomor rekening bank', 'Pengganti KTP'],
		correct: 0
	},
	{
		topic: 'qris',
		text: 'Pembeli mengatakan sudah membayar lewat QRIS. Apa yang harus dicek penjual?',
		choices: ['Cukup percaya pada ucapan pembeli', 'Cek notifikasi atau mutasi di aplikasi bank/dompet digital sendiri bahwa uang sudah masuk', 'Minta pembeli mengirim ulang kode QR', 'Tidak perlu dicek'],
		correct: 1
	},
	{
		topic: 'penipuan',
		text: 'Ada pesan meminta kode OTP yang dikirim ke HP Anda "untuk verifikasi pesanan". Apa yang dilakukan?',
		choices: ['Memberikan kodenya supaya pesanan cepat diproses', 'Tidak memberikan kode OTP kepada siapa pun', 'Memberikannya bila pengirim mengaku dari bank', 'Mengirimkannya ke grup'],
		correct: 1
	},
	{
		topic: 'penipuan',
		text: 'Pembeli mengirim file bernama "Bukti Transfer.apk" dan meminta Anda membukanya. Sebaiknya…',
		choices: ['Dibuka saja, itu bukti bayar', 'Jangan dibuka: file .apk bisa mencuri data HP; cek uang masuk di aplikasi bank sendiri', 'Diteruskan ke teman', 'Dipasang lalu dihapus'],
		correct: 1
	},
	{
		topic: 'penipuan',
		text: 'Tanda-tanda bukti transfer palsu antara lain…',
		choices: ['Uang sudah masuk di mutasi rekening', 'Gambar bukti transfer ada, tetapi uang tidak tercatat di mutasi rekening penjual', 'Pembeli membayar tepat waktu', 'Pembeli memesan dua kali'],
		correct: 1
	}
];

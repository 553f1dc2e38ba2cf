/**
 * Messages for: the training board for the projector and its board links (issue 13).
 * Every key here needs both languages (the type of `enBoard` enforces it).
 */
export const idBoard = {
	'board.notFound': 'Papan tidak ditemukan, atau tautannya sudah tidak berlaku.',
	'board.dayOver': 'Hari pelatihan sudah lewat. Tautan papan hanya berlaku sampai akhir hari pelatihan (24.00 WIB).',
	'board.title': 'Papan pelatihan',
	'board.tooManyScreens': 'Terlalu banyak layar sedang membuka papan ini. Coba lagi sebentar lagi.',
	'board.total': '{done} dari {total} hadir dan sudah jualan online',
	'board.present': '{present} hadir',
	'board.away': 'belum hadir',
	'board.empty': 'Belum ada anggota di daftar undangan pelatihan ini.',
	'board.updated': 'Diperbarui {time} WIB',
	'board.step.invited': 'Diundang',
	'board.step.hadir': 'Hadir',
	'board.step.akun': 'Akun',
	'board.step.toko': 'Toko',
	'board.step.foto': 'Foto',
	'board.step.tayang': 'Tayang',
	'board.linkHeading': 'Papan untuk proyektor',
	'board.linkIntro': 'Tampilkan langkah setiap anggota di layar besar: hadir, akun, toko, foto, tayang. Tautannya bisa dibuka tanpa masuk, sampai akhir hari pelatihan.',
	'board.linkMake': 'Buat tautan papan',
	'board.linkMade': 'Tautan papan siap, berlaku sampai akhir hari {until} (24.00 WIB). Buka di laptop proyektor, atau pindai kode QR ini.',
	'board.linkOpen': 'Buka papan',
	'board.linkQrAlt': 'Kode QR tautan papan',
	'board.linkWarn': 'Siapa pun yang memegang tautan ini bisa melihat nama depan dan langkah anggota sampai tautannya habis. Jangan dibagikan di grup WhatsApp.'
} as const;

export const enBoard: Record<keyof typeof idBoard, string> = {
	'board.notFound': 'Board not found, or its link is no longer valid.',
	'board.dayOver': 'The training day is over. A board link is only valid until the end of the training day (24:00 WIB).',
	'board.title': 'Training board',
	'board.tooManyScreens': 'Too many screens have this board open. Try again in a moment.',
	'board.total': '{done} of {total} here and selling online',
	'board.present': '{present} present',
	'board.away': 'not here yet',
	'board.empty': 'Nobody is on this training’s invitation list yet.',
	'board.updated': 'Updated {time} WIB',
	'board.step.invited': 'Invited',
	'board.step.hadir': 'Present',
	'board.step.akun': 'Account',
	'board.step.toko': 'Shop',
	'board.step.foto': 'Photo',
	'board.step.tayang': 'Live',
	'board.linkHeading': 'Board for the projector',
	'board.linkIntro': 'Show each member’s step on a big screen: present, account, shop, photo, live. The link opens without signing in, until the end of the training day.',
	'board.linkMake': 'Make a board link',
	'board.linkMade': 'Board link ready, valid until the end of {until} (24:00 WIB). Open it on the projector laptop, or scan this QR code.',
	'board.linkOpen': 'Open the board',
	'board.linkQrAlt': 'QR code of the board link',
	'board.linkWarn': 'Anyone holding this link can see members’ first names and steps until it expires. Do not share it in a WhatsApp group.'
};

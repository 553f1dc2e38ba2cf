/**
 * Messages for: the facilitator's list of the training room, "minta bantuan" and the end of the training day (issue 13, items 4–5).
 * Every key here needs both languages (the type of `enRoom` enforces it).
 */
export const idRoom = {
	'room.title': 'Siapa perlu dibantu',
	'room.link': 'Siapa perlu dibantu',
	'room.linkHint': 'Daftar di HP pendamping: yang minta bantuan dan yang tertahan lebih dari 5 menit di paling atas.',
	'room.summary': '{stuck} tertahan lebih dari 5 menit · {done} dari {total} sudah jualan online',
	'room.stuckHeading': 'Tertahan lebih dari 5 menit',
	'room.restHeading': 'Lainnya',
	'room.since': 'sejak {n} menit',
	'room.sinceNow': 'baru saja',
	'room.away': 'belum hadir',
	'room.empty': 'Belum ada anggota di daftar undangan pelatihan ini.',
	'room.noneStuck': 'Tidak ada yang tertahan. Semua bergerak.',
	'room.updated': 'Diperbarui {time}. Halaman ini memperbarui diri sendiri.',
	'room.next.hadir': 'Bantu buat kata sandi',
	'room.next.akun': 'Bantu lengkapi profil toko',
	'room.next.toko': 'Bantu foto produk pertama',
	'room.next.foto': 'Bantu tayangkan produknya',
	'room.backToTraining': 'Kembali ke pelatihan'
} as const;

export const enRoom: Record<keyof typeof idRoom, string> = {
	'room.title': 'Who needs help',
	'room.link': 'Who needs help',
	'room.linkHint': 'The list for the facilitator’s phone: whoever asked for help and whoever is stuck for more than 5 minutes at the top.',
	'room.summary': '{stuck} stuck for more than 5 minutes · {done} of {total} now sell online',
	'room.stuckHeading': 'Stuck for more than 5 minutes',
	'room.restHeading': 'Everyone else',
	'room.since': 'for {n} min',
	'room.sinceNow': 'just now',
	'room.away': 'not here yet',
	'room.empty': 'Nobody is on this training’s invitation list yet.',
	'room.noneStuck': 'Nobody is stuck. Everyone is moving.',
	'room.updated': 'Updated {time}. This page refreshes itself.',
	'room.next.hadir': 'Help them set a password',
	'room.next.akun': 'Help complete the shop profile',
	'room.next.toko': 'Help with the first product photo',
	'room.next.foto': 'Help publish the product',
	'room.backToTraining': 'Back to the training'
};

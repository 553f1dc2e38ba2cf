/**
 * Messages for: share images and "Bagikan" on product pages (issue 10 item 3).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enShare` enforces it).
 */
export const idShare = {
	'share.title': 'Bagikan',
	'share.whatsapp': 'Bagikan lewat WhatsApp',
	'share.statusImage': 'Unduh gambar untuk status WA',
	'share.hint': 'Kirim produk ini ke teman atau grup WhatsApp. Gambarnya bisa dipasang di status WA.',
	'share.sellerHint': 'Kirim produk ini ke pelanggan atau grup WhatsApp, atau pasang gambarnya di status WA.',
	'share.notPublished': 'Produk ini belum tampil di toko, jadi belum bisa dibagikan. Tampilkan dulu di toko.',
	'share.text': '{name} — {price}\nDari {shop}. Lihat dan pesan di sini:\n{url}',
	'share.imageAlt': 'Gambar untuk dibagikan: {name}, {price}'
} as const;

export const enShare: Record<keyof typeof idShare, string> = {
	'share.title': 'Share',
	'share.whatsapp': 'Share on WhatsApp',
	'share.statusImage': 'Download the image for a WhatsApp status',
	'share.hint': 'Send this product to a friend or a WhatsApp group. The image fits a WhatsApp status.',
	'share.sellerHint': 'Send this product to customers or a WhatsApp group, or put its image on your WhatsApp status.',
	'share.notPublished': 'This product is not shown in the shop yet, so it cannot be shared. Show it in the shop first.',
	'share.text': '{name} — {price}\nFrom {shop}. See it and order here:\n{url}',
	'share.imageAlt': 'Image to share: {name}, {price}'
};

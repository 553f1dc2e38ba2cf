/**
 * Messages for: visitor counts (issue 10 item 6). id.ts and en.ts spread them in; every key needs both languages.
 */
export const idVisits = {
	'visits.badDays': 'Jumlah hari harus angka 1 sampai 90, misalnya 30.',
	'visits.source.whatsapp': 'WhatsApp',
	'visits.source.poster': 'Poster',
	'visits.source.shopee': 'Shopee',
	'visits.source.search': 'Mesin pencari (Google)',
	'visits.source.social': 'Media sosial',
	'visits.source.direct': 'Langsung / lainnya'
};

export const enVisits: Record<keyof typeof idVisits, string> = {
	'visits.badDays': 'The number of days must be 1 to 90, e.g. 30.',
	'visits.source.whatsapp': 'WhatsApp',
	'visits.source.poster': 'Poster',
	'visits.source.shopee': 'Shopee',
	'visits.source.search': 'Search engines (Google)',
	'visits.source.social': 'Social media',
	'visits.source.direct': 'Direct / other'
};

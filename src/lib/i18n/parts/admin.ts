/**
 * Messages for: platform administration, official regions and the audit log (issue 12). id.ts and en.ts spread
 * them in; every key needs both languages.
 */
export const idAdmin = {
	'region.badParent': 'Kode wilayah induk belum benar. Contoh: 32 (provinsi), 32.08 (kabupaten/kota) atau 32.08.18 (kecamatan).',
	'region.unknown': 'Tidak ada wilayah dengan kode {code}.'
};

export const enAdmin: Record<keyof typeof idAdmin, string> = {
	'region.badParent': 'The parent region code is not right. Example: 32 (province), 32.08 (regency/city) or 32.08.18 (district).',
	'region.unknown': 'There is no region with code {code}.'
};

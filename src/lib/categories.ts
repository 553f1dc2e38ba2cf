/** Food-first taxonomy; names live in the message catalogues under `category.<slug>`. */
export const CATEGORY_SLUGS = [
	'makanan-berat',
	'camilan-keripik',
	'kue',
	'minuman',
	'frozen-food',
	'sambal-bumbu',
	'sembako',
	'lainnya'
] as const;
export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

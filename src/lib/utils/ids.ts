const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Time-ordered, prefixed, URL-safe ids (`prod_01j…`). Made here, never by the database, so both dialects agree. */
export function newId(prefix: string): string {
	const time = Date.now().toString(32).padStart(9, '0');
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	let rand = '';
	for (const b of bytes) rand += ALPHABET[b % 32];
	return `${prefix}_${time}${rand}`;
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` says is free (a timestamped one if 999 are taken). */
export async function firstFreeSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
	for (let n = 1; n < 1000; n++) {
		const candidate = n === 1 ? base : `${base}-${n}`;
		if (!(await taken(candidate))) return candidate;
	}
	return `${base}-${Date.now().toString(36)}`;
}

/** Lowercase ASCII slug for URLs: `Ketempling JJ` → `ketempling-jj`. */
export function slugify(text: string): string {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/g, '');
	return s || 'item';
}

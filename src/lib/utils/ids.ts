const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Time-ordered, prefixed, URL-safe ids (`prod_01j…`). Made here, never by the database, so both dialects agree. */
export function newId(prefix: string): string {
	const time = Date.now().toString(32).padStart(9, '0');
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	let rand = '';
	for (const b of bytes) rand += ALPHABET[b % 32];
	return `${prefix}_${time}${rand}`;
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

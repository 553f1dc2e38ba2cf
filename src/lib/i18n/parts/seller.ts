/**
 * Messages for: Seller and coordinator pages: roster, order inbox, shop display (issue 7).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enSeller` enforces it).
 */
export const idSeller = {
	'demo.label': 'Catatan demo',
	'roster.actions': 'Tindakan',
	'nav.account': 'Akun dan bahasa'
} as const;

export const enSeller: Record<keyof typeof idSeller, string> = {
	'demo.label': 'Demo notice',
	'roster.actions': 'Actions',
	'nav.account': 'Account and language'
};

/**
 * Messages for: Field fixes: photos, cart, checkout, buyer pages (issue 7).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enField` enforces it).
 */
export const idField = {
	'field.photo.preparing': 'Menyiapkan foto… Tunggu sebentar, formulir terkirim sendiri.',
} as const;

export const enField: Record<keyof typeof idField, string> = {
	'field.photo.preparing': 'Preparing the photo… One moment, the form will send itself.',
};

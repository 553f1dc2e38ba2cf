const VALID_MOBILE = /^628[1-35-9]\d{7,10}$/;

/**
 * Normalises what people type for an Indonesian mobile number (`0812-3456-7890`, `+62 812…`, `62812…`, `812…`)
 * to E.164 digits without the plus (`62812…`), the form wa.me links need.
 * Returns null when the result is not a plausible Indonesian mobile number.
 */
export function normalizeWhatsapp(input: string): string | null {
	if (typeof input !== 'string' || input.length > 40) return null;
	let digits = input.replace(/[\s\-().]/g, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	if (!/^\d+$/.test(digits)) return null;
	if (digits.startsWith('0')) digits = '62' + digits.slice(1);
	else if (digits.startsWith('8')) digits = '62' + digits;
	return VALID_MOBILE.test(digits) ? digits : null;
}

/** `628123456789` → `0812-3456-789` for people reading it on a page. */
export function formatWhatsappLocal(digits: string): string {
	const local = '0' + digits.slice(2);
	return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}

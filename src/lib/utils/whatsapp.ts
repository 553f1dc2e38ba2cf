/** wa.me links break in some clients past ~2,000 characters; we trim the message, never the link itself. */
export const MAX_WHATSAPP_URL = 2000;

/**
 * Click-to-chat link with a prefilled message. The text is cut (with an ellipsis) so the whole URL stays
 * under MAX_WHATSAPP_URL; cutting happens on whole characters (code points, so an emoji is never split)
 * of the raw text, so no percent-escape is ever broken.
 */
export function whatsappUrl(digits: string, text: string): string {
	const base = `https://wa.me/${digits}?text=`;
	if ((base + encodeURIComponent(text)).length <= MAX_WHATSAPP_URL) return base + encodeURIComponent(text);
	const chars = Array.from(text);
	let keep = chars.length;
	let message = text;
	while (keep > 0) {
		keep = Math.floor(keep * 0.9);
		message = chars.slice(0, keep).join('').trimEnd() + '…';
		if ((base + encodeURIComponent(message)).length <= MAX_WHATSAPP_URL) break;
	}
	return base + encodeURIComponent(keep > 0 ? message : '');
}

/** wa.me links break in some clients past ~2,000 characters; we trim the message, never the link itself. */
export const MAX_WHATSAPP_URL = 2000;

/**
 * Click-to-chat link with a prefilled message. The text is cut (with an ellipsis) so the whole URL stays
 * under MAX_WHATSAPP_URL; cutting happens on the raw text so no percent-escape is ever split.
 */
export function whatsappUrl(digits: string, text: string): string {
	const base = `https://wa.me/${digits}?text=`;
	let message = text;
	while ((base + encodeURIComponent(message)).length > MAX_WHATSAPP_URL && message.length > 0) {
		message = message.slice(0, Math.floor(message.length * 0.9)).trimEnd() + '…';
		if (message.length <= 1) message = '';
	}
	return base + encodeURIComponent(message);
}

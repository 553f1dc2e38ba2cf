import QRCode from 'qrcode';
import { newDocument } from './pdf-kit';

export interface SetupCard {
	name: string;
	shop: string;
	url: string;
	expires: string;
}

/**
 * Printable setup cards for a training session: 8 per A4 page (2 × 4), each with the member's name, shop,
 * a QR code of their one-time link and the link as text. Cut along the lines and hand out. Set in DejaVu (pdf-kit),
 * so every letter of a name ("Ibu Ëni", "Pak Tuấn") prints as typed, unlike the built-in Helvetica.
 */
export async function setupCardsPdf(cards: SetupCard[], text: { title: string; scan: string; expires: (d: string) => string }): Promise<Buffer> {
	const { doc, done } = newDocument({ title: text.title, margins: { top: 24, bottom: 24, left: 24, right: 24 } });
	const cols = 2;
	const rows = 4;
	const w = (doc.page.width - 48) / cols;
	const h = (doc.page.height - 48) / rows;
	for (const [i, card] of cards.entries()) {
		const slot = i % (cols * rows);
		if (i > 0 && slot === 0) doc.addPage();
		const x = 24 + (slot % cols) * w;
		const y = 24 + Math.floor(slot / cols) * h;
		doc.save().dash(4, { space: 4 }).rect(x, y, w, h).strokeColor('#999999').stroke().restore();
		const qr = await QRCode.toBuffer(card.url, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
		const size = Math.min(h - 40, w * 0.45);
		doc.image(qr, x + 10, y + 10, { width: size, height: size });
		const tx = x + size + 20;
		const tw = w - size - 30;
		doc.fillColor('#000000').font('sans-bold').fontSize(12).text(card.name, tx, y + 12, { width: tw });
		doc.font('sans').fontSize(10).text(card.shop, { width: tw });
		doc.moveDown(0.5).fontSize(9).text(text.scan, { width: tw });
		doc.moveDown(0.5).fontSize(8).fillColor('#444444').text(text.expires(card.expires), { width: tw });
		doc.font('mono').fontSize(6.5).fillColor('#444444');
		// The link for typing it by hand: cut into whole lines by width, never at its hyphens (pdfkit's word wrap broke
		// '…/kartu-hadir/Ab-cD…' after a '-', so a reader could not tell whether the hyphen belongs to the link).
		for (const [n, line] of linkLines(card.url, w - 20, (t) => doc.widthOfString(t)).entries()) doc.text(line, x + 10, y + size + 14 + n * 8, { lineBreak: false });
		doc.font('sans');
	}
	if (cards.length === 0) doc.font('sans').fontSize(12).text(text.title);
	doc.end();
	return done;
}

/** `url` in lines no wider than `width` (measured by `widthOf`), cut between any two characters, no line ending in '-'. */
export function linkLines(url: string, width: number, widthOf: (text: string) => number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const ch of url) {
		if (line && widthOf(line + ch) > width) {
			// a line ending in '-' reads as a word broken in two: that hyphen starts the next line instead
			const carry = line.length > 1 && line.endsWith('-') ? '-' : '';
			lines.push(carry ? line.slice(0, -1) : line);
			line = carry;
		}
		line += ch;
	}
	if (line) lines.push(line);
	return lines;
}

/** A QR code as a data: URL, for showing a member's link on screen right after adding them. */
export function qrDataUrl(text: string): Promise<string> {
	return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/** A QR code as an SVG data: URL (sharp-edged at any size, a few KB), e.g. a dynamic QRIS on the order page. */
export async function qrSvgDataUrl(text: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

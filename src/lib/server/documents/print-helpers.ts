import QRCode from 'qrcode';
import type { Doc } from './pdf-kit';

/**
 * A QR code drawn as vector squares at (x, y), `size` points wide including the quiet zone of 4 modules the QR
 * standard asks for: sharp at any print size, a few hundred bytes. Error correction M survives a crease or a smudge.
 */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
	const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
	const n = modules.size;
	const cell = size / (n + 8);
	doc.save().rect(x, y, size, size).fill('#ffffff');
	for (let r = 0; r < n; r++) {
		let c = 0;
		while (c < n) {
			if (!modules.get(r, c)) {
				c++;
				continue;
			}
			const start = c;
			while (c < n && modules.get(r, c)) c++;
			// a hair wider than the module, so neighbouring runs print without white seams
			doc.rect(x + (start + 4) * cell, y + (r + 4) * cell, (c - start) * cell + 0.05, cell + 0.05);
		}
	}
	doc.fill('#000000').restore();
}

interface FontWithGlyphs {
	hasGlyphForCodePoint(cp: number): boolean;
}

/**
 * The text without the characters the current font cannot draw (emoji, mostly): a shop called "Keripik 🌶 Bu Ani"
 * prints "Keripik Bu Ani" instead of an empty box. Every letter of Indonesian and Vietnamese names is in DejaVu.
 */
export function printable(doc: Doc, text: string): string {
	const font = (doc as unknown as { _font?: { font?: Partial<FontWithGlyphs> } })._font?.font;
	const has = font?.hasGlyphForCodePoint?.bind(font);
	const kept = has ? [...text].filter((ch) => /\s/.test(ch) || has(ch.codePointAt(0)!)).join('') : text;
	return kept.replace(/\u200b|\u200c|\u200d|\ufe0e|\ufe0f/g, '').replace(/[ \t]{2,}/g, ' ').trim();
}

/**
 * The largest font size from `sizes` at which `text` fits `width` × `height`; the smallest one when none does (the
 * caller then cuts it with an ellipsis). The document's font must be set already.
 */
export function fitFontSize(doc: Doc, text: string, width: number, height: number, sizes: number[]): number {
	for (const size of sizes) if (doc.fontSize(size).heightOfString(text, { width }) <= height) return size;
	return sizes[sizes.length - 1];
}

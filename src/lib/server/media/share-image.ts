import sharp, { type OverlayOptions } from 'sharp';
import { imageQueue } from './image-queue';
import { MAX_INPUT_PIXELS } from './image-pipeline';
import { SHARE_SIZES, type ShareCard, type ShareFormat } from './share-types';

export { SHARE_SIZES, SHARE_TEMPLATE_VERSION, type ShareCard, type ShareFormat } from './share-types';

const BRAND = '#b45309';
const BRAND_DARK = '#7c2d12';
const INK = '#1f1a17';
const MUTED = '#5b524c';
const BG = '#fffaf5';
const FONT = "DejaVu Sans, Liberation Sans, sans-serif";

/** Seller text goes into SVG: every markup character becomes an entity, and characters XML forbids are dropped. */
export function escapeXml(s: string): string {
	return s
		// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters even as entities
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

/**
 * Rough advance width of a character in DejaVu Sans Bold, in em. librsvg does the real layout; this only has
 * to be a little generous so a wrapped line never runs past its box.
 */
function charWidth(ch: string): number {
	if (/[iljtf.,:;'!|()[\]\s]/.test(ch)) return 0.38;
	if (/[mwMW@]/.test(ch)) return 1.0;
	if (/[A-Z0-9]/.test(ch)) return 0.76;
	if (ch.codePointAt(0)! > 0x2000) return 1.1; // emoji, symbols, CJK: wide
	return 0.66;
}

/** The largest font size up to `max` at which one line of text fits `width` (a price is shrunk, never cut). */
function sizeToFit(text: string, width: number, max: number): number {
	const natural = textWidth(text, 1);
	return Math.max(12, Math.min(max, Math.floor(width / Math.max(natural, 1))));
}

/**
 * Emoji are dropped: librsvg here has no colour emoji font, and a row of empty boxes looks broken. Line breaks
 * and tabs become spaces.
 */
export function drawableText(s: string): string {
	return s
		.replace(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0e|\ufe0f|\u20e3/gu, '')
		.replace(/\s+/g, ' ')
		.trim();
}

export function textWidth(text: string, fontSize: number): number {
	let w = 0;
	for (const ch of text) w += charWidth(ch);
	return w * fontSize;
}

/** Cuts a string on whole code points (an emoji is never split) so that it fits `width`, ending with "…". */
function fitWithEllipsis(text: string, width: number, fontSize: number): string {
	if (textWidth(text, fontSize) <= width) return text;
	const chars = Array.from(text);
	while (chars.length && textWidth(chars.join('') + '…', fontSize) > width) chars.pop();
	return chars.join('').trimEnd() + '…';
}

/**
 * Wraps text into at most `maxLines` lines of `width` px; a word longer than a line is broken, and what does not
 * fit ends the last line with "…". Whitespace (newlines, tabs) counts as one space.
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const w of text.trim().split(/\s+/).filter(Boolean)) {
		let word = w;
		const candidate = line ? `${line} ${word}` : word;
		if (textWidth(candidate, fontSize) <= width) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		// A word wider than the whole line: break it by characters.
		while (textWidth(word, fontSize) > width) {
			const chars = Array.from(word);
			let n = chars.length - 1;
			while (n > 1 && textWidth(chars.slice(0, n).join(''), fontSize) > width) n--;
			lines.push(chars.slice(0, n).join(''));
			word = chars.slice(n).join('');
		}
		line = word;
		if (lines.length > maxLines) break;
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = fitWithEllipsis(kept[maxLines - 1] + ' …', width, fontSize).replace(/\s*…+$/, '…');
	if (!kept[maxLines - 1].endsWith('…')) kept[maxLines - 1] += '…';
	return kept;
}

/** The largest of `sizes` at which the text fits in `maxLines` lines without being cut; else the smallest, cut. */
function fitName(name: string, width: number, sizes: number[], maxLines: number): { size: number; lines: string[] } {
	for (const size of sizes) {
		const lines = wrapText(name, width, size, maxLines);
		if (lines.length < maxLines || !lines[maxLines - 1].endsWith('…')) return { size, lines };
	}
	const size = sizes[sizes.length - 1];
	return { size, lines: wrapText(name, width, size, maxLines) };
}

function textLines(lines: string[], x: number, y: number, size: number, lineHeight: number, attrs: string): string {
	return lines.map((l, i) => `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" ${attrs}>${escapeXml(l)}</text>`).join('');
}

/** The SVG text layer of a share image (exported for tests: seller text must stay text). */
export function shareSvg(input: ShareCard, format: ShareFormat, withPhoto: boolean): string {
	const { width, height } = SHARE_SIZES[format];
	const card: ShareCard = {
		name: drawableText(input.name) || '—',
		price: drawableText(input.price),
		shopName: drawableText(input.shopName),
		footer: input.footer ? drawableText(input.footer) : undefined
	};
	const font = `font-family="${FONT}"`;
	let body: string;
	if (format === 'og') {
		// Photo on the left (630×630), words on the right; without a photo the words take the whole card.
		const left = withPhoto ? 630 + 56 : 80;
		const boxW = width - left - 64;
		const name = fitName(card.name, boxW, withPhoto ? [60, 50, 42, 36] : [76, 64, 54, 44], withPhoto ? 4 : 3);
		const lh = Math.round(name.size * 1.2);
		const shop = fitWithEllipsis(card.shopName, boxW, 32);
		const priceSize = sizeToFit(card.price, boxW, 64);
		const nameTop = 190;
		body = [
			withPhoto ? '' : `<rect width="${width}" height="${height}" fill="${BG}"/><rect width="24" height="${height}" fill="${BRAND}"/>`,
			`<rect x="${withPhoto ? 630 : 0}" y="0" width="${withPhoto ? width - 630 : width}" height="${height}" fill="${BG}" opacity="${withPhoto ? 1 : 0}"/>`,
			`<text x="${left}" y="110" font-size="32" fill="${MUTED}" ${font}>${escapeXml(shop)}</text>`,
			textLines(name.lines, left, nameTop + name.size * 0.2, name.size, lh, `font-weight="700" fill="${INK}" ${font}`),
			`<text x="${left}" y="${height - 110}" font-size="${priceSize}" font-weight="700" fill="${BRAND_DARK}" ${font}>${escapeXml(card.price)}</text>`,
			`<text x="${left}" y="${height - 50}" font-size="26" fill="${MUTED}" ${font}>${escapeXml(fitWithEllipsis(card.footer ? `E-Crav · ${card.footer}` : 'E-Crav', boxW, 26))}</text>`
		].join('');
	} else {
		// Status: the photo fills the top 720 px, a cream panel below carries the words.
		const panelTop = withPhoto ? 720 : 0;
		const boxW = width - 2 * 72;
		const name = withPhoto ? fitName(card.name, boxW, [52, 44, 38], 2) : fitName(card.name, boxW, [88, 72, 60, 50], 5);
		const lh = Math.round(name.size * 1.2);
		const shop = fitWithEllipsis(card.shopName, boxW, withPhoto ? 32 : 40);
		const priceSize = sizeToFit(card.price, boxW, withPhoto ? 60 : 84);
		const footer = escapeXml(fitWithEllipsis(card.footer ? `E-Crav · ${card.footer}` : 'E-Crav', boxW, 32));
		body = withPhoto
			? [
					`<rect x="0" y="${panelTop}" width="${width}" height="${height - panelTop}" fill="${BG}"/>`,
					`<rect x="0" y="${panelTop}" width="${width}" height="10" fill="${BRAND}"/>`,
					`<text x="72" y="${panelTop + 66}" font-size="32" fill="${MUTED}" ${font}>${escapeXml(shop)}</text>`,
					textLines(name.lines, 72, panelTop + 66 + 16 + name.size, name.size, lh, `font-weight="700" fill="${INK}" ${font}`),
					`<text x="72" y="${height - 48}" font-size="${priceSize}" font-weight="700" fill="${BRAND_DARK}" ${font}>${escapeXml(card.price)}</text>`
				].join('')
			: [
					`<rect x="0" y="0" width="${width}" height="12" fill="${BRAND}"/>`,
					`<text x="72" y="180" font-size="40" fill="${MUTED}" ${font}>${escapeXml(shop)}</text>`,
					textLines(name.lines, 72, 300, name.size, lh, `font-weight="700" fill="${INK}" ${font}`),
					`<text x="72" y="${height - 200}" font-size="${priceSize}" font-weight="700" fill="${BRAND_DARK}" ${font}>${escapeXml(card.price)}</text>`,
					`<text x="72" y="${height - 90}" font-size="32" fill="${MUTED}" ${font}>${footer}</text>`
				].join('');
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

/**
 * Draws one share image: the product's photo (already stored, any format sharp reads) cropped to its place,
 * the words composited on top as SVG. A photo that cannot be read gives the photo-less card, never an error.
 * Runs through the image queue like every other sharp job (a full queue → BusyError → 503).
 */
export function renderShareImage(card: ShareCard, format: ShareFormat, photo: Buffer | null): Promise<Buffer> {
	return imageQueue.run(() => renderNow(card, format, photo));
}

async function renderNow(card: ShareCard, format: ShareFormat, photo: Buffer | null): Promise<Buffer> {
	const { width, height } = SHARE_SIZES[format];
	const photoBox = format === 'og' ? { width: 630, height: 630 } : { width: 1080, height: 720 };
	let photoLayer: Buffer | null = null;
	if (photo) {
		try {
			photoLayer = await sharp(photo, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
				.resize({ ...photoBox, fit: 'cover', position: 'attention' })
				.toColourspace('srgb')
				.png({ compressionLevel: 0 })
				.toBuffer();
		} catch {
			photoLayer = null;
		}
	}
	const svg = Buffer.from(shareSvg(card, format, photoLayer !== null));
	const layers: OverlayOptions[] = [];
	if (photoLayer) layers.push({ input: photoLayer, left: 0, top: 0 });
	layers.push({ input: svg, left: 0, top: 0 });
	return sharp({ create: { width, height, channels: 3, background: BG } })
		.composite(layers)
		.jpeg({ quality: 82, mozjpeg: true, chromaSubsampling: '4:2:0' })
		.toBuffer();
}

import sharp, { type OverlayOptions } from 'sharp';
import { createRequire } from 'node:module';
import { imageQueue } from './image-queue';

const require = createRequire(import.meta.url);

/** The repo's DejaVu TTFs, handed to Pango directly: the picture looks the same on a server without system fonts. */
const FONTS = {
	regular: { file: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), family: 'DejaVu Sans' },
	bold: { file: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), family: 'DejaVu Sans Bold' }
} as const;

/** What a receipt picture shows, already in words (the caller translates and formats money). */
export interface ReceiptLayout {
	/** The shop's name, large at the top. */
	heading: string;
	/** Order code, date and status, one per line under the heading. */
	subheadings: string[];
	/** "Pembeli: Siti", "Pengiriman: Ambil sendiri", … */
	facts: { label: string; value: string }[];
	/** One row per item: "2 × Sambal Cumi (Pedas)" and its line total. */
	rows: { left: string; right: string }[];
	/** Delivery fee and total; the last one is printed bold. */
	totals: { left: string; right: string }[];
	footer: string;
}

const WIDTH = 720;
const PAD = 40;
const INNER = WIDTH - 2 * PAD;
const AMOUNT_WIDTH = 220;
/** A picture for a chat, not a ledger: past this many item rows the rest is summed up by the caller. */
export const RECEIPT_MAX_ROWS = 30;

function escapeMarkup(s: string): string {
	return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

interface Piece {
	input: Buffer;
	width: number;
	height: number;
}

/** One block of text (wrapped at `width`), as a transparent PNG; empty text gives an empty piece. */
async function text(s: string, opts: { size: number; bold?: boolean; width: number; colour?: string; align?: 'left' | 'right' }): Promise<Piece> {
	// Control characters (a pasted tab, a stray NUL) are dropped: Pango would draw boxes or refuse the text.
	const clean = [...s].filter((c) => c >= ' ' && c !== '\u007f').join('').trim();
	if (!clean) return { input: Buffer.alloc(0), width: 0, height: 0 };
	const font = opts.bold ? FONTS.bold : FONTS.regular;
	const { data, info } = await sharp({
		text: {
			text: `<span foreground="${opts.colour ?? '#1f1a17'}">${escapeMarkup(clean)}</span>`,
			font: `${font.family} ${opts.size}`,
			fontfile: font.file,
			width: opts.width,
			wrap: 'word-char',
			align: opts.align ?? 'left',
			rgba: true,
			dpi: 72
		}
	})
		.png()
		.toBuffer({ resolveWithObject: true });
	return { input: data, width: info.width, height: info.height };
}

/**
 * The order receipt as a PNG a seller can send in WhatsApp: white card, shop name, facts, one row per item
 * with its amount on the right (never split from "Rp"), the total in bold. Text is set by Pango with the
 * bundled DejaVu fonts and passed as plain text (markup escaped), so a product named `<b>` prints as typed.
 */
export function renderReceiptPng(layout: ReceiptLayout): Promise<Buffer> {
	return imageQueue.run(() => renderNow(layout));
}

async function renderNow(layout: ReceiptLayout): Promise<Buffer> {
	const composites: OverlayOptions[] = [];
	const rules: number[] = [];
	let y = PAD;
	const place = (p: Piece, x: number, top: number) => {
		if (p.height > 0) composites.push({ input: p.input, left: Math.round(x), top: Math.round(top) });
	};

	const heading = await text(layout.heading, { size: 34, bold: true, width: INNER });
	place(heading, PAD, y);
	y += heading.height + 10;
	for (const line of layout.subheadings) {
		const p = await text(line, { size: 22, width: INNER, colour: '#5b524c' });
		place(p, PAD, y);
		y += p.height + 4;
	}
	y += 14;
	rules.push(y);
	y += 20;
	for (const f of layout.facts) {
		const label = await text(f.label, { size: 22, width: 200, colour: '#5b524c' });
		const value = await text(f.value, { size: 22, width: INNER - 210 });
		place(label, PAD, y);
		place(value, PAD + 210, y);
		y += Math.max(label.height, value.height) + 8;
	}
	y += 12;
	rules.push(y);
	y += 20;
	for (const r of layout.rows.slice(0, RECEIPT_MAX_ROWS)) {
		const left = await text(r.left, { size: 24, width: INNER - AMOUNT_WIDTH - 16 });
		const right = await text(r.right, { size: 24, width: AMOUNT_WIDTH, align: 'right' });
		place(left, PAD, y);
		place(right, WIDTH - PAD - right.width, y);
		y += Math.max(left.height, right.height) + 10;
	}
	y += 6;
	rules.push(y);
	y += 20;
	for (const [i, r] of layout.totals.entries()) {
		const last = i === layout.totals.length - 1;
		const size = last ? 30 : 24;
		const left = await text(r.left, { size, bold: last, width: INNER - AMOUNT_WIDTH - 16 });
		const right = await text(r.right, { size, bold: last, width: AMOUNT_WIDTH + 60, align: 'right' });
		place(left, PAD, y);
		place(right, WIDTH - PAD - right.width, y);
		y += Math.max(left.height, right.height) + 10;
	}
	y += 16;
	const footer = await text(layout.footer, { size: 18, width: INNER, colour: '#6b625c' });
	place(footer, PAD, y);
	y += footer.height + PAD;

	const height = Math.round(y);
	const lines = rules.map((r) => `<rect x="${PAD}" y="${Math.round(r)}" width="${INNER}" height="2" fill="#e4dcd3"/>`).join('');
	const background = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}"><rect width="100%" height="100%" fill="#ffffff"/><rect width="100%" height="10" fill="#b4441b"/>${lines}</svg>`;
	return sharp(Buffer.from(background)).composite(composites).png({ compressionLevel: 9, palette: true }).toBuffer();
}

import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** DejaVu (TTF, embedded and subset): prints every Latin letter of Indonesian names, unlike the built-in Helvetica. */
const FONT_FILES = {
	serif: 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
	'serif-bold': 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
	'serif-italic': 'dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf',
	sans: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
	'sans-bold': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
	// links to type by hand: l/1/I and O/0 told apart, every character as wide as the next
	mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'
} as const;
export type FontName = keyof typeof FONT_FILES;

/** A new document (A4 unless `size` says otherwise) with the fonts registered, and a promise of its bytes. */
export function newDocument(options: { title: string; size?: 'A4' | 'A6'; layout?: 'portrait' | 'landscape'; margins?: { top: number; bottom: number; left: number; right: number } }) {
	const doc = new PDFDocument({ size: options.size ?? 'A4', layout: options.layout ?? 'portrait', margins: options.margins ?? { top: 56, bottom: 56, left: 72, right: 64 }, info: { Title: options.title, Producer: 'E-Crav' }, bufferPages: true });
	for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, require.resolve(file));
	doc.font('serif');
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
	return { doc, done };
}

export type Doc = PDFKit.PDFDocument;

export interface Column {
	header: string;
	width: number;
	align?: 'left' | 'center' | 'right';
}

/** A table's rows kept together at a page break: at least this many (or all, when fewer) on each side. */
export const KEEP_ROWS = 3;

type TableOptions = { fontSize?: number; minRowHeight?: number };

/**
 * How a table lays out: the font size of each cell (a word wider than its column — "Undangan" in a narrow
 * header — is printed smaller rather than broken mid-word), the header's and each row's height.
 */
function measureTable(doc: Doc, columns: Column[], rows: string[][], options: TableOptions) {
	const size = options.fontSize ?? 10;
	const pad = 4;
	const sizeOf = (text: string, col: Column, bold: boolean) => {
		doc.font(bold ? 'serif-bold' : 'serif').fontSize(size);
		const room = col.width - 2 * pad;
		const widest = Math.max(0, ...text.split(/\s+/).map((w) => doc.widthOfString(w)));
		return widest > room ? Math.floor((size * room * 10) / widest) / 10 : size;
	};
	const measureRow = (cells: string[], bold: boolean) => {
		const sizes = columns.map((col, i) => sizeOf(cells[i] ?? '', col, bold));
		const height = Math.max(
			options.minRowHeight ?? 0,
			...columns.map((col, i) => doc.font(bold ? 'serif-bold' : 'serif').fontSize(sizes[i]).heightOfString(cells[i] || ' ', { width: col.width - 2 * pad }) + 2 * pad)
		);
		return { cells, sizes, height, bold };
	};
	return { pad, header: measureRow(columns.map((c) => c.header), true), rows: rows.map((r) => measureRow(r, false)) };
}

/** The height a table needs at the foot of a page to start there: its header and its first rows (see KEEP_ROWS). */
export function tableStartHeight(doc: Doc, columns: Column[], rows: string[][], options: TableOptions = {}): number {
	const m = measureTable(doc, columns, rows, options);
	doc.font('serif').fontSize(11);
	return m.header.height + m.rows.slice(0, KEEP_ROWS).reduce((s, r) => s + r.height, 0);
}

/**
 * Where a table of these row heights breaks, starting at `startY` with `top`..`bottom` the printable band of a
 * page: the index of the first row of each new page. No page holds fewer than KEEP_ROWS of the table's rows
 * (or all of them, when fewer): a table that cannot show that many here starts on the next page, and the
 * last page takes rows from the one before it rather than carry one or two alone.
 */
export function tableBreaks(heights: number[], headerHeight: number, startY: number, top: number, bottom: number): { newPage: boolean; breaks: number[] } {
	const keep = Math.min(KEEP_ROWS, heights.length);
	const plan = (y0: number) => {
		const breaks: number[] = [];
		let y = y0 + headerHeight;
		for (const [k, h] of heights.entries()) {
			// a row taller than a whole page still starts a page of its own only once
			if (y + h > bottom && y > top + headerHeight) {
				breaks.push(k);
				y = top + headerHeight;
			}
			y += h;
		}
		return breaks;
	};
	// a header that does not fit at all, or fewer than `keep` rows under it here: start on the next page
	let newPage = startY > top && startY + headerHeight > bottom;
	let breaks = plan(newPage ? top : startY);
	if (!newPage && startY > top && (breaks[0] ?? Infinity) < keep) {
		newPage = true;
		breaks = plan(top);
	}
	const last = breaks.length - 1;
	if (last >= 0 && heights.length - breaks[last] < keep) {
		const previous = last > 0 ? breaks[last - 1] : 0;
		// move rows over only when the page before keeps enough of its own
		if (heights.length - keep - previous >= keep) breaks[last] = heights.length - keep;
	}
	// still a page with too few rows: a table that fits on one page goes whole to the next
	const counts = [...breaks, heights.length].map((b, i, all) => b - (i > 0 ? all[i - 1] : 0));
	if (!newPage && startY > top && counts.some((c) => c < keep) && plan(top).length === 0) {
		newPage = true;
		breaks = [];
	}
	return { newPage, breaks };
}

/** A bordered table that breaks across pages (never leaving one or two rows alone), repeating its header. Cells are plain text. */
export function table(doc: Doc, columns: Column[], rows: string[][], options: TableOptions = {}) {
	const x0 = doc.page.margins.left;
	const m = measureTable(doc, columns, rows, options);
	const drawRow = (row: (typeof m.rows)[number], y: number) => {
		let x = x0;
		for (const [i, col] of columns.entries()) {
			if (row.bold) doc.save().rect(x, y, col.width, row.height).fill('#eeeeee').restore();
			doc.rect(x, y, col.width, row.height).lineWidth(0.6).strokeColor('#000000').stroke();
			doc.font(row.bold ? 'serif-bold' : 'serif').fontSize(row.sizes[i]);
			doc.fillColor('#000000').text(row.cells[i] ?? '', x + m.pad, y + m.pad, { width: col.width - 2 * m.pad, align: col.align ?? 'left' });
			x += col.width;
		}
	};
	const top = doc.page.margins.top;
	const bottom = doc.page.height - doc.page.margins.bottom;
	const { newPage, breaks } = tableBreaks(
		m.rows.map((r) => r.height),
		m.header.height,
		doc.y,
		top,
		bottom
	);
	if (newPage) doc.addPage();
	let y = doc.y;
	drawRow(m.header, y);
	y += m.header.height;
	for (const [k, row] of m.rows.entries()) {
		if (breaks.includes(k)) {
			doc.addPage();
			y = doc.y;
			drawRow(m.header, y);
			y += m.header.height;
		}
		drawRow(row, y);
		y += row.height;
	}
	doc.x = x0;
	doc.y = y + 8;
	doc.font('serif').fontSize(11);
}

/** Width between the margins. */
export function contentWidth(doc: Doc): number {
	return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Page numbers at the bottom centre of every page (the document must have been made with bufferPages). */
export function numberPages(doc: Doc, from = 0) {
	const range = doc.bufferedPageRange();
	for (let i = range.start + from; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc.font('serif').fontSize(9).fillColor('#000000').text(String(i + 1 - from), doc.page.margins.left, doc.page.height - 36, { width: contentWidth(doc), align: 'center', lineBreak: false });
		doc.page.margins.bottom = bottom;
	}
}

/** A kelurahan letterhead: issuer lines centred in bold, the address smaller, a double rule under it. */
export function letterhead(doc: Doc, lines: string[], address: string) {
	const w = contentWidth(doc);
	const x = doc.page.margins.left;
	doc.font('serif-bold');
	for (const [i, line] of lines.entries()) doc.fontSize(i === lines.length - 1 ? 15 : 13).text(line.toUpperCase(), x, undefined, { width: w, align: 'center' });
	if (address) doc.font('serif').fontSize(9.5).text(address, x, undefined, { width: w, align: 'center' });
	const y = doc.y + 4;
	doc.moveTo(x, y).lineTo(x + w, y).lineWidth(2.2).strokeColor('#000000').stroke();
	doc.moveTo(x, y + 3).lineTo(x + w, y + 3).lineWidth(0.7).stroke();
	doc.x = x;
	doc.y = y + 14;
	doc.font('serif').fontSize(11);
}

/** Name and office of a community for letterheads: "Pemerintah Kabupaten Kuningan / Kecamatan Cigugur / Kelurahan Cigadung". */
export function communityLetterhead(c: { name: string; kind: string; district: string; regency: string }): string[] {
	const kind = c.kind === 'desa' ? 'Desa' : 'Kelurahan';
	const name = /^(desa|kelurahan)\s/i.test(c.name) ? c.name : `${kind} ${c.name}`;
	return [`Pemerintah ${c.regency}`, `Kecamatan ${c.district}`, name];
}

/**
 * A dotted line in brackets about `width` points wide at the current font: room for a name written by hand
 * (a full Indonesian name with a title, "Hj. Euis Nurhayati, S.Pd."), not a token "(……)".
 */
export function handwrittenNameLine(doc: Doc, width: number): string {
	const dots = Math.max(10, Math.floor((width - doc.widthOfString('()')) / doc.widthOfString('.')));
	return `(${'.'.repeat(dots)})`;
}

/** A signature block at the right: place and date, office, space to sign, name underlined (a dotted line when empty), rank, NIP (`nip: ''` prints a dotted NIP line; leave it out for a signer who has none). */
export function signatureBlock(doc: Doc, s: { placeDate?: string; office: string; name: string; rank?: string; nip?: string }, x?: number) {
	const w = 220;
	const left = x ?? doc.page.width - doc.page.margins.right - w;
	if (doc.y + 130 > doc.page.height - doc.page.margins.bottom) doc.addPage();
	const top = doc.y;
	doc.font('serif').fontSize(11);
	if (s.placeDate) doc.text(s.placeDate, left, top, { width: w, align: 'center' });
	doc.text(s.office || ' ', left, undefined, { width: w, align: 'center' });
	doc.moveDown(3.5);
	if (s.name) doc.font('serif-bold').text(s.name, left, undefined, { width: w, align: 'center', underline: true });
	else doc.text(handwrittenNameLine(doc, w - 20), left, undefined, { width: w, align: 'center' });
	doc.font('serif');
	if (s.rank) doc.text(s.rank, left, undefined, { width: w, align: 'center' });
	// an official signer (nip given, even empty) without a NIP in the settings gets a line to fill in by hand, never nothing
	if (s.nip !== undefined) doc.text(`NIP. ${s.nip || '..............................'}`, left, undefined, { width: w, align: 'center' });
	const end = doc.y;
	doc.x = doc.page.margins.left;
	return { top, end };
}

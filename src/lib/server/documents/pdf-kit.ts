import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** DejaVu (TTF, embedded and subset): prints every Latin letter of Indonesian names, unlike the built-in Helvetica. */
const FONT_FILES = {
	serif: 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
	'serif-bold': 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
	'serif-italic': 'dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf',
	sans: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
	'sans-bold': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'
} as const;
export type FontName = keyof typeof FONT_FILES;

/** A new A4 document with the fonts registered, and a promise of its bytes. */
export function newDocument(options: { title: string; layout?: 'portrait' | 'landscape'; margins?: { top: number; bottom: number; left: number; right: number } }) {
	const doc = new PDFDocument({ size: 'A4', layout: options.layout ?? 'portrait', margins: options.margins ?? { top: 56, bottom: 56, left: 72, right: 64 }, info: { Title: options.title, Producer: 'E-Crav' }, bufferPages: true });
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

/** A bordered table that breaks across pages, repeating its header. Cells are plain text. */
export function table(doc: Doc, columns: Column[], rows: string[][], options: { fontSize?: number; minRowHeight?: number } = {}) {
	const size = options.fontSize ?? 10;
	const pad = 4;
	const x0 = doc.page.margins.left;
	const bottom = () => doc.page.height - doc.page.margins.bottom;
	const heightOf = (cells: string[], bold: boolean) => {
		doc.font(bold ? 'serif-bold' : 'serif').fontSize(size);
		return Math.max(options.minRowHeight ?? 0, ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: columns[i].width - 2 * pad }) + 2 * pad));
	};
	const drawRow = (cells: string[], bold: boolean, y: number, h: number) => {
		let x = x0;
		doc.font(bold ? 'serif-bold' : 'serif').fontSize(size);
		for (const [i, col] of columns.entries()) {
			if (bold) doc.save().rect(x, y, col.width, h).fill('#eeeeee').restore();
			doc.rect(x, y, col.width, h).lineWidth(0.6).strokeColor('#000000').stroke();
			doc.fillColor('#000000').text(cells[i] ?? '', x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? 'left' });
			x += col.width;
		}
	};
	const header = columns.map((c) => c.header);
	let y = doc.y;
	const hh = heightOf(header, true);
	if (y + hh * 2 > bottom()) {
		doc.addPage();
		y = doc.y;
	}
	drawRow(header, true, y, hh);
	y += hh;
	for (const row of rows) {
		const h = heightOf(row, false);
		if (y + h > bottom()) {
			doc.addPage();
			y = doc.y;
			drawRow(header, true, y, hh);
			y += hh;
		}
		drawRow(row, false, y, h);
		y += h;
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
	doc.font('serif-bold').text(s.name || '(....................................)', left, undefined, { width: w, align: 'center', underline: !!s.name });
	doc.font('serif');
	if (s.rank) doc.text(s.rank, left, undefined, { width: w, align: 'center' });
	// an official signer (nip given, even empty) without a NIP in the settings gets a line to fill in by hand, never nothing
	if (s.nip !== undefined) doc.text(`NIP. ${s.nip || '..............................'}`, left, undefined, { width: w, align: 'center' });
	const end = doc.y;
	doc.x = doc.page.margins.left;
	return { top, end };
}

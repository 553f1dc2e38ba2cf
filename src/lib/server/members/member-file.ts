import ExcelJS from 'exceljs';
import { checkZip } from '../security/zip-guard';
import { cleanText } from '../../validation/text';
import { translator, type MessageKey, type Params } from '../../i18n';

/**
 * Reading and writing the member spreadsheet (CSV or XLSX). Only this file knows the formats; the rules
 * for what a row must hold live in member-import.ts.
 */

export const MAX_IMPORT_ROWS = 5000;
export const IMPORT_SHEET = 'Anggota';

/** Columns of the file, in the order of the template and the export. */
export const IMPORT_COLUMNS = ['nama', 'whatsapp', 'usaha', 'nama_toko', 'rw', 'nib', 'pirt', 'halal', 'modal', 'omzet_tahunan', 'saluran_sebelum'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['nama', 'whatsapp', 'usaha'];

/** Header spellings people use, normalised (lower-case, spaces/dashes → `_`). */
const ALIASES: Record<string, ImportColumn> = {
	nama: 'nama',
	nama_pemilik: 'nama',
	nama_anggota: 'nama',
	whatsapp: 'whatsapp',
	wa: 'whatsapp',
	no_wa: 'whatsapp',
	nomor_whatsapp: 'whatsapp',
	no_hp: 'whatsapp',
	usaha: 'usaha',
	jenis_usaha: 'usaha',
	nama_toko: 'nama_toko',
	toko: 'nama_toko',
	rw: 'rw',
	nib: 'nib',
	pirt: 'pirt',
	p_irt: 'pirt',
	halal: 'halal',
	modal: 'modal',
	modal_usaha: 'modal',
	omzet: 'omzet_tahunan',
	omzet_tahunan: 'omzet_tahunan',
	omzet_per_tahun: 'omzet_tahunan',
	saluran_sebelum: 'saluran_sebelum',
	saluran_pemasaran: 'saluran_sebelum'
};

/**
 * Columns the roster export adds after ours (account, progress, level, size): read-only facts the import never
 * changes, so a file exported and imported again is taken without a warning about them. From the catalogue the
 * export writes its header with (both languages), so the two cannot drift apart.
 */
const EXPORT_ONLY_KEYS = ['members.col.account', 'members.col.profileComplete', 'members.col.stepsDone', 'members.col.products', 'members.col.level', 'members.col.size'] as const;
const EXPORT_ONLY = new Set((['id', 'en'] as const).flatMap((locale) => EXPORT_ONLY_KEYS.map((k) => normaliseHeader(translator(locale)(k, { total: 0 }).replace(/\(.*\)/, '')))));

/** Header cells read at most: our columns, the export's and a few notes fit easily; a cell in column XFD is never walked to. */
const MAX_COLUMNS = 50;

export interface FileProblem {
	/** Spreadsheet row number (the header is row 1); 0 for the file as a whole. */
	row: number;
	column: string | null;
	messageKey: MessageKey;
	params: Params;
}

export interface SheetRow {
	row: number;
	values: Partial<Record<ImportColumn, string>>;
}

/** `ignored`: header cells that are no column of ours (a note column, say), as written; their cells are not read. */
export type ParsedSheet = { ok: true; rows: SheetRow[]; ignored: string[] } | { ok: false; problems: FileProblem[] };

const fileProblem = (messageKey: MessageKey, params: Params = {}, column: string | null = null): FileProblem => ({ row: 0, column, messageKey, params });

/** Reads an uploaded CSV or XLSX into rows keyed by column, or says precisely why it cannot. */
export async function readMemberSheet(fileName: string, bytes: Uint8Array): Promise<ParsedSheet> {
	const lower = fileName.toLowerCase();
	const isZip = bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b;
	let table: string[][];
	if (lower.endsWith('.xlsx') || isZip) {
		const read = await readXlsx(bytes);
		if (!read.ok) return read;
		table = read.table;
	} else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
		const text = new TextDecoder('utf-8').decode(bytes);
		if (text.includes('\u0000')) return { ok: false, problems: [fileProblem('members.import.unreadable')] };
		table = parseCsv(text.replace(/^\uFEFF/, ''));
	} else {
		return { ok: false, problems: [fileProblem('members.import.badType')] };
	}
	return toRows(table);
}

async function readXlsx(bytes: Uint8Array): Promise<{ ok: true; table: string[][] } | { ok: false; problems: FileProblem[] }> {
	const zip = checkZip(bytes);
	if (!zip.ok) return { ok: false, problems: [fileProblem(zip.reason === 'tooLarge' ? 'members.import.tooBig' : 'members.import.unreadable')] };
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	} catch {
		return { ok: false, problems: [fileProblem('members.import.unreadable')] };
	}
	const sheets = wb.worksheets;
	if (sheets.length === 0) return { ok: false, problems: [fileProblem('members.import.empty')] };
	const named = sheets.find((s) => s.name.trim().toLowerCase() === IMPORT_SHEET.toLowerCase());
	const sheet = named ?? sheets[0];
	// Only the header's columns are read (at most MAX_COLUMNS), cell by cell: exceljs's own row walks (eachRow,
	// actualRowCount, eachCell) touch every column up to the last one used, so one value in column XFD made each
	// row 16,384 cells long and a 35 KB file froze the server. Rows are counted while reading; past the limit we stop.
	const width = Math.min(MAX_COLUMNS, sheet.findRow(1)?.cellCount ?? 0);
	const table: string[][] = [];
	const unreadable: { row: number; col: number; address: string; read: Extract<CellRead, { problem: string }> }[] = [];
	let filled = 0;
	for (let n = 1; n <= sheet.rowCount; n++) {
		const row = sheet.findRow(n);
		if (!row) continue;
		const cells: string[] = new Array<string>(width).fill('');
		for (let col = 1; col <= width; col++) {
			const cell = row.findCell(col);
			if (!cell) continue;
			const read = readCell(cell.value);
			if ('problem' in read) unreadable.push({ row: n, col, address: cell.address, read });
			else cells[col - 1] = read.text;
		}
		table[n - 1] = cells;
		if (n > 1 && cells.some((c) => c.trim()) && ++filled > MAX_IMPORT_ROWS) return { ok: false, problems: [tooMany(filled)] };
	}
	for (let i = 0; i < table.length; i++) table[i] ??= [];
	if (unreadable.length) {
		const header = table[0] ?? [];
		return {
			ok: false,
			problems: unreadable.map((u) => ({ row: u.row, column: header[u.col - 1]?.trim() || u.address.replace(/\d+$/, ''), messageKey: u.read.problem, params: { cell: u.address, error: u.read.error } }))
		};
	}
	if (!named) {
		const header = (table[0] ?? []).map(normaliseHeader);
		const known = header.map((h) => ALIASES[h]);
		if (!known.includes('nama') || !known.includes('whatsapp')) {
			return { ok: false, problems: [fileProblem('members.import.noSheet', { first: sheet.name, sheets: sheets.map((s) => `"${s.name}"`).join(', ') })] };
		}
	}
	return { ok: true, table };
}

type CellRead = { text: string } | { problem: 'members.import.formulaNoResult' | 'members.import.cellError'; error: string };

/**
 * A cell as the person sees it in Excel: a formula gives its computed (cached) result, rich text and
 * hyperlinks their plain text. A formula without a stored result, or a cell showing an error (#N/A…), has
 * nothing to import: it is refused with its address rather than guessed (never "[object Object]").
 */
function readCell(v: ExcelJS.CellValue): CellRead {
	if (v == null) return { text: '' };
	if (typeof v === 'string') return { text: v };
	if (typeof v === 'number') return { text: String(v) };
	if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
	if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
	if (typeof v === 'object') {
		if ('formula' in v || 'sharedFormula' in v) {
			const result = (v as { result?: ExcelJS.CellValue }).result;
			if (result === undefined || result === null) return { problem: 'members.import.formulaNoResult', error: '' };
			return readCell(result);
		}
		if ('error' in v) return { problem: 'members.import.cellError', error: String((v as { error: unknown }).error) };
		if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join('') };
		if ('text' in v) return readCell((v as { text: ExcelJS.CellValue }).text);
	}
	return { problem: 'members.import.cellError', error: '?' };
}

function normaliseHeader(h: string): string {
	return h.trim().toLowerCase().replace(/[\s\-/.]+/g, '_').replace(/^_+|_+$/g, '');
}

function toRows(table: string[][]): ParsedSheet {
	const headerRow = table[0];
	if (!headerRow || headerRow.every((c) => !c.trim())) return { ok: false, problems: [fileProblem('members.import.empty')] };
	const problems: FileProblem[] = [];
	const columns: (ImportColumn | null)[] = [];
	const seen = new Set<ImportColumn>();
	const ignored: string[] = [];
	headerRow.forEach((raw) => {
		const h = normaliseHeader(raw);
		if (!h) {
			columns.push(null);
			return;
		}
		const col = ALIASES[h];
		if (!col && isExportOnly(h)) {
			// the export's own read-only column (account, progress, …): skipped without a word
			columns.push(null);
		} else if (!col) {
			// an extra column (notes, a number) does not stop the import: it is left out and the result names it
			ignored.push(raw.trim());
			columns.push(null);
		} else if (seen.has(col)) {
			problems.push(fileProblem('members.import.duplicateColumn', { column: raw.trim() }, raw.trim()));
			columns.push(null);
		} else {
			seen.add(col);
			columns.push(col);
		}
	});
	for (const req of REQUIRED_COLUMNS) if (!seen.has(req)) problems.push(fileProblem('members.import.missingColumn', { column: req }, req));
	if (problems.length) return { ok: false, problems };
	const rows: SheetRow[] = [];
	for (let i = 1; i < table.length; i++) {
		const cells = table[i] ?? [];
		if (cells.every((c) => !c || !c.trim())) continue;
		const values: SheetRow['values'] = {};
		columns.forEach((col, j) => {
			if (col) values[col] = cleanText(unguardFormula(cells[j] ?? '')).trim();
		});
		rows.push({ row: i + 1, values });
	}
	if (rows.length === 0) return { ok: false, problems: [fileProblem('members.import.empty')] };
	if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problems: [tooMany(rows.length)] };
	return { ok: true, rows, ignored };
}

const tooMany = (count: number) => fileProblem('members.import.tooMany', { count: count.toLocaleString('id-ID'), max: MAX_IMPORT_ROWS.toLocaleString('id-ID') });

function isExportOnly(h: string): boolean {
	return EXPORT_ONLY.has(h) || EXPORT_ONLY.has(h.replace(/_?\(.*$/, ''));
}

/**
 * The inverse of `neutraliseFormula`: the apostrophe the export put before `= + - @`, a tab or a carriage
 * return is taken off again, so "@dapur.ani" exported and imported stays "@dapur.ani" (not "'@dapur.ani",
 * one more apostrophe each round). An apostrophe before anything else is the person's own and stays.
 */
export function unguardFormula(value: string): string {
	return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * RFC 4180 CSV with the delimiter guessed from the header line (`;` is what Excel writes in an Indonesian
 * locale, `,` elsewhere). Quoted fields may hold delimiters, quotes ("") and line breaks.
 */
export function parseCsv(text: string): string[][] {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === delimiter) {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/**
 * A cell that a spreadsheet would run as a formula (starts with = + - @, or a tab / carriage return) gets
 * a leading apostrophe, so an exported name like `=HYPERLINK(…)` stays text (CSV injection, OWASP).
 */
export function neutraliseFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
	const safe = neutraliseFormula(value);
	return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV (comma, CRLF, UTF-8 with BOM so Excel shows Indonesian names right), formula-safe. */
export function writeCsv(header: string[], rows: (string | number | null)[][]): Buffer {
	const lines = [header, ...rows].map((r) => r.map((v) => csvField(v == null ? '' : String(v))).join(','));
	return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf-8');
}

/** One sheet with a bold header; cells are typed (strings stay text, never formulas; numbers stay numbers). */
export async function writeXlsx(sheetName: string, header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'E-Crav';
	const ws = wb.addWorksheet(sheetName);
	ws.addRow(header).font = { bold: true };
	for (const r of rows) ws.addRow(r);
	ws.columns.forEach((c, i) => {
		c.width = Math.min(40, Math.max(10, header[i].length + 2));
	});
	return Buffer.from(await wb.xlsx.writeBuffer());
}

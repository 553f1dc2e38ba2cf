import ExcelJS from 'exceljs';
import type { MessageKey } from '../../i18n';
import { checkZip, type ZipLimits } from '../security/zip-guard';
import { SHOPEE_FIELDS, type ShopeeField, type ShopeeRow } from './shopee-rules';

/** Shopee's Template Dasar: row 1 machine keys, rows 2–6 headers and instructions, products from row 7. */
export const FIRST_DATA_ROW = 7;
const SHEET = 'Template';
/** An uploaded template is at most this big (Seller Centre's blank one is well under 1 MB). */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
/**
 * What reading a template may cost, bounded before exceljs sees it (exceljs holds every cell in memory and blocks the
 * server while it parses): a blank Template Dasar unpacks to well under 1 MB, its sheets to a few thousand tags. The
 * tag count ('<' in the sheets and shared strings) bounds the cells and rows however the XML is written; 250,000 tags
 * parse in about 2 s on this machine.
 */
const TEMPLATE_ZIP_LIMITS: ZipLimits = { maxEntries: 300, maxEntryBytes: 4 * 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 };
const MAX_TEMPLATE_TAGS = 250_000;
/** One template parse at a time: a second one waits its turn as 503 "try again" instead of doubling the load. */
let parsing = false;

function countTags(data: Buffer): number {
	let n = 0;
	for (let i = data.indexOf(0x3c); i !== -1; i = data.indexOf(0x3c, i + 1)) n++;
	return n;
}

/** Row-1 cells read at most: a stray value in column XFD must not make us walk 16,384 columns per row. */
const MAX_COLUMNS = 400;

/** The built-in workbook's columns: Shopee's key, its header and whether Shopee requires it. */
const FALLBACK_COLUMNS: { key: string; header: string; required: boolean; hint: string }[] = [
	{ key: 'ps_category|1|0', header: 'Kategori', required: true, hint: 'Pilih kategori di Seller Centre setelah upload' },
	{ key: 'ps_product_name|1|0', header: 'Nama Produk', required: true, hint: '5–255 karakter' },
	{ key: 'ps_product_description|1|0', header: 'Deskripsi Produk', required: true, hint: 'Teks biasa, 20–3000 karakter' },
	{ key: 'ps_sku_parent_short|0|0', header: 'SKU Induk', required: false, hint: 'Sama untuk semua variasi satu produk' },
	{ key: 'et_title_variation_integration_no|0|0', header: 'Kode Integrasi Variasi', required: false, hint: 'Sama untuk semua baris variasi satu produk' },
	{ key: 'et_title_variation_1|0|0', header: 'Nama Variasi 1', required: false, hint: 'Maks. 14 karakter, mis. Rasa' },
	{ key: 'et_title_option_for_variation_1|0|0', header: 'Varian untuk Variasi 1', required: false, hint: 'Maks. 20 karakter, mis. Pedas' },
	{ key: 'ps_price|1|1', header: 'Harga', required: true, hint: 'Rupiah, Rp99–Rp150.000.000' },
	{ key: 'ps_stock|1|1', header: 'Stok', required: true, hint: 'Jumlah barang siap jual' },
	{ key: 'ps_sku_short|0|0', header: 'Kode Variasi', required: false, hint: 'SKU' },
	{ key: 'ps_item_cover_image|1|3', header: 'Foto Sampul', required: true, hint: 'Alamat (URL) foto' },
	...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ key: `ps_item_image_${n}|0|3`, header: `Foto Produk ${n}`, required: false, hint: 'Alamat (URL) foto' })),
	{ key: 'ps_weight|1|1', header: 'Berat (gr)', required: true, hint: 'Berat dalam gram' }
];

export type WeightUnit = 'g' | 'kg';

/** A template the seller uploaded that cannot be filled: why, in a message key (the file is refused, nothing recorded). */
export type TemplateProblem = { ok: false; messageKey: MessageKey };

/** The field name of a row-1 key: `ps_product_name|1|0` → `ps_product_name` (the flags differ between versions). */
export function fieldOfKey(key: unknown): string | null {
	if (typeof key !== 'string') return null;
	const m = /^\s*([a-z][a-z0-9_.]*)\|/i.exec(key);
	return m ? m[1].toLowerCase() : null;
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('text' in value) return String(value.text);
		if ('result' in value) return String(value.result ?? '');
		return '';
	}
	return String(value);
}

/** Writes the lines from row 7 into the columns mapped by field name; a column not in the map stays empty. */
function writeRows(ws: ExcelJS.Worksheet, columns: Map<ShopeeField, number>, rows: ShopeeRow[], unit: WeightUnit): void {
	rows.forEach((line, i) => {
		const row = ws.getRow(FIRST_DATA_ROW + i);
		for (const [field, col] of columns) {
			let value = line[field];
			if (value === undefined || value === '') continue;
			if (field === 'ps_weight' && typeof value === 'number' && unit === 'kg') value = Math.round(value) / 1000;
			row.getCell(col).value = value;
		}
		row.commit();
	});
}

/** The built-in workbook (no template uploaded): the basic keys and Indonesian headers, grams for weight. */
export async function fallbackWorkbook(rows: ShopeeRow[]): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'E-Crav';
	const ws = wb.addWorksheet(SHEET);
	ws.getRow(1).values = FALLBACK_COLUMNS.map((c) => c.key);
	ws.getRow(2).values = FALLBACK_COLUMNS.map((c) => c.header);
	ws.getRow(3).values = FALLBACK_COLUMNS.map((c) => (c.required ? 'Wajib' : 'Opsional'));
	ws.getRow(4).values = FALLBACK_COLUMNS.map((c) => c.hint);
	ws.getRow(5).values = ['Dibuat oleh E-Crav. Upload di Seller Centre → Produk → Upload Massal.'];
	ws.getRow(2).font = { bold: true };
	FALLBACK_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.key.startsWith('ps_product_description') ? 50 : 22));
	const columns = new Map<ShopeeField, number>();
	FALLBACK_COLUMNS.forEach((c, i) => columns.set(fieldOfKey(c.key) as ShopeeField, i + 1));
	writeRows(ws, columns, rows, 'g');
	return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The weight unit the template states in its header rows (2–6): first in the weight column itself, then anywhere in
 * those rows beside the word "berat"/"weight". null when it says neither — then we refuse rather than guess, since a
 * guess can be off by a thousand.
 */
export function weightUnitOf(ws: ExcelJS.Worksheet, weightColumn: number | undefined, width: number): WeightUnit | null {
	const unitIn = (text: string): WeightUnit | null => {
		if (/\bkg\b|kilo/i.test(text)) return 'kg';
		if (/\bgr?\b|\bgram\b|\bgrams\b/i.test(text)) return 'g';
		return null;
	};
	if (weightColumn) {
		for (let r = 2; r < FIRST_DATA_ROW; r++) {
			const unit = unitIn(cellText(ws.findRow(r)?.findCell(weightColumn)?.value ?? null));
			if (unit) return unit;
		}
	}
	for (let r = 2; r < FIRST_DATA_ROW; r++) {
		const row = ws.findRow(r);
		if (!row) continue;
		for (let c = 1; c <= width; c++) {
			const text = cellText(row.findCell(c)?.value ?? null);
			if (/berat|weight/i.test(text)) {
				const unit = unitIn(text);
				if (unit) return unit;
			}
		}
	}
	return null;
}

/**
 * Fills the seller's own blank "Template Dasar" from Seller Centre. Columns are found by the field name of their
 * row-1 key (order and flags change between versions); rows 1–6 are left exactly as they were, products go from
 * row 7, columns E-Crav has nothing for stay empty, every other sheet is left as it was. The upload is hostile
 * input: it must be a real, reasonably small XLSX whose unpacked size is bounded (zip-guard) before exceljs reads it.
 */
export async function fillTemplate(bytes: Uint8Array, rows: ShopeeRow[]): Promise<{ ok: true; file: Buffer } | TemplateProblem> {
	if (bytes.byteLength > MAX_TEMPLATE_BYTES) return { ok: false, messageKey: 'shopee.template.tooBig' };
	if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return { ok: false, messageKey: 'shopee.template.notXlsx' };
	let tags = 0;
	const zip = checkZip(bytes, TEMPLATE_ZIP_LIMITS, (name, data) => {
		if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(name)) return true;
		tags += countTags(data);
		return tags <= MAX_TEMPLATE_TAGS;
	});
	if (!zip.ok) return { ok: false, messageKey: zip.reason === 'tooLarge' ? 'shopee.template.tooBig' : 'shopee.template.notXlsx' };
	if (parsing) return { ok: false, messageKey: 'shopee.template.busy' };
	parsing = true;
	try {
		return await fillLoaded(bytes, rows);
	} finally {
		parsing = false;
	}
}

async function fillLoaded(bytes: Uint8Array, rows: ShopeeRow[]): Promise<{ ok: true; file: Buffer } | TemplateProblem> {
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	} catch {
		return { ok: false, messageKey: 'shopee.template.notXlsx' };
	}
	let found: { ws: ExcelJS.Worksheet; columns: Map<string, number>; width: number } | null = null;
	for (const ws of wb.worksheets) {
		const first = ws.findRow(1);
		if (!first) continue;
		const width = Math.min(MAX_COLUMNS, first.cellCount);
		const columns = new Map<string, number>();
		for (let c = 1; c <= width; c++) {
			const field = fieldOfKey(first.findCell(c)?.value ?? null);
			if (field && !columns.has(field)) columns.set(field, c);
		}
		if (columns.has('ps_product_name') && columns.has('ps_price')) {
			found = { ws, columns, width };
			break;
		}
	}
	if (!found) return { ok: false, messageKey: 'shopee.template.noKeys' };
	const { ws, width } = found;
	const columns = new Map<ShopeeField, number>();
	for (const field of SHOPEE_FIELDS) {
		const col = found.columns.get(field);
		if (col) columns.set(field, col);
	}
	const unit = columns.has('ps_weight') ? weightUnitOf(ws, columns.get('ps_weight'), width) : 'g';
	if (!unit) return { ok: false, messageKey: 'shopee.template.weightUnit' };
	// A template someone already typed into: its old lines go, so no product is listed twice.
	for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
		const row = ws.findRow(r);
		if (!row) continue;
		for (let c = 1; c <= width; c++) {
			const cell = row.findCell(c);
			if (cell && cell.value !== null) cell.value = null;
		}
	}
	writeRows(ws, columns, rows, unit);
	return { ok: true, file: Buffer.from(await wb.xlsx.writeBuffer()) };
}

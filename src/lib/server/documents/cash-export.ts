import ExcelJS from 'exceljs';
import type { Translate } from '../../i18n';
import type { StatementEntry } from '../cashbook/report.service';
import { neutraliseFormula } from '../members/member-file';
import { entryWords } from './cash-words';

/** The export's columns, in order. */
function header(t: Translate): string[] {
	return [t('cashReport.col.date'), t('cashReport.col.kind'), t('cashReport.col.category'), t('cashReport.col.method'), t('cashReport.col.amount'), t('cashReport.col.note'), t('cashReport.col.correction'), t('cashReport.col.corrected')];
}

function rows(t: Translate, locale: string, entries: StatementEntry[]): [string, string, string, string, number, string, string, string][] {
	return entries.map((e) => {
		const w = entryWords(t, locale, e);
		return [e.occurred_on, w.kind, w.category, w.method, e.amount, e.note, w.correction, w.corrected];
	});
}

/**
 * A text cell of the CSV: formula-safe (a note typed as `=HYPERLINK(…)` or `+62…` gets a leading apostrophe, so a
 * spreadsheet shows it as text and never runs it — CSV injection), quoted when it holds a comma, quote or line break.
 */
function textField(value: string): string {
	const safe = neutraliseFormula(value);
	return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The entries as CSV (comma, CRLF, UTF-8 with BOM so Excel shows Indonesian text right). Amounts are plain signed
 * integers (a correction is negative) and stay numbers; only text cells are neutralised.
 */
export function cashEntriesCsv(t: Translate, locale: string, entries: StatementEntry[]): Buffer {
	const lines = [header(t).map(textField).join(',')];
	for (const r of rows(t, locale, entries)) lines.push(r.map((v) => (typeof v === 'number' ? String(v) : textField(v))).join(','));
	return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf-8');
}

/** The entries as one XLSX sheet: real date and number cells (sortable, summable), text never a formula. */
export async function cashEntriesXlsx(t: Translate, locale: string, entries: StatementEntry[]): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'E-Crav';
	const ws = wb.addWorksheet(t('cashReport.title').slice(0, 31));
	ws.addRow(header(t)).font = { bold: true };
	ws.views = [{ state: 'frozen', ySplit: 1 }];
	for (const r of rows(t, locale, entries)) {
		const [day, ...rest] = r;
		// ExcelJS writes a string cell as a shared string, never a formula, whatever it starts with
		ws.addRow([new Date(`${day}T00:00:00Z`), ...rest]);
	}
	ws.getColumn(1).numFmt = 'dd/mm/yyyy';
	ws.getColumn(5).numFmt = '#,##0;-#,##0';
	[12, 26, 20, 12, 16, 40, 34, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	return Buffer.from(await wb.xlsx.writeBuffer());
}

import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { translator } from '../../src/lib/i18n';
import { cashEntriesCsv, cashEntriesXlsx } from '../../src/lib/server/documents/cash-export';
import { chartRangeOf } from '../../src/lib/server/cashbook/report.service';
import { resolvePeriod } from '../../src/lib/server/cashbook/report-period';
import { pairGeometry } from '../../src/lib/utils/cash-chart';
import type { StatementEntry } from '../../src/lib/server/cashbook/report.service';

const t = translator('id');
const entry = (over: Partial<StatementEntry>): StatementEntry => ({
	id: 'kas_1',
	kind: 'expense',
	amount: 15000,
	occurred_on: '2026-11-30',
	category: 'bahan_baku',
	method: 'tunai',
	note: '',
	reverses_id: null,
	created_at: '2026-11-30T05:00:00.000Z',
	corrected_at: null,
	categoryName: null,
	reverses: null,
	...over
});

describe('cash export', () => {
	it('should keep notes that a spreadsheet would run (= + - @, tab, CR) as text, and amounts as plain signed numbers', () => {
		const notes = ['=1+1', '+6281234', '-2+3', '@SUM(A1)', '\t=cmd', '\r=x', 'Minyak, 2 liter', 'kata "manis"'];
		const csv = cashEntriesCsv(t, 'id', [...notes.map((note, i) => entry({ id: `kas_${i}`, note })), entry({ id: 'kas_r', amount: -15000, reverses_id: 'kas_0', reverses: { occurredOn: '2026-11-29', amount: 15000 } })]);
		const lines = csv.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe('Tanggal,Jenis,Kategori,Cara bayar,Jumlah (Rp),Catatan,Koreksi,Dikoreksi');
		const noteCells = lines.slice(1, 1 + notes.length).map((l) => l.split(',').slice(5).join(','));
		expect(noteCells).toEqual(["'=1+1,,", "'+6281234,,", "'-2+3,,", "'@SUM(A1),,", "'\t=cmd,,", `"'\r=x",,`, '"Minyak, 2 liter",,', '"kata ""manis""",,']);
		// a correction: its amount stays a negative NUMBER (not neutralised), and says what it corrects
		expect(lines[1 + notes.length]).toBe('2026-11-30,Pengeluaran,Bahan baku,Tunai,-15000,,koreksi dari 29 Nov 2026 (Rp\u00a015.000),');
	});

	it('should flag an entry that was corrected in the column "Dikoreksi" with the day (WIB) of the correction, in CSV and XLSX', async () => {
		// corrected at 23.30 UTC on 30 Nov = 06.30 WIB on 1 Dec
		const corrected = entry({ note: 'Salah', corrected_at: '2026-11-30T23:30:00.000Z' });
		const csv = cashEntriesCsv(t, 'id', [corrected, entry({ id: 'kas_2' })]).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
		expect(csv[1]).toBe('2026-11-30,Pengeluaran,Bahan baku,Tunai,15000,Salah,,"Ya, 1 Des 2026"');
		expect(csv[2].endsWith(',,')).toBe(true);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await cashEntriesXlsx(translator('en'), 'en', [corrected])) as unknown as ArrayBuffer);
		expect(wb.worksheets[0].getRow(1).getCell(8).value).toBe('Corrected');
		expect(wb.worksheets[0].getRow(2).getCell(8).value).toBe('Yes, 1 Dec 2026');
	});

	it('should write XLSX cells as text or numbers, never formulas', async () => {
		const buf = await cashEntriesXlsx(t, 'id', [entry({ note: '=HYPERLINK("http://x","y")', kind: 'prive', category: '', amount: 50000 })]);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(buf as unknown as ArrayBuffer);
		const row = wb.worksheets[0].getRow(2);
		expect(row.getCell(2).value).toBe('Ambil untuk rumah (prive)');
		expect(row.getCell(5).value).toBe(50000);
		expect(row.getCell(6).value).toBe('=HYPERLINK("http://x","y")');
		expect(row.getCell(6).formula).toBeUndefined();
		expect(row.getCell(1).value).toEqual(new Date('2026-11-30T00:00:00Z'));
	});
});

describe('cash chart', () => {
	it('should chart days for 2–31 days and months otherwise, and keep 31 pairs of bars inside 340 px', () => {
		expect(chartRangeOf(resolvePeriod('bulan', '2026-11-30'))).toEqual({ from: '2026-11-01', to: '2026-11-30', unit: 'day' });
		expect(chartRangeOf(resolvePeriod('hari', '2026-11-30'))).toEqual({ from: '2026-06-01', to: '2026-11-30', unit: 'month' });
		expect(chartRangeOf(resolvePeriod('pilih', '2026-11-30', '2025-12-15', '2026-11-30'))).toEqual({ from: '2025-12-01', to: '2026-11-30', unit: 'month' });
		const g = pairGeometry(Array.from({ length: 31 }, (_, i) => ({ label: String(i + 1), income: i * 1000, expense: 500 })));
		expect(Math.max(...g.pairs.map((p) => p.expense.x + p.expense.w))).toBeLessThanOrEqual(g.width);
		expect(g.pairs.filter((p) => p.showLabel).length).toBeLessThanOrEqual(8);
		expect(g.pairs.at(-1)!.showLabel).toBe(true);
	});
});

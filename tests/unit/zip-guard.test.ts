import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkZip, XLSX_LIMITS } from '../../src/lib/server/security/zip-guard';
import { writeZip } from '../helpers/zip';

const MB = 1024 * 1024;

describe(checkZip.name, () => {
	it('should pass a real workbook and a zip whose entries fit the limits', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Anggota');
		for (let i = 0; i < 5000; i++) ws.addRow([`Anggota ${i}`, `0812${String(i).padStart(8, '0')}`, 'Penjual keripik', 'RW 03']);
		expect(checkZip(new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual({ ok: true });
		expect(checkZip(writeZip([{ name: 'a.xml', data: Buffer.alloc(MB, 0x20) }, { name: 'b.xml', data: Buffer.from('<x/>'), store: true }]))).toEqual({ ok: true });
	});

	it('should refuse an entry that expands past the limit, even when its header claims it is small', () => {
		const bomb = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(XLSX_LIMITS.maxEntryBytes + MB, 0x20), claimedSize: 1000 }]);
		expect(bomb.length).toBeLessThan(100 * 1024);
		expect(checkZip(bomb)).toEqual({ ok: false, reason: 'tooLarge' });
	});

	it('should refuse entries that together expand past the total limit', () => {
		const parts = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.alloc(20 * MB, 0x20) }));
		expect(checkZip(writeZip(parts))).toEqual({ ok: false, reason: 'tooLarge' });
	});

	it('should refuse too many entries, and say a broken or truncated zip is unreadable', () => {
		const many = writeZip(Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `${i}.xml`, data: Buffer.from('x') })));
		expect(checkZip(many)).toEqual({ ok: false, reason: 'tooLarge' });
		const good = writeZip([{ name: 'a.xml', data: Buffer.alloc(4096, 0x41) }]);
		expect(checkZip(good.subarray(0, good.length - 30))).toEqual({ ok: false, reason: 'unreadable' });
		const corrupt = Buffer.from(good);
		corrupt.fill(0xff, 30 + 5, 30 + 40);
		expect(checkZip(corrupt)).toEqual({ ok: false, reason: 'unreadable' });
		expect(checkZip(Buffer.from('PK\u0003\u0004 not a zip'))).toEqual({ ok: false, reason: 'unreadable' });
	});
});

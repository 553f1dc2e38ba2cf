import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEEP_ROWS, newDocument, table, tableBreaks } from '../../src/lib/server/documents/pdf-kit';
import { pdfPages } from '../helpers/pdf';

const dir = mkdtempSync(join(tmpdir(), 'pdf-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows on each page: a page's count of lines that start with a row number ("7 Ibu …"). */
const rowsPerPage = (pages: string[][]) => pages.map((p) => p.filter((l) => /^\d+ Ibu /.test(l)).length);

describe(tableBreaks.name, () => {
	const rows = (n: number, h = 20) => Array.from({ length: n }, () => h);

	it('should start a table on the next page when fewer than KEEP_ROWS rows fit under its header here', () => {
		// 2 rows of 20 fit between 710 + 20 and 780
		expect(tableBreaks(rows(10), 20, 710, 50, 780)).toEqual({ newPage: true, breaks: [] });
		// 3 fit: it starts here and breaks after them; 35 rows fill a fresh page, and the last page gets 3, not 2
		expect(tableBreaks(rows(40), 20, 690, 50, 780)).toEqual({ newPage: false, breaks: [3, 37] });
	});

	it('should give the last page at least KEEP_ROWS rows, taken from the page before', () => {
		// 36 rows: 35 fit on a fresh page under the header, one would be left alone
		const { breaks } = tableBreaks(rows(36), 20, 50, 50, 780);
		expect(breaks).toEqual([36 - KEEP_ROWS]);
	});

	it('should move a short table whole to the next page rather than split it 4 + 1', () => {
		// 4 of the 5 rows would fit here
		expect(tableBreaks(rows(5), 20, 680, 50, 780)).toEqual({ newPage: true, breaks: [] });
	});

	it('should not loop on a row taller than a page, nor move a header-only table that fits', () => {
		expect(tableBreaks([2000, 20], 20, 50, 50, 780)).toEqual({ newPage: false, breaks: [1] });
		expect(tableBreaks([], 20, 700, 50, 780)).toEqual({ newPage: false, breaks: [] });
		expect(tableBreaks([], 20, 770, 50, 780)).toEqual({ newPage: true, breaks: [] });
	});
});

describe(table.name, () => {
	it('should never print one or two rows of a table alone on a page, wherever the table starts', async () => {
		for (const [lead, n] of [[0, 40], [34, 40], [36, 7], [38, 41], [12, 44], [5, 5]]) {
			const { doc, done } = newDocument({ title: 'uji' });
			for (let i = 0; i < lead; i++) doc.text(`Baris pembuka ${i + 1}`);
			table(
				doc,
				[
					{ header: 'No', width: 40 },
					{ header: 'Nama', width: 200 }
				],
				Array.from({ length: n }, (_, i) => [String(i + 1), `Ibu Anggota ${i + 1}`])
			);
			doc.end();
			const counts = rowsPerPage(pdfPages(await done, dir, `tabel-${lead}-${n}`)).filter((c) => c > 0);
			expect(counts.reduce((s, c) => s + c, 0), `${lead} lines, ${n} rows`).toBe(n);
			for (const c of counts) expect(c, `${lead} lines, ${n} rows: ${counts.join(' + ')}`).toBeGreaterThanOrEqual(Math.min(KEEP_ROWS, n));
		}
	});

	it('should print a word wider than its column smaller instead of breaking it ("Undanga|n")', async () => {
		const { doc, done } = newDocument({ title: 'uji' });
		table(
			doc,
			[
				{ header: 'Sesi', width: 150 },
				{ header: 'Undangan', width: 50, align: 'center' },
				{ header: 'Kehadiran', width: 50, align: 'center' }
			],
			[['Pelatihan E-Commerce', '26', 'Ketemplingkeripikbasreng']]
		);
		doc.end();
		const lines = pdfPages(await done, dir, 'tabel-kata')[0];
		expect(lines[0]).toBe('Sesi Undangan Kehadiran');
		expect(lines.join(' ').split(' ')).toContain('Ketemplingkeripikbasreng');
	});
});

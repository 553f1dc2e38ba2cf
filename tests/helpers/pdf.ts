import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the PDF to `dir` (and to SCREENSHOT_DIR when set, to look at) and returns its path. */
function save(pdf: Buffer, dir: string, name: string): string {
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, pdf);
	if (process.env.SCREENSHOT_DIR) writeFileSync(join(process.env.SCREENSHOT_DIR, `${name}.pdf`), pdf);
	return file;
}

/**
 * The printed lines of each page (poppler's pdftotext -layout), each line squeezed to single spaces (no-break
 * spaces too), empty lines dropped. Page numbers at the foot are kept: they are the last line of a page.
 */
export function pdfPages(pdf: Buffer, dir: string, name: string): string[][] {
	const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', save(pdf, dir, name), '-']).toString('utf8');
	const pages = text.split('\f');
	if (pages.at(-1)?.trim() === '') pages.pop();
	return pages.map((p) =>
		p
			.split('\n')
			.map((l) => l.trim().replace(/\s+/g, ' '))
			.filter(Boolean)
	);
}

/** The whole text in reading order (pdftotext without -layout), squeezed to single spaces. */
export function pdfPlainText(pdf: Buffer, dir: string, name: string): string {
	return execFileSync('pdftotext', ['-enc', 'UTF-8', save(pdf, dir, name), '-']).toString('utf8').replace(/\s+/g, ' ');
}

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

/** Each word with its box (poppler's pdftotext -bbox), page 1 only: to check where a line wraps and what it lines up under. */
export function pdfWords(pdf: Buffer, dir: string, name: string): { text: string; xMin: number; yMin: number; xMax: number }[] {
	const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-enc', 'UTF-8', save(pdf, dir, name), '-']).toString('utf8');
	return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4].replace(/&amp;/g, '&') }));
}

/** Page `page` (1-based) as a PNG at `dpi` (poppler's pdftoppm), written next to the PDF: to look at a layout. */
export function pdfPagePng(pdf: Buffer, dir: string, name: string, page = 1, dpi = 80): string {
	const out = join(process.env.SCREENSHOT_DIR || dir, `${name}-p${page}`);
	execFileSync('pdftoppm', ['-png', '-singlefile', '-r', String(dpi), '-f', String(page), '-l', String(page), save(pdf, dir, name), out]);
	return `${out}.png`;
}

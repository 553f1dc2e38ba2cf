import { inflateSync } from 'node:zlib';
import { ValidationError } from '../errors';

/** Evidence documents (letters, attendance sheets, reports) are small; a scanned 20-page letter is ~5 MB. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** Names that make a PDF do something when opened (run script, start a program, carry other files). */
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA|SubmitForm|ImportData)\b/;

/** An object stream holds a few hundred small objects; 20 MB inflated is far past any real one. */
const MAX_OBJECT_STREAM_BYTES = 20 * 1024 * 1024;

/**
 * Accepts a PDF as evidence only when it is one by its bytes (`%PDF-` header, objects, a trailer and the
 * `%%EOF` mark), is at most 10 MB, and names no active content — neither in the file's plain text nor
 * inside compressed object streams (`/Type /ObjStm`), where a PDF may hide dictionaries. Names may be
 * hex-escaped (`/J#61vaScript`), so escapes are decoded before looking. An object stream that cannot be
 * inspected (a filter other than plain Flate, predictors, broken data, too large) is refused as unreadable.
 * Accepted files are still served to staff only as downloads (`Content-Disposition: attachment`, sandboxing
 * CSP, nosniff).
 */
export function checkEvidencePdf(input: Buffer): void {
	if (input.length === 0) throw new ValidationError('media.empty');
	if (input.length > MAX_PDF_BYTES) throw new ValidationError('program.evidence.pdfTooLarge');
	if (input.toString('latin1', 0, 5) !== '%PDF-') throw new ValidationError('program.evidence.notAllowed');
	const tail = input.toString('latin1', Math.max(0, input.length - 4096));
	if (!tail.includes('%%EOF')) throw new ValidationError('media.unreadable');
	const raw = input.toString('latin1');
	if (!/\bobj\b/.test(raw) || !/\b(trailer|startxref)\b/.test(raw)) throw new ValidationError('media.unreadable');
	if (namesActiveContent(raw)) throw new ValidationError('program.evidence.pdfActive');
	for (const text of objectStreams(input, raw)) if (namesActiveContent(text)) throw new ValidationError('program.evidence.pdfActive');
}

function namesActiveContent(text: string): boolean {
	return ACTIVE.test(text.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));
}

/** The inflated text of every object stream, or a refusal when one cannot be read. */
function objectStreams(input: Buffer, raw: string): string[] {
	const out: string[] = [];
	for (const m of raw.matchAll(/(?<!end)stream\r?\n/g)) {
		const start = m.index + m[0].length;
		const objAt = raw.lastIndexOf(' obj', m.index);
		const dict = raw.slice(Math.max(objAt, m.index - 2048), m.index).replace(/#([0-9a-fA-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
		if (!/\/ObjStm\b/.test(dict)) continue;
		const plainFlate = /\/Filter\s*(\[\s*)?\/FlateDecode\s*\]?/.test(dict) && !/\/DecodeParms|\/(ASCIIHex|ASCII85|LZW|RunLength|CCITTFax|JBIG2|DCT|JPX|Crypt)Decode|\/AHx|\/A85|\/LZW|\/Fl\b|\/RL\b/.test(dict);
		if (!plainFlate) throw new ValidationError('media.unreadable');
		const end = raw.indexOf('endstream', start);
		if (end < 0) throw new ValidationError('media.unreadable');
		try {
			out.push(inflateSync(input.subarray(start, end), { maxOutputLength: MAX_OBJECT_STREAM_BYTES, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a trailing EOL */ }).toString('latin1'));
		} catch {
			throw new ValidationError('media.unreadable');
		}
	}
	return out;
}

export function isPdf(input: Buffer): boolean {
	return input.length >= 5 && input.toString('latin1', 0, 5) === '%PDF-';
}

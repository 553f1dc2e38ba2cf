import { ValidationError } from '../errors';

/** Evidence documents (letters, attendance sheets, reports) are small; a scanned 20-page letter is ~5 MB. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** Names that make a PDF do something when opened (run script, start a program, carry other files). */
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA|SubmitForm|ImportData)\b/;

/**
 * Accepts a PDF as evidence only when it is one by its bytes (`%PDF-` header, `%%EOF` trailer), is at most
 * 10 MB, and names no active content. Names may be hex-escaped (`/J#61vaScript`), so escapes are decoded
 * before looking. Content hidden in compressed object streams is not inspected: that is why the file is
 * only ever served to staff as a download (`Content-Disposition: attachment`, sandboxing CSP, nosniff).
 */
export function checkEvidencePdf(input: Buffer): void {
	if (input.length === 0) throw new ValidationError('media.empty');
	if (input.length > MAX_PDF_BYTES) throw new ValidationError('program.evidence.pdfTooLarge');
	if (input.toString('latin1', 0, 5) !== '%PDF-') throw new ValidationError('program.evidence.notAllowed');
	const tail = input.toString('latin1', Math.max(0, input.length - 4096));
	if (!tail.includes('%%EOF')) throw new ValidationError('media.unreadable');
	const text = input.toString('latin1').replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
	if (ACTIVE.test(text)) throw new ValidationError('program.evidence.pdfActive');
}

export function isPdf(input: Buffer): boolean {
	return input.length >= 5 && input.toString('latin1', 0, 5) === '%PDF-';
}

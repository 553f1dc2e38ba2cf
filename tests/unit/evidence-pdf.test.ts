import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { checkEvidencePdf } from '../../src/lib/server/media/pdf';

/** A PDF whose objects 1–2 live in a compressed object stream, as Word, LibreOffice and scanners write them. */
function withObjectStream(objects: string, dict = '/Filter /FlateDecode', data?: Buffer): Buffer {
	const body = data ?? deflateSync(Buffer.from(objects, 'latin1'));
	return Buffer.concat([
		Buffer.from(`%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 2 /First 8 ${dict} /Length ${body.length} >>\nstream\n`, 'latin1'),
		body,
		Buffer.from('\nendstream\nendobj\n6 0 obj\n<< /Type /XRef /Size 7 /Root 1 0 R >>\nstream\n\nendstream\nendobj\nstartxref\n291\n%%EOF\n', 'latin1')
	]);
}
const refusal = (f: Buffer) => {
	try {
		checkEvidencePdf(f);
		return 'accepted';
	} catch (e) {
		return (e as { messageKey?: string }).messageKey ?? String(e);
	}
};

describe(checkEvidencePdf.name, () => {
	it('should accept an ordinary PDF whose objects sit in a compressed object stream', () => {
		expect(refusal(withObjectStream('1 0 2 40 << /Type /Catalog /Pages 2 0 R >> << /Type /Pages /Kids [] /Count 0 >>'))).toBe('accepted');
	});

	it('should find script and launch actions hidden inside a compressed object stream, hex-escaped or not', () => {
		expect(refusal(withObjectStream('1 0 2 60 << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> << >>'))).toBe('program.evidence.pdfActive');
		expect(refusal(withObjectStream('1 0 << /OpenAction << /S /J#61vaScript /J#53 (x) >> >>'))).toBe('program.evidence.pdfActive');
		expect(refusal(withObjectStream('1 0 << /OpenAction << /S /Launch /F (cmd.exe) >> >>'))).toBe('program.evidence.pdfActive');
		expect(refusal(withObjectStream('1 0 << /OpenAction << /S /JavaScript >> >>', '/Filter [/FlateDecode]'))).toBe('program.evidence.pdfActive');
	});

	it('should refuse an object stream it cannot inspect: other filters, predictors, broken or bomb-sized data', () => {
		expect(refusal(withObjectStream('1 0 << /S /JavaScript >>', '/Filter /ASCIIHexDecode', Buffer.from(Buffer.from('1 0 << /S /JavaScript >>').toString('hex') + '>')))).toBe('media.unreadable');
		expect(refusal(withObjectStream('1 0 << /S /JavaScript >>', '/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>'))).toBe('media.unreadable');
		expect(refusal(withObjectStream('', '/Filter /FlateDecode', Buffer.from('not deflate at all')))).toBe('media.unreadable');
		expect(refusal(withObjectStream('', '/Filter /FlateDecode', deflateSync(Buffer.alloc(30 * 1024 * 1024, 0x20))))).toBe('media.unreadable');
	});

	it('should refuse an HTML page that only wears a PDF header and trailer', () => {
		expect(refusal(Buffer.from('%PDF-1.4\n<html><script>alert(document.domain)</script></html>\n%%EOF\n'))).toBe('media.unreadable');
	});
});

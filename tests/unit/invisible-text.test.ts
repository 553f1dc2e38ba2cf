import { describe, expect, it } from 'vitest';
import { cleanText, lineField, textField } from '../../src/lib/validation/text';
import { checkoutSchema } from '../../src/lib/validation/checkout';
import { trainingSchema } from '../../src/lib/validation/training';
import { memberProfileSchema } from '../../src/lib/validation/member-profile';
import { onboardingSchemas } from '../../src/lib/validation/shop';

const RLO = '\u202E';

describe(cleanText.name, () => {
	it('should put a name on one line: a line break becomes one space, never a line of its own', () => {
		expect(cleanText('Ibu\nTotal: Rp 0 (LUNAS)')).toBe('Ibu Total: Rp 0 (LUNAS)');
		expect(cleanText('Ibu \r\n\r\n Ani')).toBe('Ibu Ani');
		expect(cleanText('Ibu\rAni\u2028Siti\u2029Rina')).toBe('Ibu Ani Siti Rina');
		expect(cleanText('Ibu\tAni')).toBe('Ibu Ani');
	});

	it('should keep line breaks in a multi-line text, as \\n only', () => {
		expect(cleanText('baris 1\r\nbaris 2\rbaris 3\u2028baris 4', { multiline: true })).toBe('baris 1\nbaris 2\nbaris 3\nbaris 4');
	});

	it.each([
		['bidi override', `rekening ${RLO}321`, 'rekening 321'],
		['bidi embeddings and isolates', '\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069h', 'abcdefgh'],
		['bidi marks', '\u200Ex\u200Fy\u061Cz', 'xyz'],
		['zero-width characters', 'J\u200BJ\u200C \u2060Ke\uFEFFtempling', 'JJ Ketempling'],
		['C0 controls and DEL', 'a\u0000b\u0007c\u001Bd\u007Fe\u000Bf\u000Cg', 'abcdefg'],
		['C1 controls (NEL included)', 'a\u0080b\u0085c\u009Fd', 'abcd'],
		['invisible operators and interlinear marks', 'a\u2061b\u2064c\u206Ad\uFFF9e\uFFFBf', 'abcdef'],
		['invisible marks (soft hyphen, CGJ, Mongolian vowel separator)', 'a\u00ADb\u034Fc\u180Ed', 'abcd'],
		['tag characters outside a flag', 'Kue\u{E0041}\u{E0042}\u{E007F} Tag\u{E0001}', 'Kue Tag'],
		['a zero-width joiner that joins nothing (end, start, next to a space)', '\u200DKue\u200D \u200D Lapis\u200D', 'Kue  Lapis']
	])('should remove %s', (_, input, expected) => {
		expect(cleanText(input)).toBe(expected);
		expect(cleanText(input, { multiline: true })).toBe(expected);
	});

	it('should turn a blank letter between letters into the space it shows as (Hangul fillers, braille blank)', () => {
		expect(cleanText('Bu\u3164Ani')).toBe('Bu Ani');
		expect(cleanText('a\u3164b\u2800c\u115Fd\u1160e\uFFA0f')).toBe('a b c d e f');
		expect(cleanText('Bu\u3164\u3164\u2800Ani')).toBe('Bu Ani');
		expect(cleanText('Bu \u3164 Ani\u3164 Siti')).toBe('Bu Ani Siti');
	});

	it('should remove a zero-width joiner between Latin letters, digits or marks, where it would pass for another name', () => {
		expect(cleanText('Bu\u200Ddi')).toBe('Budi');
		expect(cleanText('Ibu Ë\u200Dni 1\u200D2 (a)\u200D-')).toBe('Ibu Ëni 12 (a)-');
		// next to an emoji on one side only it joins nothing either
		expect(cleanText('Kue\u200D🍰 🍰\u200DKue')).toBe('Kue🍰 🍰Kue');
	});

	it('should keep the zero-width joiner inside emoji and after Arabic and Indic letters', () => {
		expect(cleanText('🏳️\u200D🌈 👨🏽\u200D💻')).toBe('🏳️\u200D🌈 👨🏽\u200D💻');
		// Devanagari half form (क्‍ष), Malayalam, Arabic joining form
		expect(cleanText('क्\u200Dष')).toBe('क्\u200Dष');
		expect(cleanText('ന്\u200Dറ')).toBe('ന്\u200Dറ');
		expect(cleanText('ل\u200Dا')).toBe('ل\u200Dا');
	});

	it('should keep the zero-width joiner of emoji, accents and Indonesian text as typed', () => {
		expect(cleanText('Dapur 👩‍🍳 Ibu Ëni')).toBe('Dapur 👩‍🍳 Ibu Ëni');
		expect(cleanText('Keluarga 👨‍👩‍👧 dan bendera 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}')).toBe('Keluarga 👨‍👩‍👧 dan bendera 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}');
		expect(cleanText('Keripik Singkong — "Rp 15.000" (½ kg) 🇮🇩')).toBe('Keripik Singkong — "Rp 15.000" (½ kg) 🇮🇩');
	});

	it('should turn a lone surrogate into U+FFFD instead of storing broken text', () => {
		expect(cleanText('a\uD800b')).toBe('a\uFFFDb');
	});
});

describe('text fields', () => {
	it('should clean before trimming and counting, so an invisible-only value gets the field’s required message', () => {
		const name = lineField().min(2, 'msg:order.nameShort');
		const r = name.safeParse(' \u200B\u202E\u2060\n ');
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].message).toBe('msg:order.nameShort');
		// Blanks that render as nothing or as a space are not a name either.
		const blank = name.safeParse('\u3164\u2800\u00AD\u115F\u1160\u180E\u034F\u{E0020}\uFFA0\u200D');
		expect(blank.success).toBe(false);
		expect(blank.error?.issues[0].message).toBe('msg:order.nameShort');
		expect(textField().parse('  catatan\r\nkedua  ')).toBe('catatan\nkedua');
	});

	it('should clean the buyer name and address to one line and keep the note’s lines (checkout)', () => {
		const parsed = checkoutSchema.parse({
			buyer: { name: `Ibu\nTotal: Rp 0 (LUNAS)${RLO}`, whatsapp: '081234567890' },
			lines: [{ productId: 'prod_x', quantity: 1 }],
			shops: { toko: { delivery: 'local', payment: 'cod', address: 'Jl. Melati 3\nRT 02', note: `pedas\r\n${RLO}tanpa MSG` } },
			note: 'a\u200Bb'
		});
		expect(parsed.buyer.name).toBe('Ibu Total: Rp 0 (LUNAS)');
		expect(parsed.shops.toko.address).toBe('Jl. Melati 3 RT 02');
		expect(parsed.shops.toko.note).toBe('pedas\ntanpa MSG');
		expect(parsed.note).toBe('ab');
	});

	it('should clean training titles, speakers and member names, and refuse a name that is only invisible characters', () => {
		const t = trainingSchema.parse({ title: `Pelatihan ${RLO}Foto\nProduk`, startsAt: '2026-12-01T09:00', venue: 'Balai RW', speakers: `Ibu A\u200B\r\n\u202EBapak B\n\n` });
		expect(t.title).toBe('Pelatihan Foto Produk');
		expect(t.speakers).toEqual(['Ibu A', 'Bapak B']);
		expect(memberProfileSchema.parse({ personName: `Ibu${RLO} Ani\n` }).personName).toBe('Ibu Ani');
		const empty = memberProfileSchema.safeParse({ personName: '\u200B\u200F' });
		expect(empty.error?.issues[0].message).toBe('msg:members.nameRequired');
		expect(onboardingSchemas.nama.safeParse({ name: '\u202E\u200B\u2066' }).error?.issues[0].message).toBe('msg:shop.nameShort');
	});
});

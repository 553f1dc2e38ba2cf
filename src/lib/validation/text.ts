import { z } from 'zod';

/**
 * Characters nobody types on purpose and that change how text reads once shown elsewhere:
 * C0 controls (except \t, \n, \r, handled below), DEL and C1 controls; bidi embeddings, overrides, isolates and
 * marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: "rekening 123" shown reversed); zero-width
 * characters (U+200B, U+200C, U+2060, U+FEFF) and the other invisible format characters (U+2061–U+2064,
 * U+206A–U+206F, U+FFF9–U+FFFB); blanks that look like nothing or like a space but are letters or marks (soft
 * hyphen U+00AD, combining grapheme joiner U+034F, Mongolian vowel separator U+180E). Blanks that show as an empty
 * letter (Hangul fillers U+115F, U+1160, U+3164, U+FFA0, braille blank U+2800) become one space: "Bu\u3164Ani" reads
 * "Bu Ani", so it is stored as that. U+200D (zero-width joiner) stays only where it joins something: inside an emoji
 * such as 👩‍🍳 (after an emoji, before an emoji) or after a letter or sign of a script that joins (Arabic, Syriac, the
 * Indic scripts: a half form after a virama) — never between two Latin letters, where "Bu\u200Ddi" would look exactly
 * like "Budi". Tag characters (U+E0000–U+E007F) stay only inside a flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching control and lone combining characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;
/** Letters that show as an empty letter-wide gap: a run of them, with the spaces around it, is one space. */
const BLANK_LETTERS = / *[\u115F\u1160\u2800\u3164\uFFA0]+ */g;
/** A subdivision flag (black flag, tag letters/digits, cancel tag) is kept whole; any other tag character goes. */
const TAGS = /(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,12}\u{E007F})|[\u{E0000}-\u{E007F}]/gu;
/** A zero-width joiner at the start or end, or next to a space, a line break or another joiner, joins nothing. */
const LOOSE_ZWJ = /(?<=^|[\s\u200D])\u200D+|\u200D+(?=$|\s)/g;
/** What may stand before a joiner inside an emoji (👩‍🍳, 🏳️‍🌈, 👨🏽‍💻), and what must follow it there. */
const EMOJI_BEFORE_ZWJ = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
/** Scripts whose letters join, where a joiner after a letter or virama picks a letter's form. */
const JOINING_SCRIPT = /^[\p{scx=Arab}\p{scx=Syrc}\p{scx=Deva}\p{scx=Beng}\p{scx=Guru}\p{scx=Gujr}\p{scx=Orya}\p{scx=Taml}\p{scx=Telu}\p{scx=Knda}\p{scx=Mlym}\p{scx=Sinh}]$/u;
const ZWJ = /\u200D/g;

/** Whether the joiner at `at` joins something: inside an emoji, or after a letter of a joining script. */
function joinsSomething(text: string, at: number): boolean {
	const before = [...text.slice(Math.max(0, at - 2), at)].pop() ?? '';
	const next = text.codePointAt(at + 1);
	const after = next === undefined ? '' : String.fromCodePoint(next);
	return (EMOJI_BEFORE_ZWJ.test(before) && EMOJI.test(after)) || JOINING_SCRIPT.test(before);
}
/** Line breaks of every kind: CR LF, CR, LF, U+2028, U+2029 (NEL, a C1 control, is removed with the rest). */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * The one cleaning every stored user text goes through (issue 8 (e)): a name or note must read the same on the
 * seller's WhatsApp message, a PDF or a page as it did when typed. Removes control, bidi, zero-width and blank
 * characters (keeps U+200D where it joins an emoji or a joining script), turns blank letters and tabs into spaces and lone surrogates into U+FFFD.
 * `multiline` keeps line breaks as \n (notes, descriptions); otherwise a line break becomes one space, so a name is always one line ("Ibu\nTotal: Rp 0" →
 * "Ibu Total: Rp 0", never a line of its own). Does not trim: the schemas do.
 */
export function cleanText(value: string, { multiline = false }: { multiline?: boolean } = {}): string {
	const text = value
		.toWellFormed()
		.replace(LINE_BREAK, '\n')
		.replace(/\t/g, ' ')
		.replace(INVISIBLE, '')
		.replace(BLANK_LETTERS, ' ')
		.replace(TAGS, (_, flag: string | undefined) => flag ?? '')
		.replace(LOOSE_ZWJ, '')
		.replace(ZWJ, (zwj: string, at: number, all: string) => (joinsSomething(all, at) ? zwj : ''));
	return multiline ? text : text.replace(/[ ]*\n[\n ]*/g, ' ');
}

/** A one-line text field (a name, a title, a label): cleaned, then trimmed; chain `.min()`/`.max()` as usual. */
export const lineField = (message?: string) => z.string(message).overwrite((v) => cleanText(v)).trim();

/** A multi-line text field (a note, a description, a story): cleaned keeping line breaks, then trimmed. */
export const textField = (message?: string) => z.string(message).overwrite((v) => cleanText(v, { multiline: true })).trim();

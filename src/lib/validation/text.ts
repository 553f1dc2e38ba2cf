import { z } from 'zod';

/**
 * Characters nobody types on purpose and that change how text reads once shown elsewhere:
 * C0 controls (except \t, \n, \r, handled below), DEL and C1 controls; bidi embeddings, overrides, isolates and
 * marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: "rekening 123" shown reversed); zero-width
 * characters (U+200B, U+200C, U+2060, U+FEFF) and the other invisible format characters (U+2061–U+2064,
 * U+206A–U+206F, U+FFF9–U+FFFB); blanks that look like nothing or like a space but are letters or marks (soft
 * hyphen U+00AD, combining grapheme joiner U+034F, Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Mongolian vowel
 * separator U+180E, braille blank U+2800). U+200D (zero-width joiner) stays only between two visible characters,
 * where emoji such as 👩‍🍳 are built with it; tag characters (U+E0000–U+E007F) only inside a flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching control and lone combining characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/g;
/** A subdivision flag (black flag, tag letters/digits, cancel tag) is kept whole; any other tag character goes. */
const TAGS = /(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,12}\u{E007F})|[\u{E0000}-\u{E007F}]/gu;
/** A zero-width joiner at the start or end, or next to a space, a line break or another joiner, joins nothing. */
const LOOSE_ZWJ = /(?<=^|[\s\u200D])\u200D+|\u200D+(?=$|\s)/g;
/** Line breaks of every kind: CR LF, CR, LF, U+2028, U+2029 (NEL, a C1 control, is removed with the rest). */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * The one cleaning every stored user text goes through (issue 8 (e)): a name or note must read the same on the
 * seller's WhatsApp message, a PDF or a page as it did when typed. Removes control, bidi, zero-width and blank
 * characters (keeps U+200D between visible characters), turns tabs into spaces and lone surrogates into U+FFFD.
 * `multiline` keeps line breaks as \n (notes, descriptions); otherwise a line break becomes one space, so a name is always one line ("Ibu\nTotal: Rp 0" →
 * "Ibu Total: Rp 0", never a line of its own). Does not trim: the schemas do.
 */
export function cleanText(value: string, { multiline = false }: { multiline?: boolean } = {}): string {
	const text = value
		.toWellFormed()
		.replace(LINE_BREAK, '\n')
		.replace(/\t/g, ' ')
		.replace(INVISIBLE, '')
		.replace(TAGS, (_, flag: string | undefined) => flag ?? '')
		.replace(LOOSE_ZWJ, '');
	return multiline ? text : text.replace(/[ ]*\n[\n ]*/g, ' ');
}

/** A one-line text field (a name, a title, a label): cleaned, then trimmed; chain `.min()`/`.max()` as usual. */
export const lineField = (message?: string) => z.string(message).overwrite((v) => cleanText(v)).trim();

/** A multi-line text field (a note, a description, a story): cleaned keeping line breaks, then trimmed. */
export const textField = (message?: string) => z.string(message).overwrite((v) => cleanText(v, { multiline: true })).trim();

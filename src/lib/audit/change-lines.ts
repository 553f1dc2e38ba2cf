/**
 * An audit row's before/after (JSON objects, as recorded) as lines a person reads: one line per field that an
 * update changed, or every field a creation recorded. Values become short text — names of listed people rather than
 * their ids, a count for long lists — and the page gives each field its word from the catalogue (`audit.field.*`).
 */
export interface ChangeLine {
	field: string;
	/** Absent when the row recorded no "before" (a creation). */
	before?: AuditValue;
	after?: AuditValue;
}

/** A value as the page shows it: text, yes/no, empty, or a number of listed items. */
export type AuditValue = { text: string } | { at: string } | { yes: boolean } | { empty: true } | { count: number };

const MAX_TEXT = 200;
const MAX_LISTED = 5;
/** A moment as recorded (ISO-8601 UTC): the page shows it in WIB. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

function record(v: unknown): Record<string, unknown> | null {
	return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function clip(s: string): string {
	return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s;
}

export function auditValue(v: unknown): AuditValue {
	if (v === null || v === undefined || v === '') return { empty: true };
	if (typeof v === 'boolean') return { yes: v };
	if (typeof v === 'string' && ISO_TIME.test(v)) return { at: v };
	if (typeof v === 'string' || typeof v === 'number') return { text: clip(String(v)) };
	if (Array.isArray(v)) {
		const names = v.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : typeof record(x)?.name === 'string' ? String(record(x)!.name) : null));
		if (v.length <= MAX_LISTED && names.every((n) => n !== null)) return v.length ? { text: clip(names.join(', ')) } : { empty: true };
		return { count: v.length };
	}
	return { text: clip(JSON.stringify(v)) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changeLines(before: unknown, after: unknown): ChangeLine[] {
	const b = record(before);
	const a = record(after);
	if (!b && !a) return [];
	if (!b) return Object.keys(a!).map((field) => ({ field, after: auditValue(a![field]) }));
	if (!a) return Object.keys(b).map((field) => ({ field, before: auditValue(b[field]) }));
	const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
	return fields.filter((f) => !same(b[f], a[f])).map((field) => ({ field, before: auditValue(b[field]), after: auditValue(a[field]) }));
}

type Words = (key: string, params?: Record<string, string | number>) => string;

/** A catalogue word for a code (`audit.field.status` → "Status"), or the code itself when the catalogue has none. */
export function codeWord(t: Words, prefix: string, code: string): string {
	const key = `${prefix}${code}`;
	const text = t(key);
	return text === key ? code : text;
}

/** One value in words, as the audit page and its CSV show it. */
export function valueText(v: AuditValue, t: Words, at: (iso: string) => string): string {
	if ('text' in v) return codeWord(t, 'audit.value.', v.text);
	if ('at' in v) return at(v.at);
	if ('yes' in v) return t(v.yes ? 'audit.yes' : 'audit.no');
	if ('count' in v) return t('audit.items', { count: v.count });
	return '—';
}

/** Each changed field as "Status: aktif → disembunyikan" (a creation: "Nama: Toko Ani"). */
export function changeTexts(before: unknown, after: unknown, t: Words, at: (iso: string) => string): string[] {
	return changeLines(before, after).map((l) => `${codeWord(t, 'audit.field.', l.field)}: ${l.before ? `${valueText(l.before, t, at)} → ` : ''}${l.after ? valueText(l.after, t, at) : '—'}`);
}

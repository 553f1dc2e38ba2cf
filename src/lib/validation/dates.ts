import { z } from 'zod';

/**
 * The years a date typed into E-Crav may have. A program, stage, training, indicator entry or mentoring note
 * belongs to this century: year 0000 or 9999 is a typo (or a probe), and it would sort, count and print
 * wrongly everywhere (reports, "jatuh tempo", the held-session rule). The message `date.yearRange` says
 * these two numbers.
 */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** What is wrong with a `YYYY-MM-DD` text: not a real calendar day, a year outside 2000–2100, or nothing (null). */
export function calendarDayProblem(v: string): 'invalid' | 'year' | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
	if (!m) return 'invalid';
	const [y, mo, d] = m.slice(1).map(Number);
	// "2026-02-30" would roll over to 2 March: refuse days that do not exist
	const day = new Date(Date.UTC(y, mo - 1, d));
	if (mo < 1 || mo > 12 || day.getUTCDate() !== d || day.getUTCMonth() !== mo - 1) return 'invalid';
	return yearInRange(y) ? null : 'year';
}

export function yearInRange(year: number): boolean {
	return Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX;
}

/**
 * A calendar day field (`YYYY-MM-DD`), the one validator for every date typed on the coordinator's pages and
 * in the API: empty → null (or `invalidMessage` when required), not a real day → `invalidMessage`, a year
 * outside 2000–2100 → `msg:date.yearRange`.
 */
export function calendarDay(invalidMessage: `msg:${string}`, required = false) {
	return z
		.string(invalidMessage)
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) {
				if (required) ctx.addIssue({ code: 'custom', message: invalidMessage });
				return null;
			}
			const problem = calendarDayProblem(v);
			if (problem) {
				ctx.addIssue({ code: 'custom', message: problem === 'year' ? 'msg:date.yearRange' : invalidMessage });
				return z.NEVER;
			}
			return v;
		});
}

/** `min`/`max` for `<input type="date">` (and `datetime-local`), so the phone's picker offers the same years. */
export const DATE_INPUT_MIN = `${YEAR_MIN}-01-01`;
export const DATE_INPUT_MAX = `${YEAR_MAX}-12-31`;

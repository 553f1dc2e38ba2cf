import { z } from 'zod';
import { lineField, textField } from './text';
import { calendarDayProblem } from './dates';

/** `2024-11-28T08:00:00Z`, or a local WIB time from a form (`2024-11-28T15:00`), → ISO-8601 UTC; years 2000–2100 as typed. */
export const instantField = z
	.string()
	.trim()
	.max(40)
	.transform((v, ctx) => {
		const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(v);
		const [h, mi] = (parts ?? []).slice(4).map(Number);
		const day = parts ? calendarDayProblem(`${parts[1]}-${parts[2]}-${parts[3]}`) : 'invalid';
		if (day !== null || h >= 24 || mi >= 60) {
			// "2026-02-30" would roll over to 2 March: refuse impossible dates, and years outside 2000–2100
			ctx.addIssue({ code: 'custom', message: day === 'year' ? 'msg:date.yearRange' : 'msg:training.badTime' });
			return z.NEVER;
		}
		const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v}${v.length === 16 ? ':00' : ''}+07:00` : v;
		const ms = /^\d{4}-\d{2}-\d{2}T/.test(local) ? Date.parse(local) : NaN;
		if (Number.isNaN(ms)) {
			ctx.addIssue({ code: 'custom', message: 'msg:training.badTime' });
			return z.NEVER;
		}
		return new Date(ms).toISOString();
	});

/** Lines of a textarea (or an array from JSON) → a clean list. */
const lines = (maxItems: number, maxLength: number) =>
	z
		.preprocess((v) => (typeof v === 'string' ? v.split(/\r?\n/) : v), z.array(lineField().max(maxLength, 'msg:training.lineTooLong')).max(maxItems))
		.transform((items) => items.filter(Boolean));

/** What the invitation letter needs besides the training itself; every value printed comes from here or the data. */
export const letterSchema = z.object({
	number: lineField().max(80).optional().default(''),
	attachment: lineField().max(80).optional().default(''),
	subject: lineField().max(120).optional().default(''),
	addressees: lines(10, 120).optional().default([]),
	body: textField().max(2000).optional().default(''),
	place: lineField().max(60).optional().default(''),
	signerTitle: lineField().max(120).optional().default(''),
	signerName: lineField().max(80).optional().default(''),
	signerRank: lineField().max(80).optional().default(''),
	signerNip: lineField().max(30).optional().default(''),
	/** The kop: one line per line of the letterhead (instansi, kecamatan, kelurahan), or lines joined by " / ". */
	issuer: textField().max(300).optional().default(''),
	issuerAddress: lineField().max(200).optional().default(''),
	copies: lines(10, 120).optional().default([])
});
export type LetterDetails = z.output<typeof letterSchema>;

export const trainingSchema = z.object({
	title: lineField().min(3, 'msg:training.titleShort').max(140),
	startsAt: instantField,
	venue: lineField().min(3, 'msg:training.venueShort').max(140),
	speakers: lines(10, 160).optional().default([]),
	agenda: lines(20, 200).optional().default([]),
	letter: letterSchema.optional()
});
export type TrainingInput = z.input<typeof trainingSchema>;

const eventId = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'msg:training.badEventId');

export const attendanceEventSchema = z.object({
	id: eventId,
	memberId: z.string().min(1).max(60),
	present: z.boolean(),
	at: instantField
});
export const attendanceBatchSchema = z.object({ events: z.array(attendanceEventSchema).min(1).max(500) });
export type AttendanceEventInput = z.input<typeof attendanceEventSchema>;

export const scoresSchema = z.object({
	kind: z.enum(['pre', 'post']),
	scores: z
		.array(z.object({ memberId: z.string().min(1).max(60), score: z.number().int('msg:training.scoreRange').min(0, 'msg:training.scoreRange').max(100, 'msg:training.scoreRange').nullable() }))
		.max(2000)
});
export type ScoresInput = z.input<typeof scoresSchema>;

/** 1–5 as a number or the plain digit a radio button sends ("1e0", " 3", "03" are not answers). */
const likert = z.preprocess((v) => (typeof v === 'string' && /^[1-5]$/.test(v) ? Number(v) : v), z.number('msg:training.pickOne').int('msg:training.pickOne').min(1, 'msg:training.pickOne').max(5, 'msg:training.pickOne'));
export const reactionSchema = z.object({ satisfaction: likert, usefulness: likert, confidenceBefore: likert, confidenceNow: likert });
export type ReactionInput = z.input<typeof reactionSchema>;

/** The coordinator's name under the evaluation report's second signature (empty: a dotted line to sign by hand). */
export const reportSignerSchema = z.object({ name: lineField().max(80) });

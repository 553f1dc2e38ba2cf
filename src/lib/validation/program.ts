import { z } from 'zod';
import { lineField, textField } from './text';
import { calendarDay } from './dates';

/** Stages of the report's community practice, in order (BAB IV 4.1–4.7). */
export const STAGE_KEYS = ['persiapan_sosial', 'dialog', 'asesmen', 'rencana', 'intervensi', 'evaluasi', 'terminasi'] as const;
export const STAGE_STATUSES = ['belum', 'berjalan', 'selesai'] as const;
export const MPA_CATEGORIES = ['problem', 'need', 'potential', 'resource'] as const;
export const SLA_CAPITALS = ['human', 'social', 'natural', 'physical', 'financial'] as const;

/** `YYYY-MM-DD` that is a real calendar day in 2000–2100, or empty (→ null). */
const optionalDay = calendarDay('msg:program.dateInvalid');

const dateRange = <T extends { startsOn: string | null; endsOn: string | null }>(v: T) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;

export const programPlanSchema = z
	.object({
		name: lineField().min(3, 'msg:program.nameShort').max(120, 'msg:program.tooLong'),
		theme: textField().max(500, 'msg:program.tooLong').optional().default(''),
		goals: textField().max(3000, 'msg:program.tooLong').optional().default(''),
		targetGroup: textField().max(1000, 'msg:program.tooLong').optional().default(''),
		startsOn: optionalDay,
		endsOn: optionalDay
	})
	.refine(dateRange, { message: 'msg:program.dateOrder', path: ['endsOn'] });
export type ProgramPlanInput = z.input<typeof programPlanSchema>;

/**
 * The copy form ("Salin sebagai templat"): the new program's own name and field period, all three required. A
 * copy with the source's name and no dates was listed twice beside its source and counted orders with no period.
 */
export const programCopySchema = z
	.object({
		name: lineField('msg:program.nameShort').min(3, 'msg:program.nameShort').max(120, 'msg:program.tooLong'),
		startsOn: calendarDay('msg:program.copy.dateRequired', true),
		endsOn: calendarDay('msg:program.copy.dateRequired', true)
	})
	.refine(dateRange, { message: 'msg:program.dateOrder', path: ['endsOn'] });
export type ProgramCopyInput = z.input<typeof programCopySchema>;

export const stageUpdateSchema = z
	.object({
		status: z.enum(STAGE_STATUSES, 'msg:program.statusInvalid'),
		startsOn: optionalDay,
		endsOn: optionalDay,
		notes: textField().max(5000, 'msg:program.tooLong').optional().default('')
	})
	.refine(dateRange, { message: 'msg:program.dateOrder', path: ['endsOn'] });
export type StageUpdateInput = z.input<typeof stageUpdateSchema>;

export const assessmentItemSchema = z.discriminatedUnion('method', [
	z.object({
		method: z.literal('mpa'),
		category: z.enum(MPA_CATEGORIES, 'msg:program.categoryInvalid'),
		sector: lineField().max(60, 'msg:program.tooLong').optional().default(''),
		text: lineField().min(2, 'msg:program.itemShort').max(300, 'msg:program.tooLong')
	}),
	z.object({
		method: z.literal('sla'),
		category: z.enum(SLA_CAPITALS, 'msg:program.categoryInvalid'),
		sector: z.string().optional().transform(() => ''),
		text: lineField().min(2, 'msg:program.itemShort').max(300, 'msg:program.tooLong')
	})
], 'msg:program.categoryInvalid');
export type AssessmentItemInput = z.input<typeof assessmentItemSchema>;

/** A number typed the Indonesian way ("1.500", "0,45") or the API way (1500, 0.45); empty → null. */
const optionalNumber = z
	.union([z.number(), z.string(), z.null()])
	.optional()
	.transform((v, ctx) => {
		if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
		const n = typeof v === 'number' ? v : parseIndonesianNumber(v);
		if (n === null || !Number.isFinite(n) || Math.abs(n) > 1e12) {
			ctx.addIssue({ code: 'custom', message: 'msg:program.numberInvalid' });
			return z.NEVER;
		}
		return n;
	});

/** "1.500" → 1500, "0,45" → 0.45, "12" → 12; anything else → null. */
export function parseIndonesianNumber(text: string): number | null {
	const t = text.trim().replace(/\s/g, '');
	if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
	if (/^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
	if (/^-?\d+\.\d+$/.test(t)) return Number(t);
	return null;
}

export const indicatorTargetsSchema = z.object({
	label: lineField().min(3, 'msg:program.labelShort').max(200, 'msg:program.tooLong'),
	unit: lineField().max(30, 'msg:program.tooLong').optional().default(''),
	baseline: optionalNumber,
	target: optionalNumber
});
export type IndicatorTargetsInput = z.input<typeof indicatorTargetsSchema>;

export const newIndicatorSchema = indicatorTargetsSchema.extend({
	/** A standard metric key for an automatic indicator; empty for a manual one. */
	metric: lineField().optional().transform((v) => (v ? v : null))
});
export type NewIndicatorInput = z.input<typeof newIndicatorSchema>;

export const indicatorEntrySchema = z.object({
	onDate: optionalDay.refine((v) => v !== null, 'msg:program.dateRequired'),
	value: optionalNumber.refine((v) => v !== null, 'msg:program.numberInvalid'),
	note: textField().max(500, 'msg:program.tooLong').optional().default('')
});
export type IndicatorEntryInput = z.input<typeof indicatorEntrySchema>;

export const handoverSchema = z.object({
	recipient: lineField().min(3, 'msg:program.recipientShort').max(200, 'msg:program.tooLong'),
	followUp: textField().max(3000, 'msg:program.tooLong').optional().default(''),
	handedOverOn: optionalDay
});
export type HandoverInput = z.input<typeof handoverSchema>;

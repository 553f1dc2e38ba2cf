import { z } from 'zod';
import { lineField, textField } from './text';

const isoDate = (required: boolean) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) {
				if (required) ctx.addIssue({ code: 'custom', message: 'msg:mentoring.dateInvalid' });
				return null;
			}
			const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
			if (!ok) {
				ctx.addIssue({ code: 'custom', message: 'msg:mentoring.dateInvalid' });
				return z.NEVER;
			}
			return v;
		});

/** One visit, call or chat with a member, and what was agreed. */
export const mentoringSchema = z
	.object({
		heldOn: isoDate(true),
		channel: z.enum(['kunjungan', 'telepon', 'chat'], 'msg:mentoring.channelInvalid'),
		topic: lineField('msg:mentoring.topicShort').min(3, 'msg:mentoring.topicShort').max(120, 'msg:members.tooLong'),
		notes: textField().max(2000, 'msg:members.tooLong').optional().default(''),
		nextStep: textField().max(500, 'msg:members.tooLong').optional().default(''),
		followUpOn: isoDate(false)
	})
	.superRefine((v, ctx) => {
		if (v.heldOn && v.followUpOn && v.followUpOn < v.heldOn) ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'msg:mentoring.followUpBefore' });
	});
export type MentoringInput = z.input<typeof mentoringSchema>;

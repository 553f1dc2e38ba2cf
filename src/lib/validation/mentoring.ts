import { z } from 'zod';
import { lineField, textField } from './text';
import { calendarDay } from './dates';

/** A calendar day in 2000–2100 (the shared date validator), required or optional (empty → null). */
const isoDate = (required: boolean) => calendarDay('msg:mentoring.dateInvalid', required);

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

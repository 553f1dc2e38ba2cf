import type { z } from 'zod';
import type { MessageKey, Params } from '../i18n';

/** A problem with one field, said as a message key so each user reads it in their own language. */
export interface FieldIssue {
	field: string;
	messageKey: MessageKey;
	params: Params;
}

/** Turns zod's issues into FieldIssues. Schemas may set `error` to a MessageKey for a field-specific message. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
	return error.issues.map((issue) => {
		const field = issue.path.join('.') || '_';
		const custom = issue.message?.startsWith('msg:') ? (issue.message.slice(4) as MessageKey) : null;
		// A refinement may carry the numbers its message names (e.g. the per-line cap): `refine(…, { params })`.
		if (custom) return { field, messageKey: custom, params: issue.code === 'custom' ? { ...(issue.params as Params | undefined) } : {} };
		const reason = reasonOf(issue);
		return { field, messageKey: 'error.badParam', params: { name: field, ...reason } };
	});
}

function reasonOf(issue: z.core.$ZodIssue): { reasonKey: MessageKey; min?: number; max?: number; options?: string } {
	switch (issue.code) {
		case 'too_small':
			return { reasonKey: 'error.reason.min', min: Number(issue.minimum) };
		case 'too_big':
			return issue.origin === 'string'
				? { reasonKey: 'error.reason.tooLong', max: Number(issue.maximum) }
				: { reasonKey: 'error.reason.max', max: Number(issue.maximum) };
		case 'invalid_value':
			return { reasonKey: 'error.reason.oneOf', options: issue.values.map(String).join(', ') };
		default:
			return { reasonKey: 'error.reason.integer' };
	}
}

/** The message for one field issue in the reader's language. */
export function issueMessage(t: (key: MessageKey, params?: Params) => string, issue: FieldIssue): string {
	const reasonKey = issue.params.reasonKey as MessageKey | undefined;
	const params = reasonKey ? { ...issue.params, reason: t(reasonKey, issue.params) } : issue.params;
	return t(issue.messageKey, params);
}

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
		// An unknown key is named itself ("status" is no field of a product), not the object it sits in ("_").
		const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys.join(', ')] : issue.path;
		const field = path.join('.') || '_';
		const custom = issue.message?.startsWith('msg:') ? (issue.message.slice(4) as MessageKey) : null;
		// A refinement may carry the numbers its message names (e.g. the per-line cap): `refine(…, { params })`.
		if (custom) return { field, messageKey: custom, params: issue.code === 'custom' ? { ...(issue.params as Params | undefined) } : {} };
		const reason = reasonOf(issue);
		return { field, messageKey: 'error.badParam', params: { name: field, ...reason } };
	});
}

/** What a field of the wrong type should have been, in words a reader of the API or a form understands. */
const TYPE_REASONS: Partial<Record<string, MessageKey>> = {
	int: 'error.reason.integer',
	number: 'error.reason.number',
	string: 'error.reason.text',
	array: 'error.reason.list',
	object: 'error.reason.object',
	boolean: 'error.reason.boolean'
};

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
		case 'unrecognized_keys':
			return { reasonKey: 'error.reason.unknownField' };
		case 'invalid_type':
			// zod says a missing field is "received undefined"; that is the one case it words so.
			if (/received undefined$/.test(issue.message ?? '')) return { reasonKey: 'error.reason.required' };
			return { reasonKey: TYPE_REASONS[issue.expected] ?? 'error.reason.invalid' };
		default:
			return { reasonKey: 'error.reason.invalid' };
	}
}

/** The message for one field issue in the reader's language. */
export function issueMessage(t: (key: MessageKey, params?: Params) => string, issue: FieldIssue): string {
	const reasonKey = issue.params.reasonKey as MessageKey | undefined;
	const params = reasonKey ? { ...issue.params, reason: t(reasonKey, issue.params) } : issue.params;
	return t(issue.messageKey, params);
}

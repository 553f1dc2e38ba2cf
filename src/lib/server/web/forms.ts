import { fail, type ActionFailure } from '@sveltejs/kit';
import { translator, type Locale } from '../../i18n';
import { issueMessage } from '../../validation/issues';
import { DomainError, asDomainError } from '../errors';
import { retryAfterOf } from '../security/rate-limit';
import { BUSY_RETRY_AFTER_SECONDS } from '../db/busy';

export interface FormState {
	message: string;
	fields: Record<string, string>;
	values: Record<string, string>;
}

/** The form's text fields, to give back on failure so nothing typed is lost. Files and passwords are left out. */
export function formValues(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string' && !/password|confirm/i.test(k)) out[k] = v.slice(0, 5000);
	return out;
}

/**
 * Runs a form action; a domain error becomes a translated failure (status 4xx) with a message for the top
 * of the form, one per field, and the values as typed. Other errors are bugs and go to handleError.
 * Pass the event to answer a rate limit's 429 with its Retry-After header.
 */
export async function formAction<T>(
	locale: Locale,
	form: FormData,
	fn: () => Promise<T>,
	event?: { setHeaders(headers: Record<string, string>): void }
): Promise<T | ActionFailure<FormState>> {
	try {
		return await fn();
	} catch (thrown) {
		const e = asDomainError(thrown);
		if (!(e instanceof DomainError)) throw e;
		const retry = retryAfterOf(e) ?? (e.status === 503 ? BUSY_RETRY_AFTER_SECONDS : null);
		if (retry && event) event.setHeaders({ 'retry-after': String(retry) });
		const t = translator(locale);
		const fields: Record<string, string> = {};
		for (const issue of e.issues) fields[issue.field] ??= issueMessage(t, issue);
		const status = e.status === 401 || e.status === 403 || e.status === 404 || e.status === 429 || e.status === 503 ? e.status : 400;
		return fail(status, { message: t(e.messageKey, e.params), fields, values: formValues(form) });
	}
}

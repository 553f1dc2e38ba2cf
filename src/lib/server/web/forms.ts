import { fail, isActionFailure, redirect, type ActionFailure } from '@sveltejs/kit';
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
		const status = e.status === 401 || e.status === 403 || e.status === 404 || e.status === 409 || e.status === 429 || e.status === 503 ? e.status : 400;
		// the headline resolves a `reasonKey` the way field messages do (never a raw "{reason}")
		const message = issueMessage(t, { field: '', messageKey: e.messageKey, params: e.params });
		return fail(status, { message, fields, values: formValues(form) });
	}
}

/**
 * After a successful form post (a result `{ saved: '<what>' }`), answers 303 back to the page's own address
 * with `?tersimpan=<what>` (and `#hash` when given), so no `?/action` stays in the address bar and a reload
 * does not post again; the page's load reads it back with `savedParam`. A failure passes through and the
 * page renders it with the values as typed.
 */
export function redirectWhenSaved<T>(url: URL, result: T, hash = ''): T {
	if (result && typeof result === 'object' && !isActionFailure(result) && 'saved' in result && typeof result.saved === 'string') {
		redirect(303, `${url.pathname}?tersimpan=${encodeURIComponent(result.saved)}${hash ? `#${hash}` : ''}`);
	}
	return result;
}

/** The `?tersimpan=` value a page was sent back with, when it is one the page knows; anything else is null. */
export function savedParam<T extends string>(url: URL, known: readonly T[]): T | null {
	const v = url.searchParams.get('tersimpan');
	return v !== null && (known as readonly string[]).includes(v) ? (v as T) : null;
}

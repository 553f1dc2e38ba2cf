import { error, json, type RequestEvent } from '@sveltejs/kit';
import { translator, type Translate } from '../i18n';
import { issueMessage } from '../validation/issues';
import { DomainError, asDomainError } from './errors';
import { retryAfterOf } from './security/rate-limit';
import { BUSY_RETRY_AFTER_SECONDS } from './db/busy';
import { logError } from './observability/logger';

function describe(t: Translate, e: DomainError) {
	const fields: Record<string, string> = {};
	for (const issue of e.issues) fields[issue.field] ??= issueMessage(t, issue);
	const first = e.issues[0];
	// For a single bad parameter the precise field message is the most useful headline.
	const message = e.issues.length === 1 && first ? issueMessage(t, first) : issueMessage(t, { field: '', messageKey: e.messageKey, params: e.params });
	return { message, fields };
}

/**
 * Runs a page's load and turns domain errors into SvelteKit errors with a translated message,
 * so "not found" is a friendly 404 page and bad query input a 400 page; never a 500.
 */
export async function pageLoad<T>(event: Pick<RequestEvent, 'locals'>, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (thrown) {
		const e = asDomainError(thrown);
		if (e instanceof DomainError) {
			const { message } = describe(translator(event.locals.locale), e);
			error(e.status, { message });
		}
		throw e;
	}
}

/** JSON API wrapper: `{ "error": { "code", "message", "details" } }` with the domain error's 4xx status. */
export async function apiCall(event: Pick<RequestEvent, 'locals'>, fn: () => Promise<Response>): Promise<Response> {
	try {
		return await fn();
	} catch (thrown) {
		const e = asDomainError(thrown);
		if (e instanceof DomainError) {
			const { message, fields } = describe(translator(event.locals.locale), e);
			const details = Object.keys(fields).length ? { fields } : undefined;
			const retry = retryAfterOf(e) ?? (e.status === 503 ? BUSY_RETRY_AFTER_SECONDS : null);
			return json({ error: { code: e.code, message, ...(details ? { details } : {}) } }, { status: e.status, headers: retry ? { 'retry-after': String(retry) } : undefined });
		}
		logError('unexpected API error', e);
		return json({ error: { code: 'internal', message: translator(event.locals.locale)('api.internal') } }, { status: 500 });
	}
}

/**
 * SvelteKit answers a method a `+server.ts` does not export with a plain-text 405; /api/v1 clients get the API's one
 * error shape instead (`method_not_allowed`, in the caller's language), keeping SvelteKit's `Allow` header.
 */
export async function apiMethodNotAllowed(response: Response, method: string, locale: App.Locals['locale']): Promise<Response> {
	if (response.status !== 405) return response;
	await response.body?.cancel();
	const allow = response.headers.get('allow') ?? '';
	const message = translator(locale)('api.methodNotAllowed', { method, allow: allow || '-' });
	return json({ error: { code: 'method_not_allowed', message } }, { status: 405, headers: allow ? { allow } : undefined });
}

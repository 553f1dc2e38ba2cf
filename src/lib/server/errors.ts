import type { MessageKey, Params } from '../i18n';
import type { FieldIssue } from '../validation/issues';
import { isDatabaseBusy } from './db/busy';

/**
 * Errors that carry a message key instead of text: services decide *what* went wrong, the edge (page or API)
 * says it in the user's language. Anything that is not a DomainError is a bug and becomes a logged 500.
 */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly messageKey: MessageKey,
		readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 503,
		readonly params: Params = {},
		readonly issues: FieldIssue[] = []
	) {
		super(`${code}: ${messageKey}`);
		this.name = new.target.name;
	}
}

export class NotFoundError extends DomainError {
	constructor(messageKey: MessageKey = 'api.notFound', params: Params = {}) {
		super('not_found', messageKey, 404, params);
	}
}

/** Input that breaks a rule (422), or that cannot be understood at all (400). */
export class ValidationError extends DomainError {
	constructor(messageKey: MessageKey, params: Params = {}, issues: FieldIssue[] = [], status: 400 | 413 | 422 = 422) {
		super(status === 400 ? 'bad_request' : 'invalid', messageKey, status, params, issues);
	}
}

export class ForbiddenError extends DomainError {
	constructor(messageKey: MessageKey = 'error.forbidden') {
		super('forbidden', messageKey, 403);
	}
}

/** The database (or the image queue) is busy: try again in a few seconds (503 + Retry-After), nothing was changed. */
export class BusyError extends DomainError {
	constructor(messageKey: MessageKey = 'security.busy') {
		super('busy', messageKey, 503);
	}
}

/** A DomainError as is; a "database busy" error as BusyError; anything else is a bug and stays itself. */
export function asDomainError(e: unknown): unknown {
	if (e instanceof DomainError) return e;
	if (isDatabaseBusy(e)) return new BusyError();
	// PostgreSQL refuses text it cannot store (a NUL byte, an invalid sequence): bad input, not a bug.
	if (['22021', '22P05'].includes(String((e as { code?: unknown } | null)?.code ?? ''))) return new ValidationError('error.invalidInput', {}, [], 400);
	return e;
}

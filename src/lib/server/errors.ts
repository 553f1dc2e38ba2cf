import type { MessageKey, Params } from '../i18n';
import type { FieldIssue } from '../validation/issues';

/**
 * Errors that carry a message key instead of text: services decide *what* went wrong, the edge (page or API)
 * says it in the user's language. Anything that is not a DomainError is a bug and becomes a logged 500.
 */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly messageKey: MessageKey,
		readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429,
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

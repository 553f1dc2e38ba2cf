import { randomUUID } from 'node:crypto';

/** What an incoming X-Request-Id may look like to be kept: a proxy's or client's id, short and plain. */
const SANE_ID = /^[A-Za-z0-9._:-]{6,100}$/;

/**
 * The request's id: the incoming `X-Request-Id` when it is sane (a proxy in front may set one, so its logs and ours
 * join up), else a new UUID. Anything else — long, with spaces, quotes or control characters — is never echoed or logged.
 */
export function requestIdFrom(incoming: string | null): string {
	return incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
}

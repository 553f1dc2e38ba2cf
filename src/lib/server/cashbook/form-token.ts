import { randomBytes } from 'node:crypto';
import { ValidationError } from '../errors';

/**
 * One-time tokens against a double tap or a resubmitted form (issue 11): every cash-book form that creates money
 * records carries one, made when the page renders, and the API takes the same as an `Idempotency-Key` header. The
 * second submission of a token stores nothing new and answers with what the first stored. Tokens are the shop's:
 * stored with the shop's id, so another shop using the same string neither sees nor blocks anything.
 */
/** What a token may be; also the `Idempotency-Key` pattern in /api/v1/openapi.json. */
export const FORM_TOKEN_PATTERN = /^[A-Za-z0-9._:~-]{8,100}$/;

/** How many bits a page's token has (see formTokenOf in web/cashbook-form.ts for how a page carries them). */
export const FORM_TOKEN_BITS = 64;

/** A fresh random token: 16 hex digits (64 bits), never all zero (a form carrying no set bit carries no token). */
export function newFormToken(): string {
	const b = randomBytes(FORM_TOKEN_BITS / 8);
	b[b.length - 1] |= 1;
	return b.toString('hex');
}

/** The token as given (null when none); one that is not 8–100 letters, digits or `._:~-` → 400, nothing stored. */
export function parseFormToken(raw: string | null | undefined): string | null {
	if (raw === null || raw === undefined || raw === '') return null;
	if (!FORM_TOKEN_PATTERN.test(raw)) throw new ValidationError('cashbook.token.invalid', {}, [], 400);
	return raw;
}

/** The `source_ref` of an entry typed by hand with a token: `form:<shopId>:<token>` (unique, so scoped to the shop). */
export const formSourceRef = (shopId: string, token: string) => `form:${shopId}:${token}`;

/**
 * Posted automatically from elsewhere (an order's income or its reversal `order:…`, a debt payment `debt:…`): corrected
 * where it came from and marked "otomatis". An entry typed by hand has no source or a form token (`form:…`).
 */
export function isAutomaticSource(sourceRef: string | null | undefined): boolean {
	return !!sourceRef && (sourceRef.startsWith('order:') || sourceRef.startsWith('debt:'));
}

/** A unique index refused the write (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE): a token or a reversal used at the same moment. */
export function isUniqueViolation(e: unknown): boolean {
	const code = (e as { code?: unknown })?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

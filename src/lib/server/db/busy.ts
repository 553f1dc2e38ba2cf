/**
 * Errors that mean "the database is busy right now, try again shortly" rather than a bug: SQLite locked by
 * another writer, a PostgreSQL lock or statement timeout, a deadlock victim, no free pooled connection, or
 * PostgreSQL restarting (its connections cut, new ones refused until it is up).
 * The edges (API, form actions, pages) answer them with 503 and Retry-After instead of a 500.
 */
export function isDatabaseBusy(e: unknown): boolean {
	if (!e || typeof e !== 'object') return false;
	const code = String((e as { code?: unknown }).code ?? '');
	if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
	// 55P03 lock_not_available (lock_timeout), 57014 query_canceled (statement_timeout), 40P01 deadlock, 53300 too many connections.
	if (['55P03', '57014', '40P01', '53300'].includes(code)) return true;
	// PostgreSQL restarting or unreachable for a moment: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
	// cannot_connect_now ("starting up"), class 08 connection exceptions, the socket refused or cut.
	if (['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code) || code.startsWith('08')) return true;
	const message = String((e as { message?: unknown }).message ?? '');
	return /timeout exceeded when trying to connect|connection timeout|Connection terminated/i.test(message);
}

/** Seconds a client should wait before retrying a refused request (Retry-After). */
export const BUSY_RETRY_AFTER_SECONDS = 5;

import { describe, expect, it } from 'vitest';
import { isDatabaseBusy } from '../../src/lib/server/db/busy';
import { asDomainError, BusyError } from '../../src/lib/server/errors';

/**
 * What "the database is busy or restarting, try again" means (503 + Retry-After, nothing changed) and what stays a
 * bug (500, logged). The codes are the ones PostgreSQL and the pg driver really send; the fault test
 * (tests/e2e/fault-orders.test.ts) restarts a real PostgreSQL under load and finds no 500.
 */
describe('isDatabaseBusy', () => {
	const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });

	it('should treat locks, timeouts and PostgreSQL restarting as busy', () => {
		for (const code of ['SQLITE_BUSY', 'SQLITE_LOCKED_SHAREDCACHE', '55P03', '57014', '40P01', '53300', '57P01', '57P02', '57P03', '08006', '08001', 'ECONNREFUSED', 'ECONNRESET']) expect(isDatabaseBusy(err(code)), code).toBe(true);
		expect(isDatabaseBusy(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isDatabaseBusy(new Error('timeout exceeded when trying to connect'))).toBe(true);
		expect(asDomainError(err('57P01', 'terminating connection due to administrator command'))).toBeInstanceOf(BusyError);
	});

	it('should leave real faults alone: constraint violations, syntax errors, anything else', () => {
		for (const code of ['23505', '23503', '42601', '42P01', 'SQLITE_CONSTRAINT_UNIQUE', 'ERR_INVALID_ARG_TYPE', '']) expect(isDatabaseBusy(err(code)), code).toBe(false);
		expect(isDatabaseBusy(new TypeError('cannot read properties of undefined'))).toBe(false);
		expect(isDatabaseBusy(null)).toBe(false);
		expect(isDatabaseBusy('57P01')).toBe(false);
		const bug = err('42601');
		expect(asDomainError(bug)).toBe(bug);
	});
});

import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { DomainError } from '../errors';
import type { MessageKey, Params } from '../../i18n';

/** How many hits a kind of request may make per subject (an address, a phone number, an order) in a window. */
export interface RateRule {
	/** Part of the stored key, e.g. `checkout-addr`. */
	name: string;
	limit: number;
	windowMs: number;
}

export interface RateDecision {
	allowed: boolean;
	/** Hits in the current window, this one included. */
	hits: number;
	/** Seconds until the window ends (for Retry-After); 0 when allowed. */
	retryAfterSeconds: number;
}

/** Too many requests: 429, with the seconds to wait for the Retry-After header and a kind message. */
export class RateLimitedError extends DomainError {
	constructor(
		readonly retryAfterSeconds: number,
		messageKey: MessageKey = 'security.tooMany',
		code = 'too_many_requests',
		params: Params = {}
	) {
		super(code, messageKey, 429, { ...params, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
	}
}

/** The seconds a refused request should wait (for Retry-After), or null for any other error. */
export function retryAfterOf(e: unknown): number | null {
	return e instanceof RateLimitedError ? e.retryAfterSeconds : null;
}

/** How many hits one process counts between two prunes of old counters. */
export const RATE_LIMIT_PRUNE_EVERY = 200;
/** Counters older than this are deleted by `prune` (every rule's window is far shorter). */
export const RATE_LIMIT_KEEP_MS = 24 * 3600_000;

/**
 * Fixed-window counters kept in the database, so every process sharing the database shares the limits
 * (not process memory). Invariant: one hit is one atomic upsert (`INSERT … ON CONFLICT DO UPDATE …
 * RETURNING`) on both dialects — concurrent hits never read-then-write, so N parallel requests count N.
 * A window always ends `windowMs` after its first hit; hits during it do not renew it.
 */
export class RateLimiter {
	/** Hits until the next prune; starts due, so a process prunes on its first hit (i.e. soon after start). */
	private untilPrune = 0;

	constructor(
		private readonly db: Kysely<DB>,
		private readonly clock: () => Date = () => new Date()
	) {}

	/**
	 * Counts one hit for this subject and says whether it is within the rule's limit. Every
	 * RATE_LIMIT_PRUNE_EVERY hits (and on a process's first) it also deletes the counters whose window ended
	 * long ago (`prune`), so `rate_limit` stays as small as the traffic of the last day.
	 */
	async hit(rule: RateRule, subject: string): Promise<RateDecision> {
		if (--this.untilPrune <= 0) {
			this.untilPrune = RATE_LIMIT_PRUNE_EVERY;
			// Housekeeping never fails a request (a busy database just prunes next time).
			await this.prune().catch(() => 0);
		}
		const now = this.clock().getTime();
		const expired = now - rule.windowMs;
		const row = await this.db
			.insertInto('rate_limit')
			.values({ key: keyOf(rule, subject), window_start: now, hits: 1 })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					hits: sql<number>`CASE WHEN rate_limit.window_start <= ${expired} THEN 1 ELSE rate_limit.hits + 1 END`,
					window_start: sql<number>`CASE WHEN rate_limit.window_start <= ${expired} THEN ${now} ELSE rate_limit.window_start END`
				})
			)
			.returning(['hits', 'window_start'])
			.executeTakeFirstOrThrow();
		const hits = Number(row.hits);
		const allowed = hits <= rule.limit;
		const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((Number(row.window_start) + rule.windowMs - now) / 1000));
		return { allowed, hits, retryAfterSeconds };
	}

	/** hit(), throwing RateLimitedError (429) when over the limit. */
	async consume(rule: RateRule, subject: string, messageKey?: MessageKey, code?: string): Promise<void> {
		const d = await this.hit(rule, subject);
		if (!d.allowed) throw new RateLimitedError(d.retryAfterSeconds, messageKey, code);
	}

	/** Gives one hit back (a try that turned out fine), never below zero; the window is kept. */
	async refund(rule: RateRule, subject: string): Promise<void> {
		await this.db
			.updateTable('rate_limit')
			.set((eb) => ({ hits: eb('hits', '-', 1) }))
			.where('key', '=', keyOf(rule, subject))
			.where('hits', '>', 0)
			.execute();
	}

	/** Forgets a subject's hits (a successful login clears that address's failed tries). */
	async reset(rule: RateRule, subject: string): Promise<void> {
		await this.db.deleteFrom('rate_limit').where('key', '=', keyOf(rule, subject)).execute();
	}

	/**
	 * Claims `subject` for one request (a row of its own in the same table, hits 0): true for exactly one of
	 * any number of concurrent callers, across processes (one atomic insert). A claim older than `staleMs`
	 * (a process died holding it) is taken over. Release it with `release` when the work is done or failed.
	 */
	async claim(name: string, subject: string, staleMs: number): Promise<boolean> {
		const key = `${name}:${subject}`.slice(0, 300);
		const now = this.clock().getTime();
		await this.db.deleteFrom('rate_limit').where('key', '=', key).where('window_start', '<', now - staleMs).execute();
		const row = await this.db
			.insertInto('rate_limit')
			.values({ key, window_start: now, hits: 0 })
			.onConflict((oc) => oc.column('key').doNothing())
			.returning('key')
			.executeTakeFirst();
		return !!row;
	}

	/** Whether someone holds the claim on `subject` (a claim older than `staleMs` is a dead request's: nobody). */
	async claimed(name: string, subject: string, staleMs: number): Promise<boolean> {
		const since = this.clock().getTime() - staleMs;
		return !!(await this.db.selectFrom('rate_limit').select('key').where('key', '=', `${name}:${subject}`.slice(0, 300)).where('window_start', '>=', since).executeTakeFirst());
	}

	async release(name: string, subject: string): Promise<void> {
		await this.db.deleteFrom('rate_limit').where('key', '=', `${name}:${subject}`.slice(0, 300)).execute();
	}

	/**
	 * Deletes counters (and claims) that started more than `olderThanMs` ago — a day, far longer than any rule's
	 * window (at most an hour), so no live count is lost. Called by `hit` every RATE_LIMIT_PRUNE_EVERY hits.
	 */
	async prune(olderThanMs = RATE_LIMIT_KEEP_MS): Promise<number> {
		const r = await this.db.deleteFrom('rate_limit').where('window_start', '<', this.clock().getTime() - olderThanMs).executeTakeFirst();
		return Number(r.numDeletedRows);
	}
}

function keyOf(rule: RateRule, subject: string): string {
	return `${rule.name}:${subject}`.slice(0, 300);
}

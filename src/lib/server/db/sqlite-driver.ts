import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult, type SqliteDialectConfig } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { isDatabaseBusy } from './busy';

/**
 * better-sqlite3 waits for a lock synchronously (busy_timeout), which freezes the whole event loop: with another
 * writer holding the database (a backup tool, the CLI) every request, even /healthz, stalled for 5 s. This
 * driver keeps SQLite's own wait tiny and waits *asynchronously* instead: a write that finds the database busy
 * lets go of the connection, sleeps with backoff and tries again, so reads keep flowing meanwhile; after
 * `busyRetryMs` it gives up with SQLITE_BUSY, which the edges answer as 503 + Retry-After.
 * Transactions start with BEGIN IMMEDIATE, so they meet a busy database at their start (and retry there)
 * rather than half-way through.
 */
export class ResilientSqliteDialect extends SqliteDialect {
	constructor(
		private readonly sqlite: BetterSqlite3.Database,
		private readonly busyRetryMs: number
	) {
		super({ database: sqlite } satisfies SqliteDialectConfig);
	}

	override createDriver(): Driver {
		return new ResilientSqliteDriver(this.sqlite, this.busyRetryMs);
	}
}

/** How many prepared statements the driver keeps (see ResilientSqliteDriver.prepare). */
const STATEMENT_CACHE = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Mutex {
	private held: Promise<void> | null = null;
	private release: (() => void) | null = null;
	async lock() {
		while (this.held) await this.held;
		this.held = new Promise((r) => (this.release = r));
	}
	unlock() {
		const r = this.release;
		this.held = null;
		this.release = null;
		r?.();
	}
}

class Session implements DatabaseConnection {
	inTransaction = false;
	constructor(private readonly driver: ResilientSqliteDriver) {}
	executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		return this.inTransaction ? Promise.resolve(this.driver.run<R>(query)) : this.driver.withRetry(() => this.driver.run<R>(query));
	}
	// eslint-disable-next-line require-yield
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('streaming is not used with SQLite');
	}
}

class ResilientSqliteDriver implements Driver {
	private readonly mutex = new Mutex();
	constructor(
		private readonly db: BetterSqlite3.Database,
		private readonly busyRetryMs: number
	) {}

	async init() {}

	/**
	 * Prepared statements by their SQL: preparing was ~6 % of a catalog view's CPU (every query, every request). The
	 * app's queries are a few hundred distinct texts; past STATEMENT_CACHE the oldest is dropped. SQLite re-prepares a
	 * kept statement itself when the schema changes (a migration).
	 */
	private readonly statements = new Map<string, BetterSqlite3.Statement>();

	private prepare(sql: string): BetterSqlite3.Statement {
		let stmt = this.statements.get(sql);
		if (!stmt) {
			stmt = this.db.prepare(sql);
			if (this.statements.size >= STATEMENT_CACHE) this.statements.delete(this.statements.keys().next().value as string);
			this.statements.set(sql, stmt);
		}
		return stmt;
	}

	run<R>(query: CompiledQuery): QueryResult<R> {
		const stmt = this.prepare(query.sql);
		if (stmt.reader) return { rows: stmt.all(query.parameters as unknown[]) as R[] };
		const { changes, lastInsertRowid } = stmt.run(query.parameters as unknown[]);
		return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
	}

	/** Runs fn holding the connection; when the database is busy, lets go, sleeps (10 ms doubling to 200 ms) and retries. */
	async withRetry<T>(fn: () => T, keepLock = false): Promise<T> {
		const deadline = Date.now() + this.busyRetryMs;
		for (let wait = 10; ; wait = Math.min(200, wait * 2)) {
			await this.mutex.lock();
			try {
				const out = fn();
				if (!keepLock) this.mutex.unlock();
				return out;
			} catch (e) {
				this.mutex.unlock();
				if (!isDatabaseBusy(e) || Date.now() >= deadline) throw e;
			}
			await sleep(Math.max(1, Math.min(wait, deadline - Date.now())));
		}
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		return new Session(this);
	}

	async beginTransaction(connection: DatabaseConnection) {
		await this.withRetry(() => this.run(CompiledQuery.raw('begin immediate')), true);
		(connection as Session).inTransaction = true;
	}

	async commitTransaction(connection: DatabaseConnection) {
		try {
			this.run(CompiledQuery.raw('commit'));
		} catch (e) {
			if (this.db.inTransaction) this.run(CompiledQuery.raw('rollback'));
			throw e;
		} finally {
			(connection as Session).inTransaction = false;
			this.mutex.unlock();
		}
	}

	async rollbackTransaction(connection: DatabaseConnection) {
		try {
			if (this.db.inTransaction) this.run(CompiledQuery.raw('rollback'));
		} finally {
			(connection as Session).inTransaction = false;
			this.mutex.unlock();
		}
	}

	async releaseConnection() {}

	async destroy() {
		this.db.close();
	}
}

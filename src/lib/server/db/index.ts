import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import { NulSafePlugin } from './nul-safe';
import { ResilientSqliteDialect } from './sqlite-driver';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DB, Dialect } from './schema';
import { migrationsFor as allMigrations } from './migrations';
import { seedCategories } from './reference-data';
import { log } from '../observability/logger';

export type { Dialect };

export interface Database {
	db: Kysely<DB>;
	dialect: Dialect;
	/** PostgreSQL: the schema named in the config (tests), so migrations look for their tables only there. */
	schema?: string;
	destroy(): Promise<void>;
}

export interface DbConfig {
	/** `sqlite:<path>`, `sqlite::memory:` or `postgres://…` */
	url: string;
	/** PostgreSQL only: schema to use (tests give each file its own). */
	schema?: string;
	/** PostgreSQL only: pool size. */
	poolSize?: number;
	/**
	 * How long a write waits for a lock held by someone else before the request is answered 503 + Retry-After
	 * (SQLite: async retries; PostgreSQL: lock_timeout, and the wait for a pooled connection). Default 3000.
	 */
	lockTimeoutMs?: number;
	/** PostgreSQL only: statement_timeout, the longest any statement may run. Default 30000. */
	statementTimeoutMs?: number;
}

/** Tells which database a DATABASE_URL names, with a clear error for anything else. */
export function dialectOf(url: string): Dialect {
	if (url.startsWith('sqlite:')) return 'sqlite';
	if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
	throw new Error(`DATABASE_URL must start with "sqlite:" or "postgres://", got "${url.split(':')[0]}:…"`);
}

/** Opens the database named by the URL. Nothing else in the app constructs a Kysely instance. */
export async function createDb(config: DbConfig): Promise<Database> {
	const dialect = dialectOf(config.url);
	if (dialect === 'sqlite') {
		const { default: SQLite } = await import('better-sqlite3');
		const path = config.url.slice('sqlite:'.length) || ':memory:';
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		const sqlite = new SQLite(path);
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('synchronous = NORMAL');
		sqlite.pragma('foreign_keys = ON');
		// SQLite's own wait blocks the event loop: keep it tiny, the driver waits asynchronously (sqlite-driver.ts).
		sqlite.pragma('busy_timeout = 20');
		const db = new Kysely<DB>({ dialect: new ResilientSqliteDialect(sqlite, config.lockTimeoutMs ?? 3000) });
		return { db, dialect, destroy: () => db.destroy() };
	}
	const pg = await import('pg');
	const Pool = pg.default.Pool;
	// bigint columns (price) and count(*) come back as strings by default; rupiah fit safely in a JS number.
	pg.default.types.setTypeParser(20, (v: string) => Number(v));
	// A held row lock or a runaway statement must not stall requests (and the pool) indefinitely: give up
	// after lock_timeout / statement_timeout, and after the same wait for a free connection (→ 503).
	const lockTimeout = config.lockTimeoutMs ?? 3000;
	const settings = [`-c lock_timeout=${lockTimeout}`, `-c statement_timeout=${config.statementTimeoutMs ?? 30_000}`, ...(config.schema ? [`-c search_path=${config.schema}`] : [])];
	const pool = new Pool({
		connectionString: config.url,
		max: config.poolSize ?? 10,
		connectionTimeoutMillis: lockTimeout + 2000,
		options: settings.join(' ')
	});
	// A connection that PostgreSQL closes (a restart, a failover, a proxy's idle timeout) is reported as an 'error'
	// event on the pool (idle) or on the client (in use), and an unheard 'error' ends the Node process: every request
	// in flight lost with it. The query in flight fails on its own (→ 503), and the pool drops a broken connection
	// and opens a new one when asked (fault test, tests/e2e/fault-orders.test.ts).
	const closed = (e: Error) => log.warn({ err: e }, 'postgres: a pooled connection was closed');
	pool.on('error', closed);
	pool.on('connect', (client) => client.on('error', closed));
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new NulSafePlugin()] });
	return { db, dialect, schema: config.schema, destroy: () => db.destroy() };
}

function migrationsFor(dialect: Dialect): MigrationProvider {
	return {
		async getMigrations() {
			return allMigrations(dialect);
		}
	};
}

function migratorFor(database: Database): Migrator {
	// Kysely looks for its migration tables in every schema unless told which: with several test schemas in
	// one PostgreSQL database it would find another file's tables and never create its own.
	return new Migrator({ db: database.db, provider: migrationsFor(database.dialect), allowUnorderedMigrations: true, migrationTableSchema: database.schema });
}

/** Names of the migrations this code has that the database has not run yet (empty: the schema is current). */
export async function pendingMigrations(database: Database): Promise<string[]> {
	return (await migratorFor(database).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

/** Brings the schema up to date and makes sure reference data (categories) exists. Safe to run at every start. */
export async function migrate(database: Database): Promise<void> {
	const { error, results } = await migratorFor(database).migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error');
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
	}
	await seedCategories(database.db);
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Migrator } from 'kysely';
import { createDb, migrate, type Database } from '../../src/lib/server/db';
import { migrationsFor } from '../../src/lib/server/db/migrations';
import { createServices, type Services } from '../../src/lib/server/services';
import { FilesystemStorage } from '../../src/lib/server/media/storage';

/** The database the DB suite runs on: real SQLite by default, real PostgreSQL when TEST_DATABASE_URL says so. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'sqlite::memory:';
export const TEST_DIALECT = TEST_DATABASE_URL.startsWith('postgres') ? 'postgres' : 'sqlite';

export interface TestContext {
	database: Database;
	services: Services;
	dataDir: string;
	cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory SQLite database, or a schema of its own
 * on PostgreSQL (dropped afterwards), so files can run in parallel without seeing each other's rows.
 */
export async function createTestContext(options: { sqliteFile?: boolean; lockTimeoutMs?: number; clock?: () => Date; migrateTo?: string } = {}): Promise<TestContext> {
	const dataDir = await mkdtemp(join(tmpdir(), 'ecrav-test-'));
	let database: Database;
	let dropSchema: (() => Promise<void>) | null = null;
	if (TEST_DIALECT === 'postgres') {
		const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
		await admin.connect();
		await admin.query(`CREATE SCHEMA ${schema}`);
		await admin.end();
		database = await createDb({ url: TEST_DATABASE_URL, schema, poolSize: 20, lockTimeoutMs: options.lockTimeoutMs });
		dropSchema = async () => {
			const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
			await c.connect();
			await c.query(`DROP SCHEMA ${schema} CASCADE`);
			await c.end();
		};
	} else {
		database = await createDb({ url: options.sqliteFile ? `sqlite:${join(dataDir, 'test.sqlite')}` : 'sqlite::memory:', lockTimeoutMs: options.lockTimeoutMs });
	}
	if (options.migrateTo) await migrateOnlyTo(database, options.migrateTo);
	else await migrate(database);
	const services = createServices({ database, storage: new FilesystemStorage(join(dataDir, 'media')), clock: options.clock });
	return {
		database,
		services,
		dataDir,
		async cleanup() {
			await database.destroy();
			if (dropSchema) await dropSchema();
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}

/** Migration tests: the schema as it was after migration `name` (and every migration named before it). */
async function migrateOnlyTo(database: Database, name: string): Promise<void> {
	const provider = { getMigrations: async () => migrationsFor(database.dialect) };
	const { error } = await new Migrator({ db: database.db, provider, allowUnorderedMigrations: true, migrationTableSchema: database.schema }).migrateTo(name);
	if (error) throw error;
}

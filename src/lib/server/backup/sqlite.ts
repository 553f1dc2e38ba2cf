import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import SQLite from 'better-sqlite3';
import { BackupError, COUNTED_TABLES, NOT_DATA_TABLES, damaged, type CountedTable } from './manifest';
import { moveFile } from './archive';

/** What a snapshot or a restored file holds, read from that file itself. */
export interface DatabaseFacts {
	migrations: string[];
	counts: Record<CountedTable, number>;
}

export const sqlitePath = (url: string) => url.slice('sqlite:'.length);

function facts(db: SQLite.Database): DatabaseFacts {
	const migrations = (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
	const counts = Object.fromEntries(COUNTED_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n])) as Record<CountedTable, number>;
	return { migrations, counts };
}

function checkIntegrity(db: SQLite.Database, what: string): void {
	const result = db.pragma('quick_check', { simple: true });
	if (result !== 'ok') throw damaged(`${what}: SQLite quick_check says ${String(result)}`);
}

/**
 * SQLite's online backup API (better-sqlite3's db.backup()) from the live file into `dest`, while the server keeps
 * writing: after the first step everything left is copied in one step, inside one read transaction — in WAL mode
 * that blocks no writer, and a write from another connection between steps only restarts the copy. The copy is then
 * turned into a single self-contained file (journal_mode DELETE) and checked.
 */
export async function snapshotSqlite(url: string, dest: string): Promise<DatabaseFacts> {
	const path = sqlitePath(url);
	if (!path || path === ':memory:' || !existsSync(path)) throw new BackupError('backup_source_missing', 'backup.sourceMissing', { path: path || url });
	const source = new SQLite(path, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(dest, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
	} finally {
		source.close();
	}
	const copy = new SQLite(dest);
	try {
		copy.pragma('journal_mode = DELETE');
		checkIntegrity(copy, 'the snapshot');
		return facts(copy);
	} finally {
		copy.close();
	}
}

/** Reads the restored file before it is put in place: intact, and what it holds. */
export function readSqliteFacts(path: string): DatabaseFacts {
	const db = new SQLite(path, { fileMustExist: true });
	try {
		checkIntegrity(db, 'database.sqlite');
		return facts(db);
	} finally {
		db.close();
	}
}

/** Tables of the target that hold rows (none: the file is absent, empty, or only has schema and reference data). */
export function sqliteTablesWithRows(url: string): string[] {
	const path = sqlitePath(url);
	if (!existsSync(path)) return [];
	const db = new SQLite(path, { fileMustExist: true, readonly: true });
	try {
		const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string }[]).map((r) => r.name);
		return tables.filter((t) => !NOT_DATA_TABLES.has(t) && !t.startsWith('product_fts') && db.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() !== undefined);
	} finally {
		db.close();
	}
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/**
 * Puts the restored file in place of the target. An old file that held data (only with --force) is kept beside it
 * as <name>.before-restore-<time>; an empty one is removed. Its -wal/-shm go too: an old WAL replayed onto the
 * restored file would corrupt it.
 */
export async function putSqliteInPlace(staged: string, url: string, stamp: string, keepOld: boolean): Promise<string | null> {
	const path = sqlitePath(url);
	const incoming = `${path}.restore-${stamp}`;
	await moveFile(staged, incoming);
	let keptAt: string | null = null;
	for (const side of SIDE_FILES) {
		if (!existsSync(path + side)) continue;
		if (keepOld) {
			keptAt = `${path}.before-restore-${stamp}`;
			await rename(path + side, keptAt + side);
		} else await rm(path + side, { force: true });
	}
	await rename(incoming, path);
	return keptAt;
}

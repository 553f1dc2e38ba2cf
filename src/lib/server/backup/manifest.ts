import { DomainError } from '../errors';
import type { MessageKey, Params } from '../../i18n';
import type { Dialect } from '../db';

/** The archive's format: bump FORMAT_VERSION when what the archive holds changes in a way older code cannot read. */
export const FORMAT = 'ecrav-backup';
export const FORMAT_VERSION = 1;

/** Tables whose row counts the manifest carries and a restore checks. */
export const COUNTED_TABLES = ['community', 'app_user', 'shop', 'product', 'product_photo', 'checkout', 'shop_order', 'order_item'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

/**
 * Tables that hold no one's data: the schema's bookkeeping and reference data the server writes by itself on its first
 * start (categories, the official regions, its own secret). A target with rows only in these counts as empty.
 */
export const NOT_DATA_TABLES = new Set(['kysely_migration', 'kysely_migration_lock', 'category', 'region', 'app_secret']);

/** Entry names inside the archive: the manifest first, then the database, then media/<key> files. */
export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY: Record<Dialect, string> = { sqlite: 'database.sqlite', postgres: 'database.pgdump' };
export const MEDIA_ENTRY = 'media';

export interface BackupManifest {
	format: typeof FORMAT;
	formatVersion: number;
	createdAt: string;
	dialect: Dialect;
	/** Names of the migrations the database had run, in order; the last one is its level. */
	migrations: string[];
	database: { entry: string; bytes: number; sha256: string };
	/** inBucket: MEDIA_STORAGE=s3 — the media were in the bucket and are not in this archive. */
	media: { files: number; bytes: number; inBucket?: boolean };
	counts: Record<CountedTable, number>;
}

export class BackupError extends DomainError {
	constructor(code: string, messageKey: MessageKey, params: Params = {}, status: 409 | 422 | 503 = 422) {
		super(code, messageKey, status, params);
	}
}

export const damaged = (detail: string) => new BackupError('backup_damaged', 'backup.damaged', { detail });

/** The manifest as read from an archive, checked for shape; anything else is "not an E-Crav backup". */
export function parseManifest(value: unknown, file: string): BackupManifest {
	const m = value as Partial<BackupManifest> | null;
	const notArchive = (detail: string) => new BackupError('backup_not_archive', 'backup.notArchive', { file, detail });
	if (!m || typeof m !== 'object' || m.format !== FORMAT) throw notArchive('manifest.json does not name the format ecrav-backup');
	if (typeof m.formatVersion !== 'number') throw notArchive('no formatVersion');
	if (m.formatVersion > FORMAT_VERSION) throw new BackupError('backup_format_too_new', 'backup.formatTooNew', { version: m.formatVersion, supported: FORMAT_VERSION });
	if (m.dialect !== 'sqlite' && m.dialect !== 'postgres') throw notArchive('unknown dialect');
	if (!Array.isArray(m.migrations) || !m.migrations.every((n) => typeof n === 'string')) throw notArchive('no migration list');
	if (!m.database || m.database.entry !== DATABASE_ENTRY[m.dialect] || typeof m.database.sha256 !== 'string' || typeof m.database.bytes !== 'number') throw notArchive('no database entry');
	if (!m.media || typeof m.media.files !== 'number' || typeof m.media.bytes !== 'number') throw notArchive('no media summary');
	if (!m.counts || COUNTED_TABLES.some((t) => typeof m.counts![t] !== 'number')) throw notArchive('no row counts');
	return m as BackupManifest;
}

/** Refuses an archive for another kind of database, or one whose schema is newer than this code knows. */
export function checkRestorable(manifest: BackupManifest, target: Dialect, knownMigrations: string[]): void {
	if (manifest.dialect !== target) throw new BackupError('backup_dialect_mismatch', 'backup.dialectMismatch', { archive: label(manifest.dialect), target: label(target) });
	const known = new Set(knownMigrations);
	const unknown = manifest.migrations.filter((n) => !known.has(n));
	if (unknown.length) throw new BackupError('backup_too_new', 'backup.migrationsNewer', { names: unknown.join(', ') }, 409);
}

const label = (d: Dialect) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL');

/** Counts read after a restore must be the ones the manifest promised. */
export function compareCounts(manifest: BackupManifest, counts: Record<CountedTable, number>): void {
	const off = COUNTED_TABLES.filter((t) => counts[t] !== manifest.counts[t]).map((t) => `${t} ${counts[t]} ≠ ${manifest.counts[t]}`);
	if (off.length) throw damaged(`row counts differ from the manifest: ${off.join(', ')}`);
}

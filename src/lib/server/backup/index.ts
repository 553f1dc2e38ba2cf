import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createDb, dialectOf, migrate, pendingMigrations } from '../db';
import { migrationsFor } from '../db/migrations';
import { listMedia, readManifestEntry, removeDir, sha256File, snapshotMedia, unpackArchive, writeArchive } from './archive';
import { BackupError, DATABASE_ENTRY, FORMAT, FORMAT_VERSION, MANIFEST_ENTRY, MEDIA_ENTRY, checkRestorable, compareCounts, damaged, parseManifest, type BackupManifest } from './manifest';
import { postgresTarget, restorePostgres, snapshotPostgres } from './postgres';
import { putSqliteInPlace, readSqliteFacts, snapshotSqlite, sqliteTablesWithRows } from './sqlite';

export { BackupError, type BackupManifest } from './manifest';

/** Where the installation keeps its data: the same DATABASE_URL and DATA_DIR the server reads (media in DATA_DIR/media). */
export interface InstanceConfig {
	databaseUrl: string;
	dataDir: string;
	/** MEDIA_STORAGE=s3: the media live in the bucket, which the archive does not hold (back it up with its own tools). */
	mediaInBucket?: boolean;
}

export interface BackupResult {
	file: string;
	bytes: number;
	seconds: number;
	manifest: BackupManifest;
}

export interface RestoreResult {
	manifest: BackupManifest;
	seconds: number;
	/** Migrations this code ran on the restored database (an archive from an older E-Crav). */
	migrated: string[];
	/** --force: where the previous SQLite file and media folder were moved (PostgreSQL's old tables are dropped). */
	keptOld: string[];
}

const mediaDir = (config: InstanceConfig) => join(config.dataDir, MEDIA_ENTRY);
const stampNow = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
const staging = (dataDir: string, kind: string) => join(dataDir, `.${kind}-${stampNow()}-${randomBytes(4).toString('hex')}`);

/**
 * One archive with everything the installation holds: the database (SQLite online backup or pg_dump, a consistent
 * snapshot while the server keeps writing), then the media files as they were right after it, and a manifest. The
 * file appears only when complete (written beside it, then renamed), so an existing backup of that name is replaced
 * only by a whole one.
 */
export async function createBackup(config: InstanceConfig, file: string): Promise<BackupResult> {
	const started = performance.now();
	const dialect = dialectOf(config.databaseUrl);
	const target = resolve(file);
	const work = staging(config.dataDir, 'backup');
	const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
	try {
		await mkdir(work, { recursive: true });
		const dbFile = join(work, DATABASE_ENTRY[dialect]);
		const facts = dialect === 'sqlite' ? await snapshotSqlite(config.databaseUrl, dbFile) : await snapshotPostgres(config.databaseUrl, dbFile);
		const media = config.mediaInBucket ? { files: 0, bytes: 0, inBucket: true } : await snapshotMedia(mediaDir(config), join(work, MEDIA_ENTRY));
		await mkdir(join(work, MEDIA_ENTRY), { recursive: true });
		const manifest: BackupManifest = {
			format: FORMAT,
			formatVersion: FORMAT_VERSION,
			createdAt: new Date().toISOString(),
			dialect,
			migrations: facts.migrations,
			database: { entry: DATABASE_ENTRY[dialect], bytes: (await stat(dbFile)).size, sha256: await sha256File(dbFile) },
			media,
			counts: facts.counts
		};
		await writeFile(join(work, MANIFEST_ENTRY), JSON.stringify(manifest, null, 2));
		await mkdir(dirname(target), { recursive: true });
		await writeFile(partial, '', { mode: 0o600 }); // personal data: readable by the owner only
		await writeArchive(work, DATABASE_ENTRY[dialect], partial);
		await rename(partial, target);
		return { file: target, bytes: (await stat(target)).size, seconds: (performance.now() - started) / 1000, manifest };
	} finally {
		await removeDir(work);
		await removeDir(partial);
	}
}

/** What the target already holds, in words for the refusal ("tabel shop, product; 12 berkas media"). */
async function targetContents(config: InstanceConfig): Promise<{ what: string[]; hasTables: boolean }> {
	const what: string[] = [];
	let hasTables = false;
	if (dialectOf(config.databaseUrl) === 'sqlite') {
		const rows = sqliteTablesWithRows(config.databaseUrl);
		if (rows.length) what.push(`${config.databaseUrl} (${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''})`);
	} else {
		const { tables, withRows } = await postgresTarget(config.databaseUrl);
		hasTables = tables.length > 0;
		if (withRows.length) what.push(`PostgreSQL (${withRows.slice(0, 5).join(', ')}${withRows.length > 5 ? ', …' : ''})`);
	}
	const media = config.mediaInBucket ? [] : await listMedia(mediaDir(config));
	if (media.length) what.push(`${mediaDir(config)} (${media.length} files)`);
	return { what, hasTables };
}

/**
 * Restores an archive into this instance. Refuses (nothing changed) an archive that is not ours, for the other
 * database, or newer than this code; and a target that holds data or media unless `force`. Everything is unpacked
 * and checked (checksum, counts, integrity) before anything is replaced; the database is replaced in one step (a
 * rename, or one PostgreSQL transaction that checks its own counts), then the media folder (a rename). Finally the
 * code's own migrations bring an older archive's schema up to date. Stop the server before restoring.
 */
export async function restoreBackup(config: InstanceConfig, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
	const started = performance.now();
	const dialect = dialectOf(config.databaseUrl);
	const source = resolve(file);
	const manifest = await readBackupManifest(source);
	checkRestorable(manifest, dialect, Object.keys(migrationsFor(dialect)));
	if (config.mediaInBucket && manifest.media.files > 0) throw new BackupError('backup_media_in_bucket', 'backup.mediaInBucket', { files: manifest.media.files });
	const { what, hasTables } = await targetContents(config);
	if (what.length && !options.force) throw new BackupError('backup_target_not_empty', 'backup.targetNotEmpty', { what: what.join('; ') }, 409);

	await mkdir(config.dataDir, { recursive: true });
	const work = staging(config.dataDir, 'restore');
	const stamp = stampNow();
	const keptOld: string[] = [];
	try {
		await unpackArchive(source, work).catch((e: Error) => {
			throw damaged(e.message);
		});
		const dbFile = join(work, manifest.database.entry);
		if (!existsSync(dbFile)) throw damaged(`${manifest.database.entry} is missing`);
		if ((await sha256File(dbFile)) !== manifest.database.sha256) throw damaged(`${manifest.database.entry} does not match its checksum`);
		const media = await listMedia(join(work, MEDIA_ENTRY));
		let mediaBytes = 0;
		for (const key of media) mediaBytes += (await stat(join(work, MEDIA_ENTRY, key))).size;
		if (media.length !== manifest.media.files || mediaBytes !== manifest.media.bytes) throw damaged(`media: ${media.length} files / ${mediaBytes} bytes, the manifest says ${manifest.media.files} / ${manifest.media.bytes}`);

		if (dialect === 'sqlite') {
			const facts = readSqliteFacts(dbFile);
			if (facts.migrations.join() !== manifest.migrations.join()) throw damaged('the migration list differs from the manifest');
			compareCounts(manifest, facts.counts);
			const kept = await putSqliteInPlace(dbFile, config.databaseUrl, stamp, what.length > 0);
			if (kept) keptOld.push(kept);
		} else {
			await restorePostgres(config.databaseUrl, dbFile, manifest, hasTables);
		}

		const liveMedia = mediaDir(config);
		if (config.mediaInBucket) {
			/* the bucket keeps its own files; the archive held none */
		} else if (existsSync(liveMedia)) {
			if ((await listMedia(liveMedia)).length) {
				keptOld.push(`${liveMedia}.before-restore-${stamp}`);
				await rename(liveMedia, keptOld.at(-1)!);
			} else await removeDir(liveMedia);
		}
		if (!config.mediaInBucket) {
			await mkdir(join(work, MEDIA_ENTRY), { recursive: true });
			await rename(join(work, MEDIA_ENTRY), liveMedia);
		}
	} finally {
		await removeDir(work);
	}

	const database = await createDb({ url: config.databaseUrl, poolSize: 2 });
	try {
		const pending = await pendingMigrations(database);
		await migrate(database);
		return { manifest, seconds: (performance.now() - started) / 1000, migrated: pending, keptOld };
	} finally {
		await database.destroy();
	}
}

/** The manifest of an archive, checked for shape (for the CLI's and tests' reports). */
export async function readBackupManifest(file: string): Promise<BackupManifest> {
	const source = resolve(file);
	const raw = await readManifestEntry(source).catch((e: Error) => {
		throw new BackupError('backup_not_archive', 'backup.notArchive', { file: source, detail: e.message });
	});
	return parseManifest(raw, source);
}

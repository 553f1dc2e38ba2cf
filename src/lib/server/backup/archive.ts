import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { create, extract, Parser, type ReadEntry } from 'tar';
import { isSafeKey } from '../media/storage';
import { DATABASE_ENTRY, MANIFEST_ENTRY, MEDIA_ENTRY } from './manifest';

/**
 * The archive is a gzip'd tar (node-tar): manifest.json, then database.sqlite or database.pgdump, then media/<key>
 * for every media file. Photos are already compressed, so gzip runs at a low level: most of the gain is the database.
 */
const GZIP_LEVEL = 3;

/** Media files the app can have written: the same keys the storage accepts (no temporary or hidden files). */
const isMediaKey = (key: string) => isSafeKey(key);

/**
 * Puts every media file under `mediaDir` into `into` as a hard link (a copy across file systems): taken right after
 * the database snapshot, it is a cheap point-in-time copy — a photo deleted while the archive is being written stays
 * in it. A media folder that does not exist holds no files.
 */
export async function snapshotMedia(mediaDir: string, into: string): Promise<{ files: number; bytes: number }> {
	let files = 0;
	let bytes = 0;
	await mkdir(into, { recursive: true });
	for (const key of await listMedia(mediaDir)) {
		const from = join(mediaDir, key);
		const to = join(into, key);
		await mkdir(dirname(to), { recursive: true });
		try {
			await link(from, to);
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			if (code === 'ENOENT') continue; // deleted between listing and linking: not in the snapshot
			await copyFile(from, to);
		}
		files++;
		bytes += (await stat(to)).size;
	}
	return { files, bytes };
}

/** Keys (relative, slash-separated) of the media files under `dir`; none when it does not exist. */
export async function listMedia(dir: string): Promise<string[]> {
	const keys: string[] = [];
	const walk = async (sub: string) => {
		let names: string[];
		try {
			names = await readdir(join(dir, sub));
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
			throw e;
		}
		for (const name of names.sort()) {
			const key = sub ? `${sub}/${name}` : name;
			const s = await lstat(join(dir, key)).catch(() => null);
			if (s?.isDirectory()) await walk(key);
			else if (s?.isFile() && isMediaKey(key)) keys.push(key);
		}
	};
	await walk('');
	return keys;
}

export async function sha256File(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** Writes the archive from a staging folder holding manifest.json, the database file and media/, manifest first. */
export async function writeArchive(stagingDir: string, databaseEntry: string, file: string): Promise<void> {
	await create({ file, cwd: stagingDir, gzip: { level: GZIP_LEVEL }, portable: true }, [MANIFEST_ENTRY, databaseEntry, MEDIA_ENTRY]);
}

const DATABASE_ENTRIES = new Set(Object.values(DATABASE_ENTRY));

/** Only what a backup holds is unpacked: the manifest, one database file, media files with valid keys (no links). */
function allowedEntry(path: string, type: string): boolean {
	const p = path.replace(/\/$/, '');
	if (type === 'Directory') return p === MEDIA_ENTRY || (p.startsWith(`${MEDIA_ENTRY}/`) && !p.includes('..'));
	if (type !== 'File' && type !== 'OldFile' && type !== 'ContiguousFile') return false;
	if (p === MANIFEST_ENTRY || DATABASE_ENTRIES.has(p)) return true;
	return p.startsWith(`${MEDIA_ENTRY}/`) && isMediaKey(p.slice(MEDIA_ENTRY.length + 1));
}

/** Unpacks the archive into `dir` (which must be empty); a damaged gzip or tar stream throws. */
export async function unpackArchive(file: string, dir: string): Promise<void> {
	await mkdir(dir, { recursive: true });
	await extract({ file, cwd: dir, strict: true, preservePaths: false, filter: (path, entry) => allowedEntry(path, (entry as ReadEntry).type) });
}

/**
 * Reads manifest.json, which must be the archive's first entry, without unpacking the rest: a restore decides
 * whether it may go on before it writes anything.
 */
export function readManifestEntry(file: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const input = createReadStream(file);
		const parser = new Parser({ strict: true });
		let settled = false;
		const finish = (error: Error | null, value?: unknown) => {
			if (settled) return;
			settled = true;
			input.destroy();
			if (error) reject(error);
			else resolve(value);
		};
		parser.on('entry', (entry: ReadEntry) => {
			if (entry.path !== MANIFEST_ENTRY || entry.size > 1_000_000) {
				entry.resume();
				return finish(new Error(`the first entry is ${entry.path}, not ${MANIFEST_ENTRY}`));
			}
			const chunks: Buffer[] = [];
			entry.on('data', (c: Buffer) => chunks.push(c));
			entry.on('end', () => {
				try {
					finish(null, JSON.parse(Buffer.concat(chunks).toString('utf8')));
				} catch {
					finish(new Error(`${MANIFEST_ENTRY} is not JSON`));
				}
			});
		});
		parser.on('error', (e: Error) => finish(e));
		parser.on('end', () => finish(new Error(`no ${MANIFEST_ENTRY}`)));
		input.on('error', (e) => finish(e));
		input.pipe(parser);
	});
}

/** rename(), or copy + rename when `from` and `to` are on different file systems. */
export async function moveFile(from: string, to: string): Promise<void> {
	try {
		await rename(from, to);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
		const tmp = `${to}.partial`;
		await copyFile(from, tmp);
		await rename(tmp, to);
		await unlink(from);
	}
}

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

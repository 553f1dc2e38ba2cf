import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors';
import { log } from '../observability/logger';

/**
 * The media folder cannot be written (permissions, a full or read-only disk): the upload is refused with a
 * message that says so (503, nothing changed) instead of a generic error page; /readyz reports it too.
 */
export class StorageUnavailableError extends DomainError {
	/** `security.storageUnreadable` when a file could not be read (S3 unreachable while a photo is shown). */
	constructor(messageKey: 'security.storageUnwritable' | 'security.storageUnreadable' = 'security.storageUnwritable') {
		super('storage_unavailable', messageKey, 503);
	}
}

/**
 * Where media bytes live. The filesystem adapter is the default; S3Storage (s3-storage.ts, MEDIA_STORAGE=s3) keeps
 * them in an S3-compatible bucket (keys are relative, slash-separated, and never contain ".."). Either throws
 * StorageUnavailableError when the storage itself fails; a missing file is null / false.
 */
export interface MediaStorage {
	put(key: string, data: Buffer): Promise<void>;
	get(key: string): Promise<Buffer | null>;
	exists(key: string): Promise<boolean>;
	/** Deletes a file; a missing one is not an error (moving receipts out of the public prefix). */
	remove(key: string): Promise<void>;
	/** Throws StorageUnavailableError when nothing can be stored right now (for /readyz). */
	checkWritable(): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*\.(webp|jpg|png|pdf)$/;

export function isSafeKey(key: string): boolean {
	return SAFE_KEY.test(key) && !key.includes('..') && !key.includes('//');
}

export class FilesystemStorage implements MediaStorage {
	constructor(private readonly root: string) {}

	private path(key: string): string {
		if (!isSafeKey(key)) throw new Error(`unsafe media key: ${key}`);
		const p = normalize(join(this.root, key));
		if (!p.startsWith(normalize(this.root) + sep)) throw new Error(`unsafe media key: ${key}`);
		return p;
	}

	async put(key: string, data: Buffer): Promise<void> {
		const p = this.path(key);
		// Write then rename, so a reader never sees half a file.
		// A random name: two uploads of the same photo at the same moment must not share a temporary file.
		const tmp = `${p}.${randomUUID()}.tmp`;
		try {
			await mkdir(dirname(p), { recursive: true });
			await writeFile(tmp, data);
			await rename(tmp, p);
		} catch (e) {
			await rm(tmp, { force: true }).catch(() => {});
			log.error({ folder: this.root, code: (e as NodeJS.ErrnoException).code ?? String(e) }, 'media folder is not writable');
			throw new StorageUnavailableError();
		}
	}

	async checkWritable(): Promise<void> {
		const probe = join(this.root, `.ready-${randomUUID()}.tmp`);
		try {
			await mkdir(this.root, { recursive: true });
			await writeFile(probe, 'ok');
			await rm(probe, { force: true });
		} catch {
			throw new StorageUnavailableError();
		}
	}

	async get(key: string): Promise<Buffer | null> {
		if (!isSafeKey(key)) return null;
		try {
			return await readFile(this.path(key));
		} catch {
			return null;
		}
	}

	async remove(key: string): Promise<void> {
		if (!isSafeKey(key)) return;
		await rm(this.path(key), { force: true });
	}

	async exists(key: string): Promise<boolean> {
		if (!isSafeKey(key)) return false;
		try {
			return (await stat(this.path(key))).isFile();
		} catch {
			return false;
		}
	}
}

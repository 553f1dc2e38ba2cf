import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';

/**
 * Where media bytes live. The filesystem adapter is the default; an object-storage adapter only has to
 * implement these three methods (keys are relative, slash-separated, and never contain "..").
 */
export interface MediaStorage {
	put(key: string, data: Buffer): Promise<void>;
	get(key: string): Promise<Buffer | null>;
	exists(key: string): Promise<boolean>;
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
		await mkdir(dirname(p), { recursive: true });
		// Write then rename, so a reader never sees half a file.
		const tmp = `${p}.${process.pid}.${Date.now()}.tmp`;
		await writeFile(tmp, data);
		await rename(tmp, p);
	}

	async get(key: string): Promise<Buffer | null> {
		if (!isSafeKey(key)) return null;
		try {
			return await readFile(this.path(key));
		} catch {
			return null;
		}
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

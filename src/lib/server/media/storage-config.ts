import { join } from 'node:path';
import { FilesystemStorage, type MediaStorage } from './storage';
import { S3Storage, type S3StorageConfig } from './s3-storage';
import { isMediaBaseUrl } from './types';

export type MediaStorageConfig = { kind: 'filesystem'; root: string } | ({ kind: 's3' } & S3StorageConfig);

/**
 * Where media is kept, from the environment (README "Environment"): the filesystem under DATA_DIR/media by default,
 * or an S3-compatible bucket with MEDIA_STORAGE=s3 (S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE). A setting that cannot work stops the start with a sentence that says
 * which variable is wrong, rather than failing on the first upload.
 */
export function loadMediaStorageConfig(dataDir: string, env: Record<string, string | undefined> = process.env): MediaStorageConfig {
	const cdn = env.MEDIA_PUBLIC_BASE_URL?.trim();
	if (cdn && !isMediaBaseUrl(cdn)) throw new Error(`MEDIA_PUBLIC_BASE_URL must be a bare http(s) address such as https://cdn.example.id/media (no query or fragment), not "${cdn}"`);
	const kind = (env.MEDIA_STORAGE || 'filesystem').trim().toLowerCase();
	if (kind === 'filesystem' || kind === 'fs') return { kind: 'filesystem', root: join(dataDir, 'media') };
	if (kind !== 's3') throw new Error(`MEDIA_STORAGE must be "filesystem" (default) or "s3", not "${env.MEDIA_STORAGE}"`);
	const bucket = env.S3_BUCKET?.trim();
	if (!bucket) throw new Error('MEDIA_STORAGE=s3 needs S3_BUCKET (the bucket must exist and stay private)');
	const endpoint = env.S3_ENDPOINT?.trim() || undefined;
	if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw new Error(`S3_ENDPOINT must be an http(s) address, e.g. http://127.0.0.1:9000, not "${endpoint}"`);
	const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined;
	const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined;
	if (!!accessKeyId !== !!secretAccessKey) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (the SDK then uses AWS_* or an instance role)');
	const pathStyle = (env.S3_FORCE_PATH_STYLE ?? '').trim().toLowerCase();
	return {
		kind: 's3',
		bucket,
		endpoint,
		region: env.S3_REGION?.trim() || 'us-east-1',
		accessKeyId,
		secretAccessKey,
		// Self-hosted servers (an endpoint of our own) almost always need path-style addresses; AWS does not.
		forcePathStyle: pathStyle ? ['1', 'true', 'on', 'yes'].includes(pathStyle) : !!endpoint
	};
}

export function createMediaStorage(config: MediaStorageConfig): MediaStorage {
	if (config.kind === 's3') {
		const { bucket, endpoint, region, accessKeyId, secretAccessKey, forcePathStyle } = config;
		return new S3Storage({ bucket, endpoint, region, accessKeyId, secretAccessKey, forcePathStyle });
	}
	return new FilesystemStorage(config.root);
}

import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { isSafeKey, StorageUnavailableError, type MediaStorage } from './storage';
import { log } from '../observability/logger';

/** How E-Crav reaches an S3-compatible bucket (MEDIA_STORAGE=s3; README "Environment"). */
export interface S3StorageConfig {
	bucket: string;
	/** An S3-compatible server's address (MinIO, Garage, R2, Wasabi, IDCloudHost…); unset: AWS itself. */
	endpoint?: string;
	region: string;
	/** Unset: the SDK's usual chain (AWS_ACCESS_KEY_ID…, an instance role). */
	accessKeyId?: string;
	secretAccessKey?: string;
	/** `http://host/bucket/key` instead of `http://bucket.host/key` (most self-hosted servers need it). */
	forcePathStyle: boolean;
	/** Milliseconds to open a connection / wait for an answer before the request counts as failed (tests shorten them). */
	connectionTimeoutMs?: number;
	requestTimeoutMs?: number;
}

const CONTENT_TYPES: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/** The object /readyz writes (again and again, the same one): it matches no media key, so it is never served. */
export const READY_PROBE_KEY = '.ecrav-ready';

/**
 * Media in an S3-compatible bucket. Keys are the same content-hashed keys the filesystem adapter uses (`p/ab/…-large.webp`),
 * checked by the same rule before any request: a key with `..`, `//` or anything unusual is never sent (a proxy or
 * server that normalises paths could otherwise turn `p/../r/…` into a private receipt). The bucket stays private:
 * every read goes through E-Crav's own routes (`/media/p/…` for public photos, guarded routes for receipts and
 * evidence), so a private file never has a bucket URL anyone could guess or share.
 *
 * Failures (server unreachable, timeouts, refused credentials, 5xx) become StorageUnavailableError — 503 with a
 * message, nothing changed — never a 500; "no such key" is simply absent (null / false).
 */
export class S3Storage implements MediaStorage {
	private readonly client: S3Client;

	constructor(private readonly config: S3StorageConfig) {
		const options: S3ClientConfig = {
			region: config.region,
			endpoint: config.endpoint,
			forcePathStyle: config.forcePathStyle,
			// One retry, and short timeouts: a seller waiting on a slow phone link should hear "try again" in seconds,
			// not after the SDK's three attempts with back-off against a server that is down.
			maxAttempts: 2,
			requestHandler: { connectionTimeout: config.connectionTimeoutMs ?? 3000, requestTimeout: config.requestTimeoutMs ?? 20_000 },
			// Checksums only where S3 requires them: several S3-compatible servers do not understand the newer
			// default (CRC32 trailers), and every object is content-addressed by SHA-256 already.
			requestChecksumCalculation: 'WHEN_REQUIRED',
			responseChecksumValidation: 'WHEN_REQUIRED'
		};
		if (config.accessKeyId && config.secretAccessKey) options.credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey };
		this.client = new S3Client(options);
	}

	async put(key: string, data: Buffer): Promise<void> {
		if (!isSafeKey(key)) throw new Error(`unsafe media key: ${key}`);
		const ext = key.slice(key.lastIndexOf('.') + 1);
		await this.send('put', 'security.storageUnwritable', () =>
			this.client.send(
				new PutObjectCommand({
					Bucket: this.config.bucket,
					Key: key,
					Body: data,
					ContentLength: data.length,
					ContentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
					// Public photos are content-addressed (the hash is in the key): they never change. Anything else is private.
					CacheControl: key.startsWith('p/') ? 'public, max-age=31536000, immutable' : 'private, no-store'
				})
			)
		);
	}

	async get(key: string): Promise<Buffer | null> {
		if (!isSafeKey(key)) return null;
		return this.send('get', 'security.storageUnreadable', async () => {
			try {
				const res = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
				if (!res.Body) return null;
				const bytes = await res.Body.transformToByteArray();
				return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
			} catch (e) {
				if (isNotFound(e)) return null;
				throw e;
			}
		});
	}

	async exists(key: string): Promise<boolean> {
		if (!isSafeKey(key)) return false;
		return this.send('exists', 'security.storageUnwritable', async () => {
			try {
				await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
				return true;
			} catch (e) {
				if (isNotFound(e)) return false;
				throw e;
			}
		});
	}

	async remove(key: string): Promise<void> {
		if (!isSafeKey(key)) return;
		// S3 answers 204 for a key that is not there: a missing file is not an error, as with the filesystem.
		await this.send('remove', 'security.storageUnwritable', () => this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key })));
	}

	/** Writes the one probe object (the same key each time, so nothing piles up): reachable, bucket there, allowed to write. */
	async checkWritable(): Promise<void> {
		await this.send('checkWritable', 'security.storageUnwritable', () =>
			this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: READY_PROBE_KEY, Body: 'ok', ContentType: 'text/plain', CacheControl: 'private, no-store' }))
		);
	}

	/** Closes the client's sockets (tests; a server process simply exits). */
	destroy(): void {
		this.client.destroy();
	}

	private async send<T>(op: string, messageKey: 'security.storageUnwritable' | 'security.storageUnreadable', run: () => Promise<T>): Promise<T> {
		try {
			return await run();
		} catch (e) {
			// Names only: never the credentials, never a signed URL.
			const err = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
			log.error({ op, bucket: this.config.bucket, endpoint: this.config.endpoint ?? 'aws', error: err?.name ?? String(e), code: err?.code, status: err?.$metadata?.httpStatusCode }, 'media storage (S3) failed');
			throw new StorageUnavailableError(messageKey);
		}
	}
}

function isNotFound(e: unknown): boolean {
	const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
	// A missing bucket is a broken installation (503), not a missing photo.
	if (err?.name === 'NoSuchBucket') return false;
	return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
}

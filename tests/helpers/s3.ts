import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import S3rver from 's3rver';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { S3StorageConfig } from '../../src/lib/server/media/s3-storage';

/**
 * A real S3-compatible server for one test file: s3rver (npm, MIT; a Koa server that stores objects on disk, speaks
 * the S3 REST API the SDK uses and refuses unknown access key ids — it does not verify V4 signatures), started on a free port of 127.0.0.1 in a temporary folder, with a bucket of a random
 * name. Nothing is shared between files or between the SQLite and PostgreSQL runs: no fixed port, no fixed bucket.
 */
export interface S3TestServer {
	endpoint: string;
	bucket: string;
	/** The settings S3Storage needs to use this server (s3rver's own account: S3RVER / S3RVER). */
	config: S3StorageConfig;
	/** A plain client, to look into the bucket without going through the code under test. */
	client: S3Client;
	keys(prefix?: string): Promise<string[]>;
	stop(): Promise<void>;
}

export async function startS3Server(): Promise<S3TestServer> {
	const directory = await mkdtemp(join(tmpdir(), 'ecrav-s3-'));
	const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
	const { port } = await server.run();
	const endpoint = `http://127.0.0.1:${port}`;
	const bucket = `ecrav-test-${randomBytes(6).toString('hex')}`;
	const config: S3StorageConfig = { bucket, endpoint, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
	const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
	await client.send(new CreateBucketCommand({ Bucket: bucket }));
	return {
		endpoint,
		bucket,
		config,
		client,
		async keys(prefix = '') {
			const out: string[] = [];
			let token: string | undefined;
			do {
				const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
				for (const o of page.Contents ?? []) if (o.Key) out.push(o.Key);
				token = page.NextContinuationToken;
			} while (token);
			return out.sort();
		},
		async stop() {
			client.destroy();
			await server.close();
			await rm(directory, { recursive: true, force: true });
		}
	};
}

/** A port on 127.0.0.1 that nothing listens on (taken from the system, then released): connections are refused. */
export async function closedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as { port: number };
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

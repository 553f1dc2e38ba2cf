import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * A signing key the server makes once and keeps in the database (`app_secret`, row `name`), so every app process
 * and every restart agrees on it. Two processes at once: the first insert wins and both read the same key.
 */
export class AppKey {
	private cached: Buffer | null = null;

	constructor(
		private readonly db: Kysely<DB>,
		private readonly name: string,
		private readonly clock: () => Date = () => new Date()
	) {}

	private async key(): Promise<Buffer> {
		if (this.cached) return this.cached;
		const read = () => this.db.selectFrom('app_secret').select('value').where('name', '=', this.name).executeTakeFirst();
		let row = await read();
		if (!row) {
			await this.db.insertInto('app_secret').values({ name: this.name, value: randomBytes(32).toString('base64url'), created_at: this.clock().toISOString() }).onConflict((oc) => oc.column('name').doNothing()).execute();
			row = await read();
		}
		this.cached = Buffer.from(row!.value, 'base64url');
		return this.cached;
	}

	/** `body.mac`: the body (URL-safe text) and its HMAC-SHA256 under this key. */
	async sign(body: string): Promise<string> {
		return `${body}.${createHmac('sha256', await this.key()).update(body).digest('base64url')}`;
	}

	/** The body of a token this key signed, or null (wrong shape, changed by someone, signed by another key). */
	async open(token: string): Promise<string | null> {
		const dot = token.lastIndexOf('.');
		if (dot <= 0) return null;
		const body = token.slice(0, dot);
		const want = Buffer.from(createHmac('sha256', await this.key()).update(body).digest('base64url'));
		const got = Buffer.from(token.slice(dot + 1));
		return want.length === got.length && timingSafeEqual(want, got) ? body : null;
	}
}

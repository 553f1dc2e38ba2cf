import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** How long a browser stays "known" for an account after its last successful sign-in. */
export const KNOWN_DEVICE_DAYS = 180;
const SECRET_NAME = 'login-device';

/**
 * A browser where an account signed in successfully before ("device cookie", OWASP's answer to account
 * lock-out): `<userId>.<issuedAtMs>.<HMAC>` signed with a key the server makes once and keeps in the database
 * (`app_secret`, so every process agrees). It proves only that this browser once knew the password; it is no
 * credential. The per-account login limit (20 failures per 15 minutes from all addresses together) skips a
 * browser that shows a valid proof for that very account, so a distributed guesser cannot keep the owner out
 * of their own phone; the per-(account, address) and per-address limits still apply to it.
 */
export class KnownDevices {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** A fresh proof for this account (after a successful sign-in in a browser). */
	async issue(userId: string): Promise<{ token: string; expiresAt: string }> {
		const issued = this.clock().getTime();
		const body = `${userId}.${issued}`;
		return { token: `${body}.${mac(await this.key(true), body)}`, expiresAt: new Date(issued + KNOWN_DEVICE_DAYS * 86_400_000).toISOString() };
	}

	/** Whether `token` is a valid, unexpired proof for exactly this account. Never writes (refused tries change nothing). */
	async isKnown(token: string | undefined, userId: string): Promise<boolean> {
		if (!token || token.length > 200) return false;
		const parts = token.split('.');
		if (parts.length !== 3 || parts[0] !== userId || !/^\d{1,15}$/.test(parts[1])) return false;
		const age = this.clock().getTime() - Number(parts[1]);
		if (age < 0 || age > KNOWN_DEVICE_DAYS * 86_400_000) return false;
		const key = await this.key(false);
		if (!key) return false;
		const want = Buffer.from(mac(key, `${parts[0]}.${parts[1]}`));
		const got = Buffer.from(parts[2]);
		return want.length === got.length && timingSafeEqual(want, got);
	}

	private async key(create: true): Promise<Buffer>;
	private async key(create: false): Promise<Buffer | null>;
	private async key(create: boolean): Promise<Buffer | null> {
		const read = () => this.db.selectFrom('app_secret').select('value').where('name', '=', SECRET_NAME).executeTakeFirst();
		let row = await read();
		if (!row && create) {
			// Two processes at once: the first insert wins, both then read the same key.
			await this.db.insertInto('app_secret').values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url'), created_at: this.clock().toISOString() }).onConflict((oc) => oc.column('name').doNothing()).execute();
			row = await read();
		}
		return row ? Buffer.from(row.value, 'base64url') : null;
	}
}

function mac(key: Buffer, body: string): string {
	return createHmac('sha256', key).update(body).digest('base64url');
}

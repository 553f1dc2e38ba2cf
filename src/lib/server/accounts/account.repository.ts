import type { Insertable, Kysely } from 'kysely';
import type { DB, Role, User } from '../db/schema';
import type { PasswordResetTable } from '../db/schema-security';
import type { Membership } from '../auth/actor';

/** Users, memberships, sessions and setup links: SQL only, no decisions (login throttling: security/rate-limit). */
export class AccountRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async insertUser(values: { id: string; name: string; email: string | null; whatsapp: string | null; password_hash: string | null; is_platform_admin?: number; created_at: string }) {
		await this.db
			.insertInto('app_user')
			.values({ ...values, is_platform_admin: values.is_platform_admin ?? 0, updated_at: values.created_at })
			.execute();
	}

	findUserById(id: string): Promise<User | undefined> {
		return this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
	}

	findUserByLogin(login: { email?: string; whatsapp?: string }): Promise<User | undefined> {
		let q = this.db.selectFrom('app_user').selectAll();
		if (login.email) q = q.where('email', '=', login.email);
		else if (login.whatsapp) q = q.where('whatsapp', '=', login.whatsapp);
		else return Promise.resolve(undefined);
		return q.executeTakeFirst();
	}

	async addMembership(values: { id: string; user_id: string; community_id: string; role: Role; created_at: string }) {
		await this.db
			.insertInto('membership')
			.values(values)
			.onConflict((oc) => oc.columns(['user_id', 'community_id', 'role']).doNothing())
			.execute();
	}

	async memberships(userId: string): Promise<Membership[]> {
		const rows = await this.db.selectFrom('membership').select(['community_id', 'role']).where('user_id', '=', userId).execute();
		return rows.map((r) => ({ communityId: r.community_id, role: r.role }));
	}

	async ownedShopIds(userId: string): Promise<string[]> {
		const rows = await this.db.selectFrom('shop').select('id').where('owner_user_id', '=', userId).execute();
		return rows.map((r) => r.id);
	}

	async insertSession(values: { token_hash: string; user_id: string; kind: 'cookie' | 'api'; created_at: string; expires_at: string }) {
		await this.db
			.insertInto('session')
			.values({ ...values, last_seen_at: values.created_at })
			.execute();
	}

	findSession(tokenHash: string) {
		return this.db.selectFrom('session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
	}

	async touchSession(tokenHash: string, lastSeen: string, expiresAt: string) {
		await this.db.updateTable('session').set({ last_seen_at: lastSeen, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
	}

	async deleteSession(tokenHash: string) {
		await this.db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
	}

	async deleteSessionsOfUser(userId: string) {
		await this.db.deleteFrom('session').where('user_id', '=', userId).execute();
	}

	async insertSetupLink(values: { token_hash: string; user_id: string; purpose: 'invite' | 'reset'; created_by: string | null; created_at: string; expires_at: string }) {
		await this.db.insertInto('setup_link').values(values).execute();
	}

	findSetupLink(tokenHash: string) {
		return this.db.selectFrom('setup_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
	}

	/** Whether another link for this person was issued at exactly `at` (issuing retires the older links with that time). */
	async otherLinkIssuedAt(userId: string, tokenHash: string, at: string): Promise<boolean> {
		return !!(await this.db.selectFrom('setup_link').select('token_hash').where('user_id', '=', userId).where('token_hash', '!=', tokenHash).where('created_at', '=', at).executeTakeFirst());
	}

	/**
	 * Uses a setup link up and sets the password in one transaction, recording a reset by someone else when
	 * there is one, and ends every session and API token of the person. False (nothing changed) when the link
	 * was used or replaced meanwhile, so a link works exactly once.
	 */
	async setPasswordWithLink(tokenHash: string, userId: string, hash: string, at: string, reset: Insertable<PasswordResetTable> | null): Promise<boolean> {
		return this.db.transaction().execute(async (trx) => {
			const r = await trx.updateTable('setup_link').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
			if (Number(r.numUpdatedRows) !== 1) return false;
			await trx.updateTable('app_user').set({ password_hash: hash, updated_at: at }).where('id', '=', userId).execute();
			if (reset) await trx.insertInto('password_reset').values(reset).execute();
			await trx.deleteFrom('session').where('user_id', '=', userId).execute();
			return true;
		});
	}

	/** Resets of a person's password by someone else used since `since`, newest first. */
	listPasswordResets(userId: string, since: string) {
		return this.db.selectFrom('password_reset').selectAll().where('user_id', '=', userId).where('used_at', '>=', since).orderBy('used_at', 'desc').orderBy('id', 'desc').limit(10).execute();
	}

	/** A new link replaces the old ones: earlier unused links of the person stop working. */
	/** Setup links of these accounts that still work (not used, not replaced, not expired): user id → latest expiry. */
	async openSetupLinks(userIds: string[], now: string): Promise<Map<string, string>> {
		if (userIds.length === 0) return new Map();
		const rows = await this.db.selectFrom('setup_link').select(['user_id', 'expires_at']).where('user_id', 'in', userIds).where('used_at', 'is', null).where('expires_at', '>', now).execute();
		const out = new Map<string, string>();
		for (const r of rows) if (!out.has(r.user_id) || r.expires_at > out.get(r.user_id)!) out.set(r.user_id, r.expires_at);
		return out;
	}

	async retireSetupLinks(userId: string, at: string) {
		await this.db.updateTable('setup_link').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
	}

	/** Sellers of a community with their shop there and how many products it shows. */
	sellerRoster(communityId: string) {
		return this.db
			.selectFrom('membership as m')
			.innerJoin('app_user as u', 'u.id', 'm.user_id')
			.leftJoin('shop as s', (j) => j.onRef('s.owner_user_id', '=', 'u.id').onRef('s.community_id', '=', 'm.community_id'))
			.select(['u.id as user_id', 'u.name', 'u.whatsapp', 'u.email', 'u.password_hash', 's.id as shop_id', 's.slug as shop_slug', 's.name as shop_name', 's.onboarding_step'])
			.select((eb) =>
				eb.selectFrom('product as p').select(eb.fn.countAll().as('n')).whereRef('p.shop_id', '=', 's.id').where('p.status', '=', 'published').as('published')
			)
			.where('m.community_id', '=', communityId)
			.where('m.role', '=', 'seller')
			.orderBy('u.name')
			.execute();
	}
}

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

	/**
	 * The account that owns this login: only an account WITH A PASSWORD owns its e-mail or number (0017-security-5);
	 * password-less invitations may share one, so they are never who a login names.
	 */
	findLoginOwner(login: { email?: string; whatsapp?: string }): Promise<User | undefined> {
		let q = this.db.selectFrom('app_user').selectAll().where('password_hash', 'is not', null);
		if (login.email) q = q.where('email', '=', login.email);
		else if (login.whatsapp) q = q.where('whatsapp', '=', login.whatsapp);
		else return Promise.resolve(undefined);
		return q.executeTakeFirst();
	}

	/** Every account with this e-mail or number, with a password or not (ids only). */
	async accountsWithLogin(login: { email?: string; whatsapp?: string }): Promise<string[]> {
		let q = this.db.selectFrom('app_user').select('id');
		if (login.email) q = q.where('email', '=', login.email);
		else if (login.whatsapp) q = q.where('whatsapp', '=', login.whatsapp);
		else return [];
		return (await q.execute()).map((r) => r.id);
	}

	/**
	 * The account that holds this login: the one with a password, else the oldest without one (the one that may still
	 * claim it, loginClaimedByOther's rule), else none.
	 */
	async accountHoldingLogin(login: { email?: string; whatsapp?: string }): Promise<User | undefined> {
		let q = this.db.selectFrom('app_user').selectAll();
		if (login.email) q = q.where('email', '=', login.email);
		else if (login.whatsapp) q = q.where('whatsapp', '=', login.whatsapp);
		else return undefined;
		const rows = await q.orderBy('created_at').orderBy('id').execute();
		return rows.find((r) => r.password_hash) ?? rows[0];
	}

	/** Communities (ids) of the shops that take orders on this WhatsApp number. */
	async communitiesOfShopNumber(whatsapp: string): Promise<string[]> {
		const rows = await this.db.selectFrom('shop').select('community_id').distinct().where('whatsapp', '=', whatsapp).execute();
		return rows.map((r) => r.community_id);
	}

	/** Of these numbers, those held outside the community: an account that is not a member here, or another community's shop. */
	async numbersHeldElsewhere(communityId: string, numbers: string[]): Promise<Set<string>> {
		const held = new Set<string>();
		for (let i = 0; i < numbers.length; i += 500) {
			const chunk = numbers.slice(i, i + 500);
			const [users, shops] = await Promise.all([
				this.db.selectFrom('app_user as u').select('u.whatsapp').where('u.whatsapp', 'in', chunk)
					.where((eb) => eb.not(eb.exists(eb.selectFrom('membership as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.community_id', '=', communityId))))
					.execute(),
				this.db.selectFrom('shop').select('whatsapp').where('whatsapp', 'in', chunk).where('community_id', '!=', communityId).execute()
			]);
			for (const r of [...users, ...shops]) if (r.whatsapp) held.add(r.whatsapp);
		}
		return held;
	}

	/** Whether one of these ids is a member (any role) of the community or owns a shop there. */
	async anyMemberOf(userIds: string[], communityId: string): Promise<boolean> {
		if (userIds.length === 0) return false;
		const member = await this.db.selectFrom('membership').select('id').where('user_id', 'in', userIds).where('community_id', '=', communityId).executeTakeFirst();
		const owner = member ? undefined : await this.db.selectFrom('shop').select('id').where('owner_user_id', 'in', userIds).where('community_id', '=', communityId).executeTakeFirst();
		return !!(member ?? owner);
	}

	/**
	 * Whether another account keeps this person's e-mail or number: one with a password, or an OLDER one (first come
	 * keeps — also for accounts made before the add-member rule refused shared logins).
	 */
	async loginClaimedByOther(user: Pick<User, 'id' | 'email' | 'whatsapp' | 'created_at'>, db: Kysely<DB> = this.db): Promise<boolean> {
		const logins = [user.email ? (['email', user.email] as const) : null, user.whatsapp ? (['whatsapp', user.whatsapp] as const) : null].filter((l) => l !== null);
		if (logins.length === 0) return false;
		const row = await db
			.selectFrom('app_user')
			.select('id')
			.where('id', '!=', user.id)
			.where((eb) =>
				eb.and([
					eb.or(logins.map(([column, value]) => eb(column, '=', value))),
					eb.or([eb('password_hash', 'is not', null), eb('created_at', '<', user.created_at), eb.and([eb('created_at', '=', user.created_at), eb('id', '<', user.id)])])
				])
			)
			.executeTakeFirst();
		return !!row;
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
	 * there is one, and ends every session and API token of the person. 'used' (nothing changed) when the link
	 * was used or replaced meanwhile, so a link works exactly once; 'claimed' (nothing changed) when another
	 * account with a password owns the person's e-mail or number — checked here, and by the partial unique
	 * indexes when two set a password at the same moment.
	 */
	/** `firstOnly`: only while the account has no password ('hasPassword' otherwise, nothing written): a check-in's first password. */
	async setPasswordWithLink(tokenHash: string, userId: string, hash: string, at: string, reset: Insertable<PasswordResetTable> | null, firstOnly = false): Promise<'ok' | 'used' | 'claimed' | 'hasPassword'> {
		try {
			return await this.db.transaction().execute(async (trx) => {
				const r = await trx.updateTable('setup_link').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
				if (Number(r.numUpdatedRows) !== 1) return 'used';
				const user = await trx.selectFrom('app_user').select(['id', 'email', 'whatsapp', 'created_at']).where('id', '=', userId).executeTakeFirstOrThrow();
				if (await this.loginClaimedByOther(user, trx)) throw new LoginClaimed();
				let q = trx.updateTable('app_user').set({ password_hash: hash, updated_at: at }).where('id', '=', userId);
				if (firstOnly) q = q.where('password_hash', 'is', null);
				if (Number((await q.executeTakeFirst()).numUpdatedRows) !== 1) throw new PasswordAlreadySet();
				if (reset) await trx.insertInto('password_reset').values(reset).execute();
				await trx.deleteFrom('session').where('user_id', '=', userId).execute();
				return 'ok';
			});
		} catch (e) {
			if (e instanceof LoginClaimed || isUniqueViolation(e)) return 'claimed';
			if (e instanceof PasswordAlreadySet) return 'hasPassword';
			throw e;
		}
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

/** Rolls the password transaction back when the login turned out to be owned by another account. */
class LoginClaimed extends Error {}
/** Rolls back a first password when another one was set a moment before (a card and a claim of the same member racing). */
class PasswordAlreadySet extends Error {}

/** A unique index refused the write (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(e: unknown): boolean {
	const code = (e as { code?: unknown })?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

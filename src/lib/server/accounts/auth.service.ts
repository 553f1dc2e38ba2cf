import { hash, verify } from '@node-rs/argon2';
import type { Actor, UserActor } from '../auth/actor';
import { hasCommunityRole, requireSystem, requireUser } from '../auth/guards';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import { normalizeWhatsapp } from '../../utils/phone';
import { loginSchema, newUserSchema, setPasswordSchema, type NewUserInput } from '../../validation/account';
import { parseInput } from '../validate';
import type { AccountRepository } from './account.repository';
import { hashToken, newToken } from './tokens';
import type { RateLimiter, RateRule } from '../security/rate-limit';
import { isWeakPassword } from '../security/password-strength';
import type { KnownDevices } from './known-device';

const DAY = 86_400_000;
export const SESSION_DAYS = 30;
export const API_TOKEN_DAYS = 90;
export const SETUP_LINK_DAYS = 14;
/**
 * Login tries per 15 minutes: 5 per (account, address), 30 per address (all accounts), 20 per account from
 * all addresses together. The pair limit stops one address long before the account limit, so a flood from
 * one address cannot keep the owner out from another. Each window ends 15 minutes after its first try.
 */
/**
 * Login tries per 15 minutes. The per-address limit is 100, not 30: at a training 60 new sellers sign in behind one
 * hotspot (one address) and a few typos each reached 30, so nobody in the hall could sign in (stop-20 attacker).
 * A browser that signed in to the account before (known-device proof) is not counted per address nor per account.
 */
export const THROTTLE = { windowMs: 15 * 60_000, perPair: 5, perAccount: 20, perAddress: 100 };
const LOGIN_RULES = {
	pair: { name: 'login-pair', limit: THROTTLE.perPair, windowMs: THROTTLE.windowMs },
	address: { name: 'login-addr', limit: THROTTLE.perAddress, windowMs: THROTTLE.windowMs },
	account: { name: 'login-acct', limit: THROTTLE.perAccount, windowMs: THROTTLE.windowMs }
} satisfies Record<string, RateRule>;

const ARGON2 = { algorithm: 2 as const /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
// Verified against when the login is unknown, so a wrong e-mail takes as long as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$2wpVkSBY33W5K9vIVBzKyw$/E8d4EK6fKxZTmqA9TIhPKRdmVrpdFsl0iPvICZx4mI';

export interface LoginResult {
	token: string;
	expiresAt: string;
	user: { id: string; name: string; roles: string[] };
	/** Browser sign-ins: a proof that this browser knows the account (see KnownDevices), for a long-lived cookie. */
	knownDevice?: { token: string; expiresAt: string };
}

/** "jj@cigadung.test" or "0812…" → the column to look it up by. */
export function parseLogin(login: string): { email?: string; whatsapp?: string } {
	const trimmed = login.trim();
	if (trimmed.includes('@')) return { email: trimmed.toLowerCase() };
	const wa = normalizeWhatsapp(trimmed);
	return wa ? { whatsapp: wa } : {};
}

export class AuthService {
	constructor(
		private readonly accounts: AccountRepository,
		private readonly limiter: RateLimiter,
		private readonly clock: () => Date = () => new Date(),
		private readonly devices?: KnownDevices
	) {}

	private now() {
		return this.clock();
	}

	/** Creates a person (CLI, demo, coordinators adding members). Without a password they set one via a link. */
	async createUser(actor: Actor, input: NewUserInput): Promise<string> {
		requireSystem(actor);
		return this.insertUser(input);
	}

	/** Shared by createUser (the operator) and staff invitations (`invitation`: MemberService, RosterService, which check their own rules first). */
	async insertUser(input: NewUserInput, { invitation = false }: { invitation?: boolean } = {}): Promise<string> {
		const data = parseInput(newUserSchema, input);
		if (!data.email && !data.whatsapp) throw new ValidationError('auth.loginRequired');
		if (data.password) refuseWeakPassword(data.password, [data.name, data.email, data.whatsapp]);
		// Only an account with a password owns a login (0017-security-5). Staff invitations check theirs first
		// (login-claims.ts: first come keeps); the operator (CLI, demo) and any account made with a password are told here.
		const strict = !invitation || !!data.password;
		if (strict && data.email && (await this.accounts.findLoginOwner({ email: data.email })))
			throw new ValidationError('auth.emailTaken', {}, [{ field: 'email', messageKey: 'auth.emailTaken', params: {} }]);
		if (strict && data.whatsapp && (await this.accounts.findLoginOwner({ whatsapp: data.whatsapp })))
			throw new ValidationError('auth.whatsappTaken', {}, [{ field: 'whatsapp', messageKey: 'auth.whatsappTaken', params: {} }]);
		const id = newId('usr');
		await this.accounts.insertUser({
			id,
			name: data.name,
			email: data.email ?? null,
			whatsapp: data.whatsapp ?? null,
			password_hash: data.password ? await hash(data.password, ARGON2) : null,
			is_platform_admin: data.platformAdmin ? 1 : 0,
			created_at: this.now().toISOString()
		});
		return id;
	}

	/**
	 * Checks a login and opens a session (browser cookie) or an API token. Invariant: every try is counted
	 * (atomically, in the database) BEFORE the password is evaluated, per (account, address), per address
	 * and per account — so N parallel tries evaluate at most the limit, never more. The account is the
	 * person, whichever login (e-mail or WhatsApp) names it. A right password gives its tries back.
	 * A browser that shows a valid KnownDevices proof for this account (it signed in here before) is not
	 * counted against the per-account limit, so failures spread over many addresses cannot lock the owner out
	 * of their own phone; it is still counted per (account, address) and per address.
	 */
	async login(input: unknown, meta: { address: string; kind: 'cookie' | 'api'; knownDevice?: string }): Promise<LoginResult> {
		const data = parseInput(loginSchema, input);
		const login = parseLogin(data.login);
		// Only accounts with a password are looked at: an invitation sharing the number is never who logs in.
		const user = await this.accounts.findLoginOwner(login);
		const account = user ? `usr:${user.id}` : `login:${login.email ?? login.whatsapp ?? data.login.trim().toLowerCase()}`;
		const address = meta.address || 'unknown';
		const pair = `${account}|${address}`;
		await this.limiter.consume(LOGIN_RULES.pair, pair, 'auth.throttled', 'too_many_attempts');
		const knownDevice = !!user && !!this.devices && (await this.devices.isKnown(meta.knownDevice, user.id));
		if (!knownDevice) await this.limiter.consume(LOGIN_RULES.address, address, 'auth.throttled', 'too_many_attempts');
		if (!knownDevice) await this.limiter.consume(LOGIN_RULES.account, account, 'auth.throttled', 'too_many_attempts');
		const ok = await verify(user?.password_hash ?? DUMMY_HASH, data.password).catch(() => false);
		if (!user || !user.password_hash || !ok) throw new DomainError('invalid_credentials', 'auth.invalid', 401);
		await Promise.all([
			this.limiter.reset(LOGIN_RULES.pair, pair),
			knownDevice ? Promise.resolve() : this.limiter.refund(LOGIN_RULES.address, address),
			knownDevice ? Promise.resolve() : this.limiter.refund(LOGIN_RULES.account, account)
		]);
		return this.openSession(user.id, meta.kind);
	}

	/**
	 * A browser session (cookie) also carries a known-browser proof (KnownDevices), whether it began with the sign-in
	 * form or with a password set through a link: a seller who made her password at the training through the
	 * facilitator's link would otherwise stay an unknown browser, and anyone's 20 wrong guesses locked her out.
	 */
	private async openSession(userId: string, kind: 'cookie' | 'api'): Promise<LoginResult> {
		const session = await this.openSessionOnly(userId, kind);
		return kind === 'cookie' && this.devices ? { ...session, knownDevice: await this.devices.issue(userId) } : session;
	}

	private async openSessionOnly(userId: string, kind: 'cookie' | 'api'): Promise<LoginResult> {
		const token = newToken();
		const now = this.now();
		const expiresAt = new Date(now.getTime() + (kind === 'cookie' ? SESSION_DAYS : API_TOKEN_DAYS) * DAY).toISOString();
		await this.accounts.insertSession({ token_hash: hashToken(token), user_id: userId, kind, created_at: now.toISOString(), expires_at: expiresAt });
		const actor = await this.loadActor(userId);
		return { token, expiresAt, user: { id: userId, name: actor?.name ?? '', roles: rolesOf(actor) } };
	}

	/**
	 * The actor behind a session cookie or API token, or null when it is unknown, expired or of the other
	 * kind. Browser sessions slide: used within their 30 days, they are extended (at most once a day).
	 */
	async actorForToken(token: string, kind: 'cookie' | 'api'): Promise<{ actor: UserActor; renewedUntil: string | null } | null> {
		if (!token || token.length > 100) return null;
		const tokenHash = hashToken(token);
		const session = await this.accounts.findSession(tokenHash);
		if (!session || session.kind !== kind) return null;
		const now = this.now();
		if (Date.parse(session.expires_at) <= now.getTime()) {
			await this.accounts.deleteSession(tokenHash);
			return null;
		}
		const actor = await this.loadActor(session.user_id);
		if (!actor) return null;
		let renewedUntil: string | null = null;
		if (kind === 'cookie' && now.getTime() - Date.parse(session.last_seen_at) > DAY) {
			renewedUntil = new Date(now.getTime() + SESSION_DAYS * DAY).toISOString();
			await this.accounts.touchSession(tokenHash, now.toISOString(), renewedUntil);
		}
		return { actor, renewedUntil };
	}

	async loadActor(userId: string): Promise<UserActor | null> {
		const user = await this.accounts.findUserById(userId);
		if (!user) return null;
		const [memberships, shopIds] = await Promise.all([this.accounts.memberships(userId), this.accounts.ownedShopIds(userId)]);
		return { kind: 'user', userId, name: user.name, isPlatformAdmin: user.is_platform_admin === 1, memberships, shopIds };
	}

	async logout(token: string): Promise<void> {
		if (token) await this.accounts.deleteSession(hashToken(token));
	}

	/** Ends every session and API token of the acting person (a lost phone). */
	async logoutEverywhere(actor: Actor): Promise<void> {
		if (actor.kind !== 'user') return;
		await this.accounts.deleteSessionsOfUser(actor.userId);
	}

	/**
	 * A one-time link to set a password: for a new member (invite) or a forgotten password (reset). Only a
	 * coordinator or facilitator of a community the person belongs to may issue it. Older links stop working.
	 */
	async issueSetupLink(actor: Actor, userId: string, communityId: string, purpose: 'invite' | 'reset'): Promise<{ token: string; expiresAt: string }> {
		await this.requireSetupLinkAllowed(actor, userId, communityId);
		const token = newToken();
		const now = this.now();
		const expiresAt = new Date(now.getTime() + SETUP_LINK_DAYS * DAY).toISOString();
		await this.accounts.retireSetupLinks(userId, now.toISOString());
		await this.accounts.insertSetupLink({
			token_hash: hashToken(token),
			user_id: userId,
			purpose,
			created_by: actor.kind === 'user' ? actor.userId : null,
			created_at: now.toISOString(),
			expires_at: expiresAt
		});
		return { token, expiresAt };
	}

	/**
	 * A setup link sets a password, so issuing one is taking the account over. Invariant: staff may issue
	 * links only for accounts that belong to their own community and hold no staff role anywhere (nor are
	 * platform admins); only a platform admin (or the system) may do it for a coordinator or facilitator.
	 * Everyone refused is told the member does not exist (404), so accounts cannot be probed.
	 */
	private async requireSetupLinkAllowed(actor: Actor, userId: string, communityId: string): Promise<void> {
		const notFound = () => new NotFoundError('member.notFound');
		if (actor.kind !== 'system' && !hasCommunityRole(actor, communityId, ['coordinator', 'facilitator'])) {
			requireUser(actor);
			throw notFound();
		}
		const platform = actor.kind === 'system' || (actor.kind === 'user' && actor.isPlatformAdmin);
		const [user, memberships] = await Promise.all([this.accounts.findUserById(userId), this.accounts.memberships(userId)]);
		if (!user || !memberships.some((m) => m.communityId === communityId)) throw notFound();
		if (user.is_platform_admin === 1 && actor.kind !== 'system') throw notFound();
		if (memberships.some((m) => m.role !== 'seller') && !platform) throw notFound();
	}

	/** Who a setup link is for, so the page can greet them; refuses used, replaced or expired links. */
	async setupLinkInfo(token: string): Promise<{ name: string; purpose: 'invite' | 'reset'; login: string }> {
		const link = token.length <= 100 ? await this.accounts.findSetupLink(hashToken(token)) : undefined;
		if (!link) throw new DomainError('link_invalid', 'auth.linkInvalid', 404);
		if (link.used_at) {
			// retired by a newer link or printed card (issued at the same moment), not used by anyone: say so
			if (await this.accounts.otherLinkIssuedAt(link.user_id, link.token_hash, link.used_at)) throw new DomainError('link_replaced', 'auth.linkReplaced', 410);
			throw new DomainError('link_used', 'auth.linkUsed', 410);
		}
		if (Date.parse(link.expires_at) <= this.now().getTime()) throw new DomainError('link_expired', 'auth.linkExpired', 410);
		const user = await this.accounts.findUserById(link.user_id);
		if (!user) throw new DomainError('link_invalid', 'auth.linkInvalid', 404);
		return { name: user.name, purpose: link.purpose, login: user.email ?? user.whatsapp ?? '' };
	}

	/**
	 * Sets the password through a setup link, uses the link up, ends old sessions and signs the person in.
	 * When the link was issued by someone else (a reset, or the first invite: whoever issued it could open it
	 * before the seller does), it is recorded (who issued it, when it was used): the seller is told on their
	 * home page, and bank account, QRIS and the shop's WhatsApp number stay locked for a while (ShopService),
	 * so staff cannot take over a seller's account to redirect money or orders.
	 */
	async setPasswordWithLink(token: string, input: unknown, { firstOnly = false }: { firstOnly?: boolean } = {}): Promise<LoginResult> {
		await this.setupLinkInfo(token);
		const data = parseInput(setPasswordSchema, input);
		const link = await this.accounts.findSetupLink(hashToken(token));
		if (!link) throw new DomainError('link_invalid', 'auth.linkInvalid', 404);
		const user = await this.accounts.findUserById(link.user_id);
		if (!user) throw new DomainError('link_invalid', 'auth.linkInvalid', 404);
		refuseWeakPassword(data.password, [user.name, user.email, user.whatsapp]);
		const at = this.now().toISOString();
		let reset = null;
		if (link.created_by && link.created_by !== user.id) {
			// Every link another person issued counts, the first one too: whoever issued it could open it first.
			// (Links made by the system — the operator's CLI, seeding — are not a person acting on the shop.)
			const issuer = await this.accounts.findUserById(link.created_by);
			reset = { id: newId(user.password_hash ? 'rst' : 'inv'), user_id: user.id, issued_by: issuer?.id ?? null, issued_by_name: issuer?.name ?? '', issued_at: link.created_at, used_at: at };
		}
		const passwordHash = await hash(data.password, ARGON2);
		const outcome = await this.accounts.setPasswordWithLink(link.token_hash, user.id, passwordHash, at, reset, firstOnly);
		if (outcome === 'used') throw new DomainError('link_used', 'auth.linkUsed', 410);
		if (outcome === 'hasPassword') throw new DomainError(FIRST_PASSWORD_TAKEN, 'checkin.passwordSetAlready', 409);
		if (outcome === 'claimed') throw new DomainError('login_claimed', 'security.loginClaimed', 409);
		return this.openSession(link.user_id, 'cookie');
	}

	/**
	 * A first password set on the page of a confirmed check-in claim or a personal card (checkin.service.ts), with no
	 * link leaving the server: the input is checked first (so a typo spends nothing), then a setup link is issued in
	 * `issuer`'s name and used at once, so the audit entry, the seller's "who let your account be opened" notice and
	 * the checks of setup links (staff of the member's community only) are those of any first invite.
	 */
	async setFirstPassword(issuer: Actor, userId: string, communityId: string, input: unknown): Promise<LoginResult> {
		const data = parseInput(setPasswordSchema, input);
		const user = await this.accounts.findUserById(userId);
		if (!user) throw new NotFoundError('member.notFound');
		refuseWeakPassword(data.password, [user.name, user.email, user.whatsapp]);
		const link = await this.issueSetupLink(issuer, userId, communityId, 'invite');
		// only while there is none: a card and a claim of the same member posted at once set one password, not two
		return this.setPasswordWithLink(link.token, data, { firstOnly: true });
	}

	/** The login a person signs in with (e-mail, else WhatsApp as stored), or null. */
	async loginOf(userId: string): Promise<string | null> {
		const user = await this.accounts.findUserById(userId);
		return user ? (user.email ?? user.whatsapp ?? null) : null;
	}

	/** Resets of the person's password by someone else in the last `days` days, newest first (their own account only). */
	async recentPasswordResets(actor: Actor, userId: string, days = 30): Promise<PasswordReset[]> {
		if (actor.kind !== 'system' && (actor.kind !== 'user' || actor.userId !== userId)) return [];
		const rows = await this.accounts.listPasswordResets(userId, new Date(this.now().getTime() - days * DAY).toISOString());
		return rows.map((r) => ({ byName: r.issued_by_name, at: r.used_at, first: r.id.startsWith('inv_') }));
	}
}

/** The error code of a first password refused because another one was set a moment before (checkin-password.ts). */
export const FIRST_PASSWORD_TAKEN = 'first_password_taken';

export interface PasswordReset {
	/** Who issued the link ('' for the system). */
	byName: string;
	/** When the new password was set. */
	at: string;
	/** The account's first password (an invite), not a reset of an existing one. */
	first: boolean;
}

/** Refuses (422, on the password field) a password that is too easy to guess, in plain words. */
function refuseWeakPassword(password: string, hints: (string | null | undefined)[]): void {
	if (isWeakPassword(password, hints)) throw new ValidationError('security.passwordWeak', {}, [{ field: 'password', messageKey: 'security.passwordWeak', params: {} }]);
}

export function rolesOf(actor: UserActor | null): string[] {
	if (!actor) return [];
	const roles = new Set<string>(actor.memberships.map((m) => m.role));
	if (actor.isPlatformAdmin) roles.add('admin');
	if (actor.shopIds.length) roles.add('seller');
	return [...roles];
}

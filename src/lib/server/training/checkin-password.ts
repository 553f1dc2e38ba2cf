import { systemActor, type Actor } from '../auth/actor';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { FIRST_PASSWORD_TAKEN, type AuthService, type LoginResult } from '../accounts/auth.service';
import type { CheckinMember, CheckinRepository } from './checkin.repository';

/** Where a phone stands after a check-in (`next` says what the page shows). */
export type ClaimState =
	| { next: 'wait'; firstName: string; code: string; expiresAt: string }
	/** checked in, no password yet: the page shows the form to set it (on this claim's / card's own page) */
	| { next: 'setup'; firstName: string; login: string }
	| { next: 'signin'; firstName: string }
	| { next: 'noAccount'; firstName: string }
	| { next: 'rejected' | 'expired' | 'cancelled' };

/** A password form's outcome: signed in (the new session), or a state to show instead. */
export type PasswordOutcome = { session: LoginResult } | { state: ClaimState };

/** The one first password a confirmed claim or a card may set: who stands behind it, and its once-only marker. */
export interface PasswordSlot {
	/** the staff member who confirmed the claim or printed the card (null: the system) */
	issuerId: string | null;
	communityId: string;
	/** true for exactly one caller while the slot is unused */
	take(): Promise<boolean>;
	giveBack(): Promise<void>;
}

/**
 * Makes the member's own account (no password yet) in the issuer's name and returns its user id (the one already
 * there when someone was first); refuses like the roster does (a number another village's shop owns, staff gone).
 */
export type OpenAccount = (issuer: Actor, member: CheckinMember) => Promise<string>;

/** How long a second, simultaneous post of the same form waits for the first (a double tap) before saying so. */
export const DOUBLE_TAP_WAIT_MS = 5000;
const POLL_MS = 150;

/**
 * The first password of a member checked in by a confirmed claim or a personal card, set on that claim's or card's
 * own page (issue 13): no link is handed out, so a repeated request (a double tap whose first answer the browser
 * throws away) spends nothing — it shows the same form until a password is set. Invariants: one password per
 * claim/card (the slot's marker, taken before and given back on failure); set through AuthService.setFirstPassword,
 * in the name of the staff member behind the claim/card (audit log, the seller's notice, staff-only checks).
 * A member on the roster without an account (most of a village's sellers before their training) gets one at that
 * moment, in the same name, on their WhatsApp number: checking in is how the afternoon's accounts get made. Without
 * a number (or with one another village's account owns) there is nothing to sign in with: "the facilitator helps".
 */
export class FirstPassword {
	constructor(
		private readonly auth: AuthService,
		private readonly repo: CheckinRepository,
		private readonly openAccount: OpenAccount,
		private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))
	) {}

	/** After a check-in: the form (no password yet, or no account yet but a number to make it on), sign in, or "the facilitator helps". */
	async state(member: CheckinMember, firstName: string): Promise<ClaimState> {
		if (member.has_password) return { next: 'signin', firstName };
		if (!member.owner_user_id) return member.whatsapp ? { next: 'setup', firstName, login: member.whatsapp } : { next: 'noAccount', firstName };
		return { next: 'setup', firstName, login: (await this.auth.loginOf(member.owner_user_id)) ?? '' };
	}

	/** The form posted: makes the account when there is none, sets the password once and signs this browser in. */
	async set(member: CheckinMember, firstName: string, slot: PasswordSlot, input: unknown, address: string): Promise<PasswordOutcome> {
		const state = await this.state(member, firstName);
		if (state.next !== 'setup') return { state };
		if (!(await slot.take())) return this.afterTheOther(member, firstName, slot, input, address);
		return this.setNow(member, firstName, slot, input, address, true);
	}

	/**
	 * `mayWait`: when the member's other way in (her card while a claim is confirmed, or the other way round) set a
	 * password a moment before or replaced this one's link, wait for it and sign in as after a double tap (attacker
	 * 2026-12-02, M4: on PostgreSQL both posts used to set a password, the second silently replacing the first).
	 */
	private async setNow(member: CheckinMember, firstName: string, slot: PasswordSlot, input: unknown, address: string, mayWait: boolean): Promise<PasswordOutcome> {
		try {
			const issuer = slot.issuerId ? await this.auth.loadActor(slot.issuerId) : systemActor('checkin');
			if (!issuer) throw new NotFoundError('member.notFound');
			const userId = member.owner_user_id ?? (await this.openAccount(issuer, member).catch((e: unknown) => (e instanceof ValidationError || e instanceof NotFoundError ? null : Promise.reject(e))));
			if (!userId) throw new NotFoundError('member.notFound');
			return { session: await this.auth.setFirstPassword(issuer, userId, slot.communityId, input) };
		} catch (e) {
			await slot.giveBack();
			// the staff member behind it is no longer staff here, or the number is another village's login: the facilitator helps
			if (e instanceof NotFoundError) return { state: { next: 'noAccount', firstName } };
			if (e instanceof DomainError && [FIRST_PASSWORD_TAKEN, 'link_used', 'link_replaced'].includes(e.code)) {
				if (mayWait) return this.afterTheOther(member, firstName, slot, input, address);
				return { state: { next: 'signin', firstName } };
			}
			throw e;
		}
	}

	/**
	 * A second post while the first is still saving (a double tap): wait for it, then sign in with the password this
	 * post carries (the same one, typed once) — a normal sign-in with its limits; a different one goes to sign in.
	 * If the first failed and gave the slot back, this one tries itself.
	 */
	private async afterTheOther(member: CheckinMember, firstName: string, slot: PasswordSlot, input: unknown, address: string): Promise<PasswordOutcome> {
		for (let waited = 0; waited < DOUBLE_TAP_WAIT_MS; waited += POLL_MS) {
			const now = await this.repo.member(member.id);
			const userId = now?.owner_user_id;
			if (now?.has_password && userId) {
				const password = (input as { password?: unknown } | null)?.password;
				const login = await this.auth.loginOf(userId);
				if (typeof password !== 'string' || !login) return { state: { next: 'signin', firstName } };
				try {
					return { session: await this.auth.login({ login, password }, { address, kind: 'cookie' }) };
				} catch {
					return { state: { next: 'signin', firstName } };
				}
			}
			await this.sleep(POLL_MS);
			// the first one failed (a typo, a weak password) and gave the slot back: this post tries in its own right
			if (await slot.take()) return this.setNow(now ?? member, firstName, slot, input, address, false);
		}
		throw new DomainError('password_busy', 'checkin.passwordBusy', 409);
	}
}

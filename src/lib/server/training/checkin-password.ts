import { systemActor } from '../auth/actor';
import { DomainError, NotFoundError } from '../errors';
import type { AuthService, LoginResult } from '../accounts/auth.service';
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

/** How long a second, simultaneous post of the same form waits for the first (a double tap) before saying so. */
export const DOUBLE_TAP_WAIT_MS = 5000;
const POLL_MS = 150;

/**
 * The first password of a member checked in by a confirmed claim or a personal card, set on that claim's or card's
 * own page (issue 13): no link is handed out, so a repeated request (a double tap whose first answer the browser
 * throws away) spends nothing — it shows the same form until a password is set. Invariants: one password per
 * claim/card (the slot's marker, taken before and given back on failure); set through AuthService.setFirstPassword,
 * in the name of the staff member behind the claim/card (audit log, the seller's notice, staff-only checks).
 */
export class FirstPassword {
	constructor(
		private readonly auth: AuthService,
		private readonly repo: CheckinRepository,
		private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))
	) {}

	/** After a check-in: the form (no password yet), sign in, or "no account yet". */
	async state(member: CheckinMember, firstName: string): Promise<ClaimState> {
		if (!member.owner_user_id) return { next: 'noAccount', firstName };
		if (member.has_password) return { next: 'signin', firstName };
		return { next: 'setup', firstName, login: (await this.auth.loginOf(member.owner_user_id)) ?? '' };
	}

	/** The form posted: sets the password once and signs this browser in. */
	async set(member: CheckinMember, firstName: string, slot: PasswordSlot, input: unknown, address: string): Promise<PasswordOutcome> {
		if (!member.owner_user_id || member.has_password) return { state: await this.state(member, firstName) };
		if (!(await slot.take())) return this.afterTheOther(member, firstName, slot, input, address);
		return this.setNow(member.owner_user_id, firstName, slot, input);
	}

	private async setNow(userId: string, firstName: string, slot: PasswordSlot, input: unknown): Promise<PasswordOutcome> {
		try {
			const issuer = slot.issuerId ? await this.auth.loadActor(slot.issuerId) : systemActor('checkin');
			if (!issuer) throw new NotFoundError('member.notFound');
			return { session: await this.auth.setFirstPassword(issuer, userId, slot.communityId, input) };
		} catch (e) {
			await slot.giveBack();
			// the staff member behind it is no longer staff here: like a member without an account, the facilitator helps
			if (e instanceof NotFoundError) return { state: { next: 'noAccount', firstName } };
			throw e;
		}
	}

	/**
	 * A second post while the first is still saving (a double tap): wait for it, then sign in with the password this
	 * post carries (the same one, typed once) — a normal sign-in with its limits; a different one goes to sign in.
	 * If the first failed and gave the slot back, this one tries itself.
	 */
	private async afterTheOther(member: CheckinMember, firstName: string, slot: PasswordSlot, input: unknown, address: string): Promise<PasswordOutcome> {
		const userId = member.owner_user_id as string;
		for (let waited = 0; waited < DOUBLE_TAP_WAIT_MS; waited += POLL_MS) {
			const now = await this.repo.member(member.id);
			if (now?.has_password) {
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
			if (await slot.take()) return this.setNow(userId, firstName, slot, input);
		}
		throw new DomainError('password_busy', 'checkin.passwordBusy', 409);
	}
}

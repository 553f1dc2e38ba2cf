import { randomInt } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { hasCommunityRole } from '../auth/guards';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { hashToken, newToken } from '../accounts/tokens';
import type { AuthService } from '../accounts/auth.service';
import type { RateLimiter, RateRule } from '../security/rate-limit';
import { newId } from '../../utils/ids';
import { normalizeWhatsapp } from '../../utils/phone';
import { wibDay } from '../../utils/dates';
import type { TrainingRepository, TrainingRow } from './training.repository';
import type { CheckinMember, CheckinRepository } from './checkin.repository';
import { distinctNames, endOfTrainingDay, firstNames } from './board';
import { expectedAt } from './expected';
import { presentIds } from './gain';
import { refuseWhenClosed } from './training.service';
import { FirstPassword, type ClaimState, type OpenAccount, type PasswordOutcome } from './checkin-password';

export type { ClaimState, PasswordOutcome } from './checkin-password';

const STAFF = ['coordinator', 'facilitator'] as const;
const MINUTE = 60_000;
/** A pending claim nobody confirmed lapses after this (the person left, or tapped the wrong name and walked off). */
export const CLAIM_MINUTES = 30;
/** A personal check-in card works this long after it was printed (a program's sessions span a few weeks). */
export const CARD_DAYS = 90;
const MAX_TOKEN = 64;

/**
 * Flood limits of the public check-in (the venue's 60 phones share one hotspot address, so the per-address limit
 * is generous; the per-training one caps what one QR can cost the server).
 */
export const CHECKIN_RULES = {
	/** claims of names on the list (the venue's 60 phones, a few taps each) per address */
	address: { name: 'checkin-addr', limit: 120, windowMs: 10 * MINUTE },
	/**
	 * Lookups that found nobody (an id not on the list, a number not on the roster): per address, and per training
	 * for a flood from many addresses. They only ever refuse further misses: a real member choosing her name still
	 * gets through (attacker 2026-12-02, M2: 1,000 junk posts used to spend the training's whole budget and lock
	 * every phone out of the QR for an hour).
	 */
	misses: { name: 'checkin-miss', limit: 40, windowMs: 10 * MINUTE },
	training: { name: 'checkin-training', limit: 1000, windowMs: 60 * MINUTE },
	card: { name: 'checkin-card', limit: 60, windowMs: 10 * MINUTE },
	/** the first-password forms of confirmed claims and cards (each post hashes a password): 4 tries per member of a full venue */
	password: { name: 'checkin-password', limit: 240, windowMs: 10 * MINUTE }
} satisfies Record<string, RateRule>;

export type CheckinDay = 'before' | 'today' | 'after';

/** What the public check-in page shows: the training and, on its day, the first names on its list. */
export interface PublicCheckin {
	training: { id: string; title: string; startsAt: string; venue: string };
	day: CheckinDay;
	/** attendance closed by the coordinator: the page says so instead of offering a list that only refuses */
	closed: boolean;
	members: { memberId: string; firstName: string }[];
}

export interface PendingCheckin {
	id: string;
	memberId: string;
	name: string;
	shopName: string;
	code: string;
	via: 'name' | 'phone';
	at: string;
}

export interface CheckinCard {
	memberId: string;
	name: string;
	shopName: string;
	token: string;
	expiresAt: string;
}

/**
 * QR check-in that opens the seller's account (issue 13 item 2). A phone WITHOUT a login scans the training's
 * venue QR, picks a name from the list (or types a WhatsApp number) and gets a pending claim bound to that
 * browser (a random token in an HttpOnly cookie; only its hash is stored). So nobody takes someone else's seat,
 * a facilitator or coordinator of the community confirms each claim with one tap; only then is the member
 * marked present, and the waiting phone — and only it, once — sets the member's first password on its own page
 * when they have none yet (checkin-password.ts). A member's personal card (printed by staff) checks them in without that tap. Invariants: only on
 * the training day (WIB); one pending claim per member and training (a database index); a claim or card of
 * another training or community opens nothing (404).
 */
export class CheckinService {
	private readonly passwords: FirstPassword;

	constructor(
		private readonly trainings: TrainingRepository,
		private readonly repo: CheckinRepository,
		auth: AuthService,
		private readonly limiter: RateLimiter,
		openAccount: OpenAccount,
		private readonly clock: () => Date = () => new Date()
	) {
		this.passwords = new FirstPassword(auth, repo, openAccount);
	}

	private now(): string {
		return this.clock().toISOString();
	}

	private dayOf(row: TrainingRow): CheckinDay {
		const today = wibDay(this.now());
		const day = wibDay(row.starts_at);
		return today < day ? 'before' : today > day ? 'after' : 'today';
	}

	private requireDay(row: TrainingRow): void {
		if (this.dayOf(row) !== 'today') throw new DomainError('not_training_day', 'checkin.notToday', 409, { date: wibDay(row.starts_at) });
	}

	private async byToken(token: string): Promise<TrainingRow> {
		const row = token.length > 0 && token.length <= MAX_TOKEN ? await this.trainings.byCheckinToken(token) : undefined;
		if (!row) throw new NotFoundError('checkin.notFound');
		return row;
	}

	private async staffRow(actor: Actor, trainingId: string): Promise<TrainingRow> {
		const row = await this.trainings.byId(trainingId);
		if (!row || !hasCommunityRole(actor, row.community_id, [...STAFF])) throw new NotFoundError('training.notFound');
		return row;
	}

	/** The training's expected members (expected.ts) with the names a public page may show (board.ts distinctNames: same first names told apart). */
	private async expected(row: TrainingRow): Promise<{ memberId: string; firstName: string }[]> {
		const [members, named, attendance] = await Promise.all([this.trainings.members(row.community_id), row.invite_all === 1 ? Promise.resolve([] as string[]) : this.trainings.inviteeIds(row.id), this.trainings.attendance(row.id)]);
		const expected = expectedAt({ startsAt: row.starts_at, inviteAll: row.invite_all === 1 }, members, new Set(named), presentIds(attendance));
		const listed = members.filter((m) => expected.has(m.id));
		const names = distinctNames(listed.map((m) => ({ name: m.name, shopName: m.shopName })));
		return listed.map((m, i) => ({ memberId: m.id, firstName: names[i] })).sort((a, b) => a.firstName.localeCompare(b.firstName, 'id') || a.memberId.localeCompare(b.memberId));
	}

	/** The public check-in page of a venue QR: the list only on the training day (before or after it, a message). */
	async publicView(token: string): Promise<PublicCheckin> {
		const row = await this.byToken(token);
		const day = this.dayOf(row);
		const closed = !!row.attendance_closed_at;
		return { training: { id: row.id, title: row.title, startsAt: row.starts_at, venue: row.venue }, day, closed, members: day === 'today' && !closed ? await this.expected(row) : [] };
	}

	/**
	 * "This is me": a pending claim for the chosen member (a name from the list, or a WhatsApp number of the
	 * community's roster), bound to the browser by its claim token: the one the list page put in its cookie
	 * (`browserToken`) while no claim has it, else a new one (returned). The same browser tapping again — even twice
	 * at once, before the first answer arrived (a double tap with JavaScript off) — gets the same claim back;
	 * choosing someone else replaces it. Another browser's pending claim for the same member refuses (409): the
	 * facilitator sorts it out in person.
	 */
	async claim(token: string, input: { memberId?: string; whatsapp?: string }, claimToken: string | undefined, address: string): Promise<{ claimToken: string; claimId: string }> {
		const row = await this.byToken(token);
		this.requireDay(row);
		refuseWhenClosed({ attendanceClosedAt: row.attendance_closed_at });
		const member = await this.chosenMember(row, input).catch(async (e: unknown) => {
			if (e instanceof NotFoundError || e instanceof ValidationError) {
				await this.limiter.consume(CHECKIN_RULES.misses, address);
				await this.limiter.consume(CHECKIN_RULES.training, row.id);
			}
			throw e;
		});
		await this.limiter.consume(CHECKIN_RULES.address, address);
		const now = this.now();
		const given = claimToken && isToken(claimToken) ? claimToken : undefined;
		const known = given ? await this.repo.claimByHash(hashToken(given)) : undefined;
		if (known && given && known.training_id === row.id && known.status === 'pending' && known.expires_at > now) {
			if (known.member_id === member.id) return { claimToken: given, claimId: known.id };
			await this.repo.moveClaim(known.id, 'pending', 'cancelled', { at: now, by: null });
		}
		await this.repo.expirePending(row.id, member.id, now);
		const fresh = given && !known ? given : newToken();
		const id = newId('chk');
		const expiresAt = new Date(Math.min(Date.parse(now) + CLAIM_MINUTES * MINUTE, Date.parse(endOfTrainingDay(row.starts_at)))).toISOString();
		const inserted = await this.repo.insertClaim({
			id,
			training_id: row.id,
			member_id: member.id,
			claim_hash: hashToken(fresh),
			code: String(randomInt(100, 1000)),
			via: input.memberId ? 'name' : 'phone',
			status: 'pending',
			created_at: now,
			expires_at: expiresAt
		});
		if (!inserted) {
			// the same browser's other post of this tap got there first (same token): its claim is this one
			const twin = fresh === given ? await this.repo.claimByHash(hashToken(fresh)) : undefined;
			if (twin && twin.training_id === row.id && twin.member_id === member.id && twin.status === 'pending') return { claimToken: fresh, claimId: twin.id };
			throw new DomainError('checkin_pending', 'checkin.pendingElsewhere', 409);
		}
		return { claimToken: fresh, claimId: id };
	}

	/**
	 * The claim token the list page puts in the browser's cookie before any tap, so that two posts of one tap carry
	 * the same token: the browser's own while no claim was made with it, else a new one. (The cookie is HttpOnly and
	 * a claim is only made by a tap in that browser; docs/security.md says what a planted cookie could do.)
	 */
	async browserToken(current: string | undefined): Promise<string> {
		if (current && isToken(current) && !(await this.repo.claimByHash(hashToken(current)))) return current;
		return newToken();
	}

	private async chosenMember(row: TrainingRow, input: { memberId?: string; whatsapp?: string }): Promise<CheckinMember> {
		if (input.memberId) {
			const listed = await this.expected(row);
			const member = listed.some((m) => m.memberId === input.memberId) ? await this.repo.member(input.memberId) : undefined;
			if (!member || member.community_id !== row.community_id) throw new NotFoundError('checkin.notOnList');
			return member;
		}
		const typed = (input.whatsapp ?? '').trim();
		if (!typed) throw new ValidationError('checkin.chooseName', {}, [{ field: 'whatsapp', messageKey: 'checkin.chooseName', params: {} }]);
		const whatsapp = normalizeWhatsapp(typed);
		if (!whatsapp) throw new ValidationError('checkin.phoneInvalid', {}, [{ field: 'whatsapp', messageKey: 'checkin.phoneInvalid', params: {} }]);
		const member = await this.repo.memberByWhatsapp(row.community_id, whatsapp);
		if (!member) throw new ValidationError('checkin.phoneUnknown', {}, [{ field: 'whatsapp', messageKey: 'checkin.phoneUnknown', params: {} }]);
		return member;
	}

	/** The browser's claim at this training (any status), with its member and first name; 404 otherwise. */
	private async claimOf(row: TrainingRow, claimToken: string) {
		const claim = claimToken && claimToken.length <= MAX_TOKEN ? await this.repo.claimByHash(hashToken(claimToken)) : undefined;
		if (!claim || claim.training_id !== row.id) throw new NotFoundError('checkin.claimNotFound');
		const member = await this.repo.member(claim.member_id);
		if (!member) throw new NotFoundError('checkin.claimNotFound');
		const [firstName] = firstNames([member.person_name]);
		return { claim, member, firstName };
	}

	/**
	 * Where the waiting phone stands. Once confirmed, a member without a password sees the form to set it, on this
	 * claim's page only and only on the training day; reading the state changes nothing, however often it is asked.
	 */
	async claimState(token: string, claimToken: string): Promise<ClaimState> {
		const row = await this.byToken(token);
		const { claim, member, firstName } = await this.claimOf(row, claimToken);
		if (claim.status === 'pending') {
			if (claim.expires_at <= this.now()) return { next: 'expired' };
			return { next: 'wait', firstName, code: claim.code, expiresAt: claim.expires_at };
		}
		if (claim.status !== 'confirmed') return { next: claim.status };
		const state = await this.passwords.state(member, firstName);
		return state.next === 'setup' && this.dayOf(row) !== 'today' ? { next: 'expired' } : state;
	}

	/**
	 * The first password, set on the confirmed claim's own page (the browser holding the claim's cookie): once per
	 * claim, in the name of the staff member who confirmed it (so the seller is told who let them in, as with any
	 * link someone else issued), on the training day, within the check-in flood limits. A claim not confirmed (or of
	 * another training, or no claim) is refused like an unknown one.
	 */
	async claimPassword(token: string, claimToken: string, input: unknown, address: string): Promise<PasswordOutcome> {
		const row = await this.byToken(token);
		await this.limiter.consume(CHECKIN_RULES.password, address);
		const { claim, member, firstName } = await this.claimOf(row, claimToken);
		if (claim.status !== 'confirmed') throw new NotFoundError('checkin.claimNotFound');
		this.requireDay(row);
		const slot = { issuerId: claim.decided_by, communityId: row.community_id, take: () => this.repo.handOver(claim.id, this.now()), giveBack: () => this.repo.undoHandOver(claim.id) };
		return this.passwords.set(member, firstName, slot, input, address);
	}

	/** The phone takes back its pending claim ("bukan saya"). */
	async cancel(token: string, claimToken: string): Promise<void> {
		const row = await this.byToken(token);
		const claim = claimToken.length <= MAX_TOKEN ? await this.repo.claimByHash(hashToken(claimToken)) : undefined;
		if (!claim || claim.training_id !== row.id) throw new NotFoundError('checkin.claimNotFound');
		if (await this.repo.moveClaim(claim.id, 'pending', 'cancelled', { at: this.now(), by: null })) return;
		// too late: the facilitator confirmed (or refused) it a moment before — say so instead of pretending (attacker L2)
		const now = await this.repo.claimById(claim.id);
		if (now && now.status !== 'cancelled') throw new DomainError('claim_decided', 'checkin.claimDecided', 409);
	}

	/** Pending claims of the training for its staff, oldest first. */
	async pending(actor: Actor, trainingId: string): Promise<PendingCheckin[]> {
		const row = await this.staffRow(actor, trainingId);
		const rows = await this.repo.pending(row.id, this.now());
		return rows.map((r) => ({ id: r.id, memberId: r.member_id, name: r.person_name, shopName: r.shop_name, code: r.code, via: r.via, at: r.created_at }));
	}

	/**
	 * The facilitator's tap: confirm (the member is marked present, once however often it is tapped) or reject.
	 * A claim of another training is "not found"; one already decided the other way, or lapsed, is refused (409).
	 */
	async decide(actor: Actor, trainingId: string, claimId: string, decision: 'confirm' | 'reject'): Promise<void> {
		const row = await this.staffRow(actor, trainingId);
		const claim = claimId.length <= MAX_TOKEN ? await this.repo.claimById(claimId) : undefined;
		if (!claim || claim.training_id !== row.id) throw new NotFoundError('checkin.claimNotFound');
		const to = decision === 'confirm' ? 'confirmed' : 'rejected';
		const now = this.now();
		if (claim.status === to) return;
		if (claim.status !== 'pending' || claim.expires_at <= now) throw new DomainError('claim_decided', 'checkin.claimDecided', 409);
		if (decision === 'confirm') refuseWhenClosed({ attendanceClosedAt: row.attendance_closed_at });
		const by = actor.kind === 'user' ? actor.userId : null;
		if (!(await this.repo.moveClaim(claim.id, 'pending', to, { at: now, by }))) {
			const again = await this.repo.claimById(claim.id);
			if (again?.status === to) return;
			throw new DomainError('claim_decided', 'checkin.claimDecided', 409);
		}
		if (decision === 'confirm') await this.markPresent(row.id, claim.member_id, `chk:${claim.id}`, 'tap', by);
	}

	/**
	 * Event ids made here carry a ':' — a character no client-sent event id may contain (attendance API, the phone's
	 * queue, the self check-in form) — so nobody can post an id that makes a check-in look like a duplicate and be
	 * ignored (attacker 2026-12-02, M1: a seller posted `card-<victim>` and the victim's card tap then changed nothing).
	 */
	private async markPresent(trainingId: string, memberId: string, eventId: string, source: 'tap' | 'self', by: string | null): Promise<void> {
		const now = this.now();
		await this.trainings.applyEvents([{ training_id: trainingId, id: eventId, member_id: memberId, present: 1, at: now, source, actor_user_id: by, received_at: now }]);
	}

	/**
	 * Personal check-in cards for members of the community (the chosen ones of the training's list, or all of it).
	 * A new card replaces the member's older ones. Each token is returned once; only its hash is stored.
	 */
	async issueCards(actor: Actor, trainingId: string, memberIds: string[] = []): Promise<CheckinCard[]> {
		const row = await this.staffRow(actor, trainingId);
		const roster = await this.trainings.members(row.community_id);
		const listed = new Set((await this.expected(row)).map((m) => m.memberId));
		const picked = new Set(memberIds);
		if (memberIds.some((id) => !roster.some((m) => m.id === id))) throw new NotFoundError('training.notFoundMember');
		const targets = roster.filter((m) => (picked.size ? picked.has(m.id) : listed.has(m.id)));
		const now = this.now();
		const expiresAt = new Date(Date.parse(now) + CARD_DAYS * 86_400_000).toISOString();
		const by = actor.kind === 'user' ? actor.userId : null;
		const cards: CheckinCard[] = [];
		for (const m of targets) {
			const token = newToken();
			await this.repo.revokeCards(m.id, now);
			await this.repo.insertCard({ token_hash: hashToken(token), member_id: m.id, community_id: row.community_id, created_by: by, created_at: now, expires_at: expiresAt });
			cards.push({ memberId: m.id, name: m.name, shopName: m.shopName, token, expiresAt });
		}
		return cards;
	}

	/** Stops every card of a member of the training's community (a lost card). */
	async revokeCards(actor: Actor, trainingId: string, memberId: string): Promise<number> {
		const row = await this.staffRow(actor, trainingId);
		const member = await this.repo.member(memberId);
		if (!member || member.community_id !== row.community_id) throw new NotFoundError('training.notFoundMember');
		return this.repo.revokeCards(member.id, this.now());
	}

	private async cardOf(cardToken: string) {
		const card = cardToken.length > 0 && cardToken.length <= MAX_TOKEN ? await this.repo.cardByHash(hashToken(cardToken)) : undefined;
		if (!card || card.revoked_at || card.expires_at <= this.now()) throw new NotFoundError('checkin.cardInvalid');
		const member = await this.repo.member(card.member_id);
		if (!member || member.community_id !== card.community_id) throw new NotFoundError('checkin.cardInvalid');
		return { card, member };
	}

	/** Today's training of the card's community (WIB), the one starting closest to now, or null. */
	private async todaysTraining(communityId: string): Promise<TrainingRow | null> {
		const today = wibDay(this.now());
		const rows = (await this.trainings.listByCommunity(communityId)).filter((r) => wibDay(r.starts_at) === today);
		const now = Date.parse(this.now());
		rows.sort((a, b) => Math.abs(Date.parse(a.starts_at) - now) - Math.abs(Date.parse(b.starts_at) - now));
		return rows[0] ?? null;
	}

	/** What a personal card's page shows before the tap: whose card it is and today's training, if any. */
	async cardView(cardToken: string): Promise<{ firstName: string; training: { title: string; startsAt: string; venue: string } | null }> {
		const { member } = await this.cardOf(cardToken);
		const training = await this.todaysTraining(member.community_id);
		const [firstName] = firstNames([member.person_name]);
		return { firstName, training: training ? { title: training.title, startsAt: training.starts_at, venue: training.venue } : null };
	}

	/** The card's check-in at today's training (once however often tapped); refused with no training or closed. */
	private async checkInByCard(cardToken: string, address: string, rule: RateRule = CHECKIN_RULES.card) {
		await this.limiter.consume(rule, address);
		const { card, member } = await this.cardOf(cardToken);
		const training = await this.todaysTraining(member.community_id);
		if (!training) throw new DomainError('not_training_day', 'checkin.cardNoTraining', 409);
		refuseWhenClosed({ attendanceClosedAt: training.attendance_closed_at });
		await this.markPresent(training.id, member.id, `card:${member.id}`, 'self', null);
		const [firstName] = firstNames([member.person_name]);
		return { card, member, firstName };
	}

	/**
	 * The member's tap on their personal card's page: present at today's training without confirmation; with no
	 * password yet, the form to set it on the card's page (the same form again on a second tap, until it is set).
	 * A lost card therefore allows marking its member present and — only until they set a password — setting it
	 * first (docs/security.md); "Kartu hilang" stops it.
	 */
	async useCard(cardToken: string, address: string): Promise<ClaimState> {
		const { member, firstName } = await this.checkInByCard(cardToken, address);
		return this.passwords.state(member, firstName);
	}

	/** Where the card's member stands (after a refused password form: the form again), without checking in. */
	async cardState(cardToken: string): Promise<ClaimState> {
		const { member } = await this.cardOf(cardToken);
		return this.passwords.state(member, firstNames([member.person_name])[0]);
	}

	/** The card page's password form: checks in as `useCard` does, then sets the first password once per card. */
	async cardPassword(cardToken: string, input: unknown, address: string): Promise<PasswordOutcome> {
		const { card, member, firstName } = await this.checkInByCard(cardToken, address, CHECKIN_RULES.password);
		const slot = { issuerId: card.created_by, communityId: member.community_id, take: () => this.repo.useCardForPassword(card.token_hash, this.now()), giveBack: () => this.repo.undoCardPassword(card.token_hash) };
		return this.passwords.set(member, firstName, slot, input, address);
	}
}

/** A claim token as `newToken` makes them (43 URL-safe characters); anything else is never used as one. */
function isToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value);
}

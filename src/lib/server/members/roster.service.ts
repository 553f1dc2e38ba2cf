import type { Actor } from '../auth/actor';
import type { Kysely } from 'kysely';
import type { Community, DB } from '../db/schema';
import { NotFoundError } from '../errors';
import { requireProgramStaff } from '../program/access';
import { checklistShopOf } from '../shops/checklist-shop';
import type { ShopRepository } from '../shops/shop.repository';
import type { AccountRepository } from '../accounts/account.repository';
import type { AuthService } from '../accounts/auth.service';
import { refuseClaimedLogins } from '../accounts/login-claims';
import { newId } from '../../utils/ids';
import { nowIso } from '../../utils/dates';
import { profileComplete, shopChecklist } from '../../shop-checklist';
import { memberProfileSchema, type MemberProfileInput } from '../../validation/member-profile';
import { parseInput } from '../validate';
import { backfillMembers } from './member-backfill';
import { businessSize, type BusinessSize } from './member-profile';
import type { RosterRepository, RosterRow } from './roster.repository';
import type { FunnelService } from './funnel.service';
import type { FunnelLevel } from './funnel';

export interface RosterMember {
	id: string;
	name: string;
	whatsapp: string | null;
	rw: string | null;
	nib: string | null;
	pirt: string | null;
	halal: string | null;
	capital: number | null;
	annualSales: number | null;
	size: BusinessSize | null;
	channelBefore: string | null;
	shop: { id: string; slug: string; name: string; businessType: string; hidden: boolean; publishedProducts: number };
	/** The seller's own checklist (same items and count as their home page). */
	checklist: { done: number; total: number; missing: string[]; profileComplete: boolean };
	account: 'none' | 'invited' | 'active';
	ownerUserId: string | null;
	funnel: { level: FunnelLevel; since: string; next: FunnelLevel | null } | null;
}

/**
 * The roster of a community (issue 9 item 4, issue 7 item 7): every shop's member, with or without a login,
 * their profile, the seller's real checklist progress, and the invitation of a shop's owner. Staff of the
 * community only; anyone else gets 404 and nothing changes.
 */
export class RosterService {
	constructor(
		private readonly roster: RosterRepository,
		private readonly shops: ShopRepository,
		private readonly accounts: AccountRepository,
		private readonly auth: AuthService,
		private readonly funnel: FunnelService,
		private readonly db: Kysely<DB>
	) {}

	async list(actor: Actor, community: Pick<Community, 'id'>): Promise<RosterMember[]> {
		requireProgramStaff(actor, community.id);
		await backfillMembers(this.db, community.id);
		const [rows, funnel] = await Promise.all([this.roster.listRoster(community.id), this.funnel.forCommunity(actor, community)]);
		const levels = new Map(funnel.members.map((m) => [m.memberId, m]));
		return rows.map((r) => toRosterMember(r, levels.get(r.id) ?? null));
	}

	async get(actor: Actor, community: Pick<Community, 'id'>, memberId: string): Promise<RosterMember> {
		requireProgramStaff(actor, community.id);
		const row = await this.findRow(community.id, memberId);
		const f = (await this.funnel.forCommunity(actor, community)).members.find((m) => m.memberId === row.id) ?? null;
		return toRosterMember(row, f);
	}

	/** Saves the member's profile (name, WhatsApp, RW, legality, capital, sales, channel before the program). */
	async updateProfile(actor: Actor, community: Pick<Community, 'id'>, memberId: string, input: MemberProfileInput): Promise<void> {
		requireProgramStaff(actor, community.id);
		const row = await this.findRow(community.id, memberId);
		const p = parseInput(memberProfileSchema, input);
		await this.roster.updateMember(row.id, {
			person_name: p.personName,
			whatsapp: p.whatsapp,
			rw: p.rw,
			nib: p.nib,
			pirt: p.pirt,
			halal: p.halal,
			capital: p.capital,
			annual_sales: p.annualSales,
			channel_before: p.channelBefore,
			updated_at: nowIso()
		});
	}

	/**
	 * Invites the owner of an existing shop: when the shop has no owner yet, an account without a password
	 * (named after the member, reachable on the member's WhatsApp or the e-mail given), a seller membership
	 * and the shop handed to it; then a one-time setup link. A shop that already has an owner gets a fresh
	 * link (which retires the old one). Returns what the link page needs.
	 */
	async inviteOwner(
		actor: Actor,
		community: Pick<Community, 'id'>,
		memberId: string,
		input: { email?: string } = {}
	): Promise<{ userId: string; name: string; whatsapp: string | null; token: string; expiresAt: string }> {
		requireProgramStaff(actor, community.id);
		const row = await this.findRow(community.id, memberId);
		const whatsapp = row.whatsapp ?? row.shop_whatsapp;
		const userId = row.owner_user_id ?? (await this.openAccount(actor, community, memberId, input));
		const link = await this.auth.issueSetupLink(actor, userId, community.id, row.password_hash ? 'reset' : 'invite');
		return { userId, name: row.person_name, whatsapp: row.owner_whatsapp ?? whatsapp, token: link.token, expiresAt: link.expiresAt };
	}

	/**
	 * The member's own account when the shop has no owner yet: an account without a password (named after the member,
	 * reachable on the member's WhatsApp or the e-mail given), a seller membership and the shop handed to it. Returns
	 * the shop owner's user id (the one already there, or the new one). Two calls at once make one account: the shop
	 * goes to the first, the other's unused account is removed. Used by the invitation above and by a training's
	 * check-in (a confirmed claim or a personal card of a member without an account, in the name of the staff member
	 * behind it). A number another village's shop takes orders on is refused as when adding a member.
	 */
	async openAccount(actor: Actor, community: Pick<Community, 'id'>, memberId: string, input: { email?: string } = {}): Promise<string> {
		requireProgramStaff(actor, community.id);
		const row = await this.findRow(community.id, memberId);
		if (row.owner_user_id) return row.owner_user_id;
		const whatsapp = row.whatsapp ?? row.shop_whatsapp;
		const email = input.email?.trim() || undefined;
		// the report knows some sellers by one initial ("N"); an account name needs two letters
		const name = row.person_name.trim().length >= 2 ? row.person_name : `${row.person_name} (${row.shop_name})`.slice(0, 80);
		const refused = await refuseClaimedLogins(this.accounts, community.id, { whatsapp, email: email?.toLowerCase() }).then(
			() => null,
			(e: unknown) => e
		);
		// A call a moment earlier (her card and her claim at once) may have made the account on this very number and
		// not yet handed her the shop (CI 2026-12-02, PostgreSQL: the second call was refused in that gap): wait for it.
		if (refused) return this.ownerSoon(community.id, memberId, refused);
		const again = (await this.findRow(community.id, memberId)).owner_user_id;
		if (again) return again;
		const userId = await this.auth.insertUser({ name, whatsapp, email }, { invitation: true });
		if (!(await this.roster.handShopTo(row.shop_id, userId, nowIso(), { id: newId('mem'), community_id: community.id }))) {
			await this.roster.removeUnusedUser(userId);
			const owner = (await this.findRow(community.id, memberId)).owner_user_id;
			if (!owner) throw new NotFoundError('members.notFound');
			return owner;
		}
		return userId;
	}

	/** The shop's owner once a concurrent openAccount has handed it over (≤ OWNER_WAIT_MS), else the refusal. */
	private async ownerSoon(communityId: string, memberId: string, refusal: unknown): Promise<string> {
		for (let waited = 0; ; waited += OWNER_POLL_MS) {
			const owner = (await this.findRow(communityId, memberId)).owner_user_id;
			if (owner) return owner;
			if (waited >= OWNER_WAIT_MS) throw refusal;
			await new Promise((r) => setTimeout(r, OWNER_POLL_MS));
		}
	}

	private async findRow(communityId: string, memberId: string): Promise<RosterRow> {
		const row = typeof memberId === 'string' && memberId.length <= 64 ? await this.roster.findRosterRow(communityId, memberId) : undefined;
		if (!row) throw new NotFoundError('members.notFound');
		return row;
	}
}

/** How long openAccount waits for a concurrent call on the same member (a few queries apart) before refusing. */
const OWNER_WAIT_MS = 1_000;
const OWNER_POLL_MS = 50;

function toRosterMember(r: RosterRow, f: { level: FunnelLevel; since: string; next: FunnelLevel | null } | null): RosterMember {
	const checklist = shopChecklist(checklistShopOf(r), r.published);
	const capital = r.capital == null ? null : Number(r.capital);
	const annualSales = r.annual_sales == null ? null : Number(r.annual_sales);
	return {
		id: r.id,
		name: r.person_name,
		whatsapp: r.whatsapp ?? r.shop_whatsapp,
		rw: r.rw,
		nib: r.nib,
		pirt: r.pirt,
		halal: r.halal,
		capital,
		annualSales,
		size: businessSize(capital, annualSales),
		channelBefore: r.channel_before,
		shop: { id: r.shop_id, slug: r.shop_slug, name: r.shop_name, businessType: r.business_type, hidden: r.shop_status === 'hidden', publishedProducts: r.published },
		checklist: { done: checklist.filter((c) => c.done).length, total: checklist.length, missing: checklist.filter((c) => !c.done).map((c) => c.key), profileComplete: profileComplete(checklist) },
		account: !r.owner_user_id ? 'none' : r.password_hash ? 'active' : 'invited',
		ownerUserId: r.owner_user_id,
		funnel: f ? { level: f.level, since: f.since, next: f.next } : null
	};
}

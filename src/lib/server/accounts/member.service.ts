import type { Actor } from '../auth/actor';
import { requireCommunityRole, requireCommunityStaff } from '../auth/guards';
import type { Community, Role } from '../db/schema';
import { newId } from '../../utils/ids';
import { nowIso } from '../../utils/dates';
import { newMemberSchema, type NewMemberInput } from '../../validation/member';
import { parseInput } from '../validate';
import type { AccountRepository } from './account.repository';
import { refuseClaimedLogins } from './login-claims';
import type { AuthService } from './auth.service';
import type { ShopService } from '../shops/shop.service';
import type { RateLimiter } from '../security/rate-limit';

export interface MemberRow {
	userId: string;
	name: string;
	whatsapp: string | null;
	email: string | null;
	hasPassword: boolean;
	shop: { id: string; slug: string; name: string; onboardingStep: number; publishedProducts: number } | null;
}

/** The group's roster: coordinators and facilitators add sellers and hand them their setup links. */
export class MemberService {
	constructor(
		private readonly accounts: AccountRepository,
		private readonly auth: AuthService,
		private readonly shops: ShopService,
		private readonly limiter: RateLimiter
	) {}

	/**
	 * Adds a seller: an account without a password, a seller membership, a shop they own, and a one-time
	 * setup link (valid 14 days). Everything is checked before anything is written.
	 */
	async addSeller(actor: Actor, community: Community, input: NewMemberInput): Promise<{ userId: string; shopId: string; setupToken: string; expiresAt: string }> {
		requireCommunityStaff(actor, community.id);
		const data = parseInput(newMemberSchema, input);
		await refuseClaimedLogins(this.accounts, community.id, data, { limiter: this.limiter, actor });
		const userId = await this.auth.insertUser({ name: data.name, whatsapp: data.whatsapp, email: data.email }, { invitation: true });
		await this.accounts.addMembership({ id: newId('mem'), user_id: userId, community_id: community.id, role: 'seller', created_at: nowIso() });
		const shop = await this.shops.create(actor, community, { name: `${shortBusiness(data.businessType)} ${data.name}`.slice(0, 60), businessType: data.businessType, whatsapp: data.whatsapp, area: data.area || undefined }, userId, { name: data.name });
		const link = await this.auth.issueSetupLink(actor, userId, community.id, 'invite');
		return { userId, shopId: shop.id, setupToken: link.token, expiresAt: link.expiresAt };
	}

	/**
	 * Gives an existing member a role (the CLI, the demo, a platform admin appointing staff). A change of role ends the
	 * person's sessions and API tokens: they sign in again and get a new token (no token outlives the role it was made under).
	 */
	async addRole(actor: Actor, community: Community, userId: string, role: Role): Promise<void> {
		requireCommunityRole(actor, community.id, ['coordinator']);
		const had = await this.accounts.memberships(userId);
		await this.accounts.addMembership({ id: newId('mem'), user_id: userId, community_id: community.id, role, created_at: nowIso() });
		if (!had.some((m) => m.communityId === community.id && m.role === role)) await this.accounts.deleteSessionsOfUser(userId);
	}

	/** The roster with each seller's progress: password set, onboarding step, products on show. */
	/**
	 * Which sellers of the community have a setup link out that still works (user id → until when). Printing
	 * QR cards (or a new link) retires those links, so the roster and the print step say so before it happens.
	 */
	async openSetupLinks(actor: Actor, community: Community): Promise<Map<string, string>> {
		requireCommunityStaff(actor, community.id);
		const sellers = await this.accounts.sellerRoster(community.id);
		return this.accounts.openSetupLinks(sellers.map((s) => s.user_id), nowIso());
	}

	/**
	 * Whom a print of QR cards is for (the ticked sellers, or every seller without a password when none is ticked)
	 * and which of them have a link out that printing will retire — said plainly before anything is printed.
	 */
	async planSetupCards(actor: Actor, community: Community, chosen: string[]): Promise<{ targets: MemberRow[]; retiring: { userId: string; name: string; until: string }[] }> {
		const sellers = await this.listSellers(actor, community);
		const picked = new Set(chosen);
		const targets = sellers.filter((s) => (picked.size ? picked.has(s.userId) : !s.hasPassword));
		const open = await this.accounts.openSetupLinks(targets.map((s) => s.userId), nowIso());
		return { targets, retiring: targets.filter((s) => open.has(s.userId)).map((s) => ({ userId: s.userId, name: s.name, until: open.get(s.userId)! })) };
	}

	async listSellers(actor: Actor, community: Community): Promise<MemberRow[]> {
		requireCommunityStaff(actor, community.id);
		const rows = await this.accounts.sellerRoster(community.id);
		return rows.map((r) => ({
			userId: r.user_id,
			name: r.name,
			whatsapp: r.whatsapp,
			email: r.email,
			hasPassword: !!r.password_hash,
			shop: r.shop_id
				? { id: r.shop_id, slug: r.shop_slug ?? '', name: r.shop_name ?? '', onboardingStep: Number(r.onboarding_step ?? 0), publishedProducts: Number(r.published ?? 0) }
				: null
		}));
	}
}

/** "Penjual ketempling" → "Ketempling" for a first shop name the seller can change in step 1. */
export function shortBusiness(business: string): string {
	const what = business.replace(/^(penjual|pedagang|usaha|jualan)\s+/i, '').trim();
	return what.charAt(0).toUpperCase() + what.slice(1);
}

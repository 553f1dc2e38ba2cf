import type { Actor } from '../auth/actor';
import type { Community } from '../db/schema';
import { requireProgramStaff, programFor } from '../program/access';
import type { ProgramRepository } from '../program/program.repository';
import { listingScore, photosByProduct } from '../program/listing-rows';
import { checklistShopOf } from '../shops/checklist-shop';
import { profileComplete, shopChecklist } from '../../shop-checklist';
import { countLevels, countReached, funnelPosition, GOOD_LISTING_SCORE, regularSince, type FunnelFacts, type FunnelLevel } from './funnel';
import type { FunnelRepository } from './funnel.repository';
import { wibMidnight } from '../../utils/dates';

export interface FunnelMember {
	memberId: string;
	name: string;
	shopName: string;
	shopSlug: string;
	whatsapp: string | null;
	hasOwner: boolean;
	/** The owner has set a password and can log in (`/jual` opens for them); otherwise they need an invite first. */
	hasAccount: boolean;
	level: FunnelLevel;
	since: string;
	next: FunnelLevel | null;
}

export interface Funnel {
	members: FunnelMember[];
	/** Members standing at each level now. */
	counts: Record<string, number>;
	/** Members who have reached each level (accounts made, shops with a product live, shops with an order…). */
	reached: Record<string, number>;
}

const FOUR_WEEKS = 28 * 86_400_000;

/**
 * The adoption funnel of a community's members, from live data on every call. Staff (coordinator,
 * facilitator) of the community only; anyone else is told it does not exist (404). Other areas call
 * `countsForCommunity` / `forProgram` (the program dashboard, the evaluation report).
 */
export class FunnelService {
	constructor(
		private readonly funnel: FunnelRepository,
		private readonly programs: ProgramRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	/**
	 * The funnel now, or — with `asOf` — as it stood at that moment (a finished program's end): members listed
	 * later are left out and a step first reached later counts as not reached. The shop's profile has no history,
	 * so "profil lengkap" counts when the profile is complete now and was last changed before `asOf`.
	 */
	async forCommunity(actor: Actor, community: Pick<Community, 'id'>, asOf: Date | null = null): Promise<Funnel> {
		requireProgramStaff(actor, community.id);
		return this.compute(community.id, asOf);
	}

	/** The funnel of the community a program belongs to (404 unless the actor is staff there). */
	async forProgram(actor: Actor, programId: string): Promise<Funnel> {
		const program = await programFor(actor, this.programs, programId);
		return this.compute(program.community_id);
	}

	/** Only the counts per level (every measured level present), for dashboards and reports. */
	async countsForCommunity(actor: Actor, communityId: string): Promise<Record<string, number>> {
		requireProgramStaff(actor, communityId);
		return (await this.compute(communityId)).counts;
	}

	private async compute(communityId: string, asOf: Date | null = null): Promise<Funnel> {
		const now = asOf ?? this.clock();
		const until = asOf ? asOf.toISOString() : null;
		const [rows, products, photos, orders, recent, visited] = await Promise.all([
			this.funnel.members(communityId),
			this.funnel.listPublishedProducts(communityId),
			this.funnel.photoHints(communityId),
			this.funnel.orderSummaries(communityId),
			this.funnel.recentOrders(communityId, new Date(now.getTime() - FOUR_WEEKS).toISOString(), until),
			this.funnel.firstVisitorDays(communityId)
		]);
		const firstVisitByShop = new Map(visited.map((v) => [v.shop_id, new Date(wibMidnight(v.first_day)).toISOString()]));
		const hintsByProduct = photosByProduct(photos);
		const byShop = new Map<string, { count: number; firstAt: string | null; goodAt: string | null }>();
		for (const p of products) {
			const s = byShop.get(p.shop_id) ?? { count: 0, firstAt: null, goodAt: null };
			s.count++;
			const at = p.published_at ?? p.updated_at;
			if (!s.firstAt || at < s.firstAt) s.firstAt = at;
			const score = listingScore(p, hintsByProduct);
			if (score >= GOOD_LISTING_SCORE && (!s.goodAt || p.updated_at < s.goodAt)) s.goodAt = p.updated_at;
			byShop.set(p.shop_id, s);
		}
		const orderByShop = new Map(orders.map((o) => [o.shop_id, o]));
		const recentByShop = new Map<string, string[]>();
		for (const o of recent) recentByShop.set(o.shop_id, [...(recentByShop.get(o.shop_id) ?? []), o.created_at]);

		const allFacts: FunnelFacts[] = [];
		const listed = (r: (typeof rows)[number]) => (r.shop_created_at < r.member_created_at ? r.shop_created_at : r.member_created_at);
		const members = rows.filter((r) => until === null || listed(r) < until).map((r): FunnelMember => {
			const prod = byShop.get(r.shop_id);
			const ord = orderByShop.get(r.shop_id);
			const checklist = shopChecklist(checklistShopOf(r), prod?.count ?? 0);
			const reached: FunnelFacts = {
				// the member row may be younger than the shop (rows were backfilled for existing shops)
				invited: listed(r),
				account: r.password_hash ? (r.account_at ?? r.user_created_at ?? r.shop_created_at) : null,
				profile: profileComplete(checklist) ? r.shop_updated_at : null,
				first_product: prod?.firstAt ?? null,
				good_listing: prod?.goodAt ?? null,
				// the first counted visitor, or the first order (a visitor placed it, maybe before visits were counted)
				first_visitor: earliest(firstVisitByShop.get(r.shop_id) ?? null, ord?.first_order_at ?? null),
				first_order: ord?.first_order_at ?? null,
				first_completed: ord?.first_completed_at ?? null,
				regular: regularSince(recentByShop.get(r.shop_id) ?? [], now)
			};
			const facts = until === null ? reached : reachedBy(reached, until);
			allFacts.push(facts);
			const pos = funnelPosition(facts);
			return { memberId: r.member_id, name: r.person_name, shopName: r.shop_name, shopSlug: r.shop_slug, whatsapp: r.whatsapp, hasOwner: !!r.owner_user_id, hasAccount: !!r.owner_user_id && !!r.password_hash, ...pos };
		});
		return { members, counts: countLevels(members.map((m) => m.level)), reached: countReached(allFacts) };
	}
}

function earliest(a: string | null, b: string | null): string | null {
	if (!a) return b;
	if (!b) return a;
	return a < b ? a : b;
}

/** The facts as they stood just before `until`: a step first reached at or after it is not reached yet. */
function reachedBy(facts: FunnelFacts, until: string): FunnelFacts {
	const out = { ...facts };
	for (const key of Object.keys(out) as (keyof FunnelFacts)[]) if (key !== 'invited' && out[key] !== null && out[key]! >= until) out[key] = null;
	return out;
}


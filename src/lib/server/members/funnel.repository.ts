import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { LISTING_COLUMNS, type ListingRow } from '../program/listing-rows';

export interface FunnelMemberRow {
	member_id: string;
	person_name: string;
	member_created_at: string;
	shop_id: string;
	shop_name: string;
	shop_slug: string;
	whatsapp: string | null;
	owner_user_id: string | null;
	password_hash: string | null;
	/** When the owner's login was made (their first used setup link, else the account's creation). */
	account_at: string | null;
	user_created_at: string | null;
	shop_created_at: string;
	shop_updated_at: string;
	onboarding_step: number;
	logo: string | null;
	story: string;
	area: string | null;
	pickup_point: string | null;
	opening_hours: string | null;
	delivery: string;
	payment: string;
	shop_whatsapp: string;
}

/** A published product as the funnel reads it: what the listing score needs, plus its shop and dates. */
export type PublishedProductRow = ListingRow & {
	shop_id: string;
	published_at: string | null;
	updated_at: string;
};

export interface OrderSummaryRow {
	shop_id: string;
	first_order_at: string | null;
	first_completed_at: string | null;
}

/** Reads the facts the funnel is computed from, for a whole community at once (a few queries, not one per member). */
export class FunnelRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async members(communityId: string): Promise<FunnelMemberRow[]> {
		const rows = await this.db
			.selectFrom('member as m')
			.innerJoin('shop as s', 's.id', 'm.shop_id')
			.leftJoin('app_user as u', 'u.id', 's.owner_user_id')
			.select([
				'm.id as member_id',
				'm.person_name',
				'm.created_at as member_created_at',
				's.id as shop_id',
				's.name as shop_name',
				's.slug as shop_slug',
				sql<string | null>`coalesce(m.whatsapp, s.whatsapp)`.as('whatsapp'),
				's.owner_user_id',
				'u.password_hash',
				'u.created_at as user_created_at',
				's.created_at as shop_created_at',
				's.updated_at as shop_updated_at',
				's.onboarding_step',
				's.logo',
				's.story',
				's.area',
				's.pickup_point',
				's.opening_hours',
				's.delivery',
				's.payment',
				's.whatsapp as shop_whatsapp'
			])
			.select((eb) =>
				eb
					.selectFrom('setup_link as l')
					.select((e) => e.fn.min('l.used_at').as('at'))
					.whereRef('l.user_id', '=', 's.owner_user_id')
					.as('account_at')
			)
			.where('m.community_id', '=', communityId)
			.orderBy('m.person_name')
			.orderBy('m.id')
			.execute();
		return rows.map((r) => ({ ...r, onboarding_step: Number(r.onboarding_step), account_at: (r.account_at as string | null) ?? null }));
	}

	listPublishedProducts(communityId: string): Promise<PublishedProductRow[]> {
		return this.db
			.selectFrom('product')
			.select([...LISTING_COLUMNS, 'shop_id', 'published_at', 'updated_at'])
			.where('community_id', '=', communityId)
			.where('status', '=', 'published')
			.execute();
	}

	async photoHints(communityId: string): Promise<{ product_id: string; position: number; hints: string }[]> {
		return this.db
			.selectFrom('product_photo as ph')
			.innerJoin('product as p', 'p.id', 'ph.product_id')
			.select(['ph.product_id', 'ph.position', 'ph.hints'])
			.where('p.community_id', '=', communityId)
			.where('p.status', '=', 'published')
			.orderBy('ph.position')
			.execute();
	}

	async orderSummaries(communityId: string): Promise<OrderSummaryRow[]> {
		const rows = await this.db
			.selectFrom('shop_order')
			.select('shop_id')
			.select((eb) => eb.fn.min(eb.case().when('status', '!=', 'dibatalkan').then(eb.ref('created_at')).end()).as('first_order_at'))
			.select((eb) => eb.fn.min(eb.case().when('status', '=', 'selesai').then(eb.ref('updated_at')).end()).as('first_completed_at'))
			.where('community_id', '=', communityId)
			.groupBy('shop_id')
			.execute();
		return rows.map((r) => ({ shop_id: r.shop_id, first_order_at: (r.first_order_at as string | null) ?? null, first_completed_at: (r.first_completed_at as string | null) ?? null }));
	}

	/** Orders placed in `[sinceIso, untilIso)` (open end when null) and not cancelled. */
	recentOrders(communityId: string, sinceIso: string, untilIso: string | null = null): Promise<{ shop_id: string; created_at: string }[]> {
		return this.db
			.selectFrom('shop_order')
			.select(['shop_id', 'created_at'])
			.where('community_id', '=', communityId)
			.where('created_at', '>=', sinceIso)
			.$if(untilIso !== null, (q) => q.where('created_at', '<', untilIso!))
			.where('status', '!=', 'dibatalkan')
			.execute();
	}

	/** The first WIB day each shop of the community had a counted visitor (visit_daily, the shop's own scope). */
	async firstVisitorDays(communityId: string): Promise<{ shop_id: string; first_day: string }[]> {
		const rows = await this.db
			.selectFrom('visit_daily')
			.where('community_id', '=', communityId)
			.whereRef('scope_id', '=', 'shop_id')
			.where('visitors', '>', 0)
			.select((eb) => ['shop_id', eb.fn.min<string>('day').as('first_day')])
			.groupBy('shop_id')
			.execute();
		return rows.map((r) => ({ shop_id: r.shop_id!, first_day: r.first_day }));
	}
}

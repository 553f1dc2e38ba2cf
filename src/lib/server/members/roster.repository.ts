import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, NewShop } from '../db/schema';
import type { MemberTable } from '../db/schema-program';
import type { ExistingMember } from './member-import';

export type Member = Selectable<MemberTable>;
export type NewMember = Insertable<MemberTable>;
export type MemberUpdate = Updateable<MemberTable>;

/** One roster row: the member, their shop, and the shop owner's account (if any). */
export interface RosterRow extends Member {
	shop_slug: string;
	shop_name: string;
	business_type: string;
	shop_whatsapp: string;
	area: string | null;
	pickup_point: string | null;
	opening_hours: string | null;
	story: string;
	logo: string | null;
	delivery: string;
	payment: string;
	onboarding_step: number;
	shop_status: 'active' | 'hidden';
	owner_user_id: string | null;
	owner_name: string | null;
	owner_email: string | null;
	owner_whatsapp: string | null;
	password_hash: string | null;
	published: number;
}

/** SQL for the roster and the member profile; decides nothing about who may see it. */
export class RosterRepository {
	constructor(private readonly db: Kysely<DB>) {}

	private rosterQuery(communityId: string) {
		return this.db
			.selectFrom('member as m')
			.innerJoin('shop as s', 's.id', 'm.shop_id')
			.leftJoin('app_user as u', 'u.id', 's.owner_user_id')
			.selectAll('m')
			.select([
				's.slug as shop_slug',
				's.name as shop_name',
				's.business_type',
				's.whatsapp as shop_whatsapp',
				's.area',
				's.pickup_point',
				's.opening_hours',
				's.story',
				's.logo',
				's.delivery',
				's.payment',
				's.onboarding_step',
				's.status as shop_status',
				's.owner_user_id',
				'u.name as owner_name',
				'u.email as owner_email',
				'u.whatsapp as owner_whatsapp',
				'u.password_hash'
			])
			.select((eb) =>
				eb.selectFrom('product as p').select(eb.fn.countAll().as('n')).whereRef('p.shop_id', '=', 's.id').where('p.status', '=', 'published').as('published')
			)
			.where('m.community_id', '=', communityId);
	}

	async listRoster(communityId: string): Promise<RosterRow[]> {
		const rows = await this.rosterQuery(communityId).orderBy('m.person_name').orderBy('m.id').execute();
		return rows.map((r) => ({ ...r, published: Number(r.published ?? 0) }) as RosterRow);
	}

	async findRosterRow(communityId: string, memberId: string): Promise<RosterRow | undefined> {
		const r = await this.rosterQuery(communityId).where('m.id', '=', memberId).executeTakeFirst();
		return r ? ({ ...r, published: Number(r.published ?? 0) } as RosterRow) : undefined;
	}

	async updateMember(id: string, values: MemberUpdate): Promise<void> {
		await this.db.updateTable('member').set(values).where('id', '=', id).execute();
	}

	/** Gives a shop without an owner to `userId`; false when it has one already (someone else was first). */
	async handShopTo(shopId: string, userId: string, at: string, membership: { id: string; community_id: string }): Promise<boolean> {
		// one transaction: whoever sees the shop's owner also finds her a seller of the community (a concurrent
		// check-in of the same member issues her first password as soon as it sees the owner)
		return this.db.transaction().execute(async (trx) => {
			const r = await trx.updateTable('shop').set({ owner_user_id: userId, updated_at: at }).where('id', '=', shopId).where('owner_user_id', 'is', null).executeTakeFirst();
			if (Number(r.numUpdatedRows) !== 1) return false;
			await trx
				.insertInto('membership')
				.values({ ...membership, user_id: userId, role: 'seller', created_at: at })
				.onConflict((oc) => oc.columns(['user_id', 'community_id', 'role']).doNothing())
				.execute();
			return true;
		});
	}

	/** Removes an account made a moment ago that lost the race for its shop (no password, session or membership yet). */
	async removeUnusedUser(userId: string): Promise<void> {
		await this.db.deleteFrom('app_user').where('id', '=', userId).where('password_hash', 'is', null).execute();
	}

	/** WhatsApp numbers already used by a member or a shop of the community (for duplicate checks). */
	async shopSlugs(communityId: string): Promise<Set<string>> {
		const rows = await this.db.selectFrom('shop').select('slug').where('community_id', '=', communityId).execute();
		return new Set(rows.map((r) => r.slug));
	}

	/** Imports shops with their members and updates members already there, in one transaction: all rows or none. */
	async importMembers(rows: { shop: NewShop; member: NewMember }[], updates: { memberId: string; set: MemberUpdate }[] = []): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			for (let i = 0; i < rows.length; i += 200) {
				const chunk = rows.slice(i, i + 200);
				await trx.insertInto('shop').values(chunk.map((r) => r.shop)).execute();
				await trx.insertInto('member').values(chunk.map((r) => r.member)).execute();
			}
			for (const u of updates) await trx.updateTable('member').set(u.set).where('id', '=', u.memberId).execute();
		});
	}

	/** The community's members by every WhatsApp number that is theirs: their own, and their shop's. */
	async membersByWhatsapp(communityId: string): Promise<Map<string, ExistingMember>> {
		const rows = await this.db
			.selectFrom('member as m')
			.innerJoin('shop as s', 's.id', 'm.shop_id')
			.select(['m.id', 'm.person_name', 'm.rw', 'm.nib', 'm.pirt', 'm.halal', 'm.capital', 'm.annual_sales', 'm.channel_before', 'm.whatsapp', 's.whatsapp as shop_whatsapp'])
			.where('m.community_id', '=', communityId)
			.execute();
		const byNumber = new Map<string, ExistingMember>();
		for (const { whatsapp, shop_whatsapp, ...m } of rows) {
			for (const n of [whatsapp, shop_whatsapp]) if (n && !byNumber.has(n)) byNumber.set(n, { ...m, capital: m.capital === null ? null : Number(m.capital), annual_sales: m.annual_sales === null ? null : Number(m.annual_sales) });
		}
		return byNumber;
	}
}

import type { Insertable, Kysely } from 'kysely';
import type { PaymentChangeTable, ShopChangeTable, WhatsappChangeTable } from '../db/schema-security';
import type { DB, NewShop, Shop, ShopUpdate } from '../db/schema';
import type { MemberTable } from '../db/schema-program';

type NewMember = Insertable<MemberTable>;

export interface ShopWithCount extends Shop {
	product_count: number;
}

export class ShopRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/** Inserts the shop together with its roster row, so no shop ever exists without its member. */
	async insert(values: NewShop, member: Omit<NewMember, 'shop_id' | 'community_id'>): Promise<Shop> {
		return this.db.transaction().execute(async (trx) => {
			const shop = await trx.insertInto('shop').values(values).returningAll().executeTakeFirstOrThrow();
			await trx.insertInto('member').values({ ...member, shop_id: shop.id, community_id: shop.community_id }).execute();
			return shop;
		});
	}

	findById(id: string): Promise<Shop | undefined> {
		return this.db.selectFrom('shop').selectAll().where('id', '=', id).executeTakeFirst();
	}

	async slugTaken(communityId: string, slug: string): Promise<boolean> {
		return !!(await this.db.selectFrom('shop').select('id').where('community_id', '=', communityId).where('slug', '=', slug).executeTakeFirst());
	}

	listByOwner(userId: string): Promise<Shop[]> {
		return this.db.selectFrom('shop').selectAll().where('owner_user_id', '=', userId).orderBy('created_at').execute();
	}

	async update(id: string, values: ShopUpdate, changes: Insertable<ShopChangeTable>[] = []): Promise<Shop> {
		if (changes.length === 0) return this.db.updateTable('shop').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
		// The change and its record in one transaction (all or nothing).
		return this.db.transaction().execute(async (trx) => {
			const shop = await trx.updateTable('shop').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
			await trx.insertInto('shop_change').values(changes).execute();
			return shop;
		});
	}

	/** The newest changes of a shop by someone other than its owner first. */
	listShopChanges(shopId: string, limit: number) {
		return this.db.selectFrom('shop_change').selectAll().where('shop_id', '=', shopId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
	}

	/** Changes a shop and records the change of its payment details in the same transaction (all or nothing). */
	async updateWithPaymentChange(id: string, values: ShopUpdate, change: Insertable<PaymentChangeTable>): Promise<Shop> {
		return this.db.transaction().execute(async (trx) => {
			const shop = await trx.updateTable('shop').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
			await trx.insertInto('payment_change').values(change).execute();
			return shop;
		});
	}

	/** Changes a shop's WhatsApp number and records the change in the same transaction (all or nothing). */
	async updateWithWhatsappChange(id: string, values: ShopUpdate, change: Insertable<WhatsappChangeTable>): Promise<Shop> {
		return this.db.transaction().execute(async (trx) => {
			const shop = await trx.updateTable('shop').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
			await trx.insertInto('whatsapp_change').values(change).execute();
			return shop;
		});
	}

	/** The newest changes of a shop's WhatsApp number first. */
	listWhatsappChanges(shopId: string, limit: number) {
		return this.db.selectFrom('whatsapp_change').selectAll().where('shop_id', '=', shopId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
	}

	/** The newest changes of a shop's payment details first. */
	listPaymentChanges(shopId: string, limit: number) {
		return this.db.selectFrom('payment_change').selectAll().where('shop_id', '=', shopId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
	}

	async findActiveBySlug(communityId: string, slug: string): Promise<Shop | undefined> {
		return this.db
			.selectFrom('shop')
			.selectAll()
			.where('community_id', '=', communityId)
			.where('slug', '=', slug)
			.where('status', '=', 'active')
			.executeTakeFirst();
	}

	/** How many products the shop shows buyers. */
	async countPublished(shopId: string): Promise<number> {
		const row = await this.db.selectFrom('product').select((eb) => eb.fn.countAll().as('n')).where('shop_id', '=', shopId).where('status', '=', 'published').executeTakeFirst();
		return Number(row?.n ?? 0);
	}

	async listActiveByCommunity(communityId: string): Promise<ShopWithCount[]> {
		const rows = await this.db
			.selectFrom('shop as s')
			.selectAll('s')
			.select((eb) =>
				eb
					.selectFrom('product as p')
					.select(eb.fn.countAll().as('n'))
					.whereRef('p.shop_id', '=', 's.id')
					.where('p.status', '=', 'published')
					.as('product_count')
			)
			.where('s.community_id', '=', communityId)
			.where('s.status', '=', 'active')
			.orderBy('s.name')
			.execute();
		return rows.map((r) => ({ ...r, product_count: Number(r.product_count) }));
	}
}

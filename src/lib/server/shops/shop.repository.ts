import type { Kysely } from 'kysely';
import type { DB, NewShop, Shop, ShopUpdate } from '../db/schema';

export interface ShopWithCount extends Shop {
	product_count: number;
}

export class ShopRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async insert(values: NewShop): Promise<Shop> {
		return this.db.insertInto('shop').values(values).returningAll().executeTakeFirstOrThrow();
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

	async update(id: string, values: ShopUpdate): Promise<Shop> {
		return this.db.updateTable('shop').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
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

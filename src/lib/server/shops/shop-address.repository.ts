import type { Kysely } from 'kysely';
import type { DB, Shop } from '../db/schema';

/** A shop's address (slug) and the earlier addresses that still lead to it (`shop_slug_redirect`). */
export class ShopAddressRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/** Taken: another shop uses it now, or it is an earlier address of another shop (which keeps redirecting). */
	async unavailable(communityId: string, shopId: string, slug: string): Promise<boolean> {
		const [shop, redirect] = await Promise.all([
			this.db.selectFrom('shop').select('id').where('community_id', '=', communityId).where('slug', '=', slug).executeTakeFirst(),
			this.db.selectFrom('shop_slug_redirect').select('shop_id').where('community_id', '=', communityId).where('old_slug', '=', slug).where('shop_id', '!=', shopId).executeTakeFirst()
		]);
		return !!(shop || redirect);
	}

	/**
	 * Moves a shop to a new slug in one transaction: the old slug becomes a redirect to this shop, and a
	 * redirect that pointed the new slug at this shop (a name given back) is removed, since the slug is live again.
	 */
	async move(shop: Shop, to: string, at: string): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			await trx.deleteFrom('shop_slug_redirect').where('community_id', '=', shop.community_id).where('old_slug', '=', to).where('shop_id', '=', shop.id).execute();
			await trx
				.insertInto('shop_slug_redirect')
				.values({ community_id: shop.community_id, old_slug: shop.slug, shop_id: shop.id, created_at: at })
				.onConflict((oc) => oc.columns(['community_id', 'old_slug']).doUpdateSet({ shop_id: shop.id, created_at: at }))
				.execute();
			await trx.updateTable('shop').set({ slug: to, updated_at: at }).where('id', '=', shop.id).execute();
		});
	}

	/** The current slug of the active shop that an earlier slug of this community leads to. */
	async currentSlug(communityId: string, oldSlug: string): Promise<string | undefined> {
		const row = await this.db
			.selectFrom('shop_slug_redirect as r')
			.innerJoin('shop as s', 's.id', 'r.shop_id')
			.select('s.slug')
			.where('r.community_id', '=', communityId)
			.where('r.old_slug', '=', oldSlug)
			.where('s.status', '=', 'active')
			.executeTakeFirst();
		return row?.slug;
	}
}

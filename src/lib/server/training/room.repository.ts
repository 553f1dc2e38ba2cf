import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Per shop: when its first photo was added (draft or live product) and when its first product with a photo went live. */
export interface ShopStepTimes {
	photoAt: string | null;
	publishedAt: string | null;
}

/** Kysely I/O for the facilitator's list of the room: the step times the board itself does not need. */
export class RoomRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/** First photo and first publish (with a photo) per shop of the community; archived products left out. */
	async shopStepTimes(communityId: string): Promise<Map<string, ShopStepTimes>> {
		const rows = await this.db
			.selectFrom('product as p')
			.innerJoin('product_photo as ph', 'ph.product_id', 'p.id')
			.select(['p.shop_id', 'p.status', 'p.published_at', 'p.updated_at'])
			.select((eb) => eb.fn.min('ph.created_at').as('photo_at'))
			.where('p.community_id', '=', communityId)
			.where('p.status', 'in', ['draft', 'published'])
			.groupBy(['p.id', 'p.shop_id', 'p.status', 'p.published_at', 'p.updated_at'])
			.execute();
		const out = new Map<string, ShopStepTimes>();
		const min = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
		for (const r of rows) {
			const t = out.get(r.shop_id) ?? { photoAt: null, publishedAt: null };
			t.photoAt = min(t.photoAt, (r.photo_at as string | null) ?? null);
			if (r.status === 'published') t.publishedAt = min(t.publishedAt, r.published_at ?? r.updated_at);
			out.set(r.shop_id, t);
		}
		return out;
	}

	/**
	 * What each shop of the community did between `from` and `to` (ISO; the training day in WIB): when its products
	 * with a photo were published (published_at in the window, status still published) and when photos were
	 * uploaded (product_photo.created_at in the window, archived products left out). Sorted oldest first.
	 */
	async dayActivity(communityId: string, from: string, to: string): Promise<Map<string, { publishedAts: string[]; photoAts: string[] }>> {
		const [published, photos] = await Promise.all([
			this.db
				.selectFrom('product as p')
				.select(['p.shop_id', 'p.published_at'])
				.where('p.community_id', '=', communityId)
				.where('p.status', '=', 'published')
				.where('p.published_at', '>=', from)
				.where('p.published_at', '<', to)
				.where((eb) => eb.exists(eb.selectFrom('product_photo as ph').select('ph.id').whereRef('ph.product_id', '=', 'p.id')))
				.orderBy('p.published_at')
				.execute(),
			this.db
				.selectFrom('product_photo as ph')
				.innerJoin('product as p', 'p.id', 'ph.product_id')
				.select(['p.shop_id', 'ph.created_at'])
				.where('p.community_id', '=', communityId)
				.where('p.status', 'in', ['draft', 'published'])
				.where('ph.created_at', '>=', from)
				.where('ph.created_at', '<', to)
				.orderBy('ph.created_at')
				.execute()
		]);
		const out = new Map<string, { publishedAts: string[]; photoAts: string[] }>();
		const of = (shop: string) => out.get(shop) ?? out.set(shop, { publishedAts: [], photoAts: [] }).get(shop)!;
		for (const r of published) if (r.published_at) of(r.shop_id).publishedAts.push(r.published_at);
		for (const r of photos) of(r.shop_id).photoAts.push(r.created_at);
		return out;
	}
}

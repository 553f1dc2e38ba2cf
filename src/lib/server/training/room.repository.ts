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
}

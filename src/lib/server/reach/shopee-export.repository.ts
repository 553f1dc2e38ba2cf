import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { ShopeeExportTable } from '../db/schema-reach';

export type ShopeeExport = Selectable<ShopeeExportTable>;

/** The record of Shopee files handed out. SQL only: who may export is the service's rule. */
export class ShopeeExportRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async insert(row: Insertable<ShopeeExportTable>): Promise<void> {
		await this.db.insertInto('shopee_export').values(row).execute();
	}

	/** The shop's most recent exports, newest first. */
	listByShop(shopId: string, limit: number): Promise<ShopeeExport[]> {
		return this.db.selectFrom('shopee_export').selectAll().where('shop_id', '=', shopId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
	}

	/**
	 * Shops of the community with at least one export holding a product — the program's "marketed on Shopee" — with
	 * the first such export's time; with `untilIso`, only exports before it.
	 */
	async shopsMarketed(communityId: string, untilIso: string | null = null): Promise<{ shopId: string; firstAt: string }[]> {
		const rows = await this.db
			.selectFrom('shopee_export')
			.where('community_id', '=', communityId)
			.where('exported_count', '>', 0)
			.$if(untilIso !== null, (q) => q.where('created_at', '<', untilIso!))
			.select((eb) => ['shop_id', eb.fn.min<string>('created_at').as('first_at')])
			.groupBy('shop_id')
			.execute();
		return rows.map((r) => ({ shopId: r.shop_id, firstAt: r.first_at }));
	}
}

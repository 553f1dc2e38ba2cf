import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { ShopeeExportTable } from '../db/schema-reach';

export type ShopeeExport = Selectable<ShopeeExportTable>;

/** The record of Shopee files handed out. SQL only: who may export is the service's rule. */
export class ShopeeExportRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/**
	 * Records a file unless the same one was already recorded within `[sinceIso, untilIso)` (the WIB day): same shop,
	 * same person, same kind, same numbers of products in and left out. A reload or a second tap on "Unduh" is then
	 * one record, not two. Returns whether a row was written.
	 */
	async insertUnlessRepeat(row: Insertable<ShopeeExportTable>, sinceIso: string, untilIso: string): Promise<boolean> {
		return this.db.transaction().execute(async (trx) => {
			const same = await trx
				.selectFrom('shopee_export')
				.select('id')
				.where('shop_id', '=', row.shop_id)
				.where('kind', '=', row.kind)
				.where('exported_count', '=', row.exported_count)
				.where('skipped_count', '=', row.skipped_count)
				.where((eb) => (row.created_by ? eb('created_by', '=', row.created_by) : eb('created_by', 'is', null)))
				.where('created_at', '>=', sinceIso)
				.where('created_at', '<', untilIso)
				.limit(1)
				.executeTakeFirst();
			if (same) return false;
			await trx.insertInto('shopee_export').values(row).execute();
			return true;
		});
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

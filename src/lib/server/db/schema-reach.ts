/**
 * Reach beyond the village (issue 10). Each part of the issue adds its own tables here.
 */
export interface ReachTables {
	shopee_export: ShopeeExportTable;
}

/**
 * One Shopee bulk-upload file handed out (migration 0023-shopee-export): which shop, when, who asked, whether the
 * seller's own Seller Centre template was filled or the built-in workbook, and how many products went in / were left
 * out. The program's "shops marketed on Shopee" counts shops with an export of at least one product.
 */
export interface ShopeeExportTable {
	/** `shx_…` */
	id: string;
	shop_id: string;
	community_id: string;
	/** The account that downloaded it (the seller, or a coordinator helping); null for the system. */
	created_by: string | null;
	kind: 'template' | 'fallback';
	/** Products written (a product with variants counts once, whatever its rows). */
	exported_count: number;
	/** Products left out because something must be fixed first. */
	skipped_count: number;
	created_at: string;
}

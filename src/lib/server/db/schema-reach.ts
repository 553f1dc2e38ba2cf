/**
 * Reach beyond the village (issue 10). Each part of the issue adds its own tables here.
 */
export interface ReachTables {
	shopee_export: ShopeeExportTable;
	visit_daily: VisitDailyTable;
	visit_unique: VisitUniqueTable;
	visit_event: VisitEventTable;
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

/** Where a visitor came from: `?src=` on the link, else the referring site, else direct. */
export type VisitSource = 'whatsapp' | 'poster' | 'shopee' | 'search' | 'social' | 'direct';

/**
 * Views and visitors of one day (WIB) in one scope from one source (migration 0030-visits). A scope is the community
 * (catalog pages, and every page below it), a shop (its page and its products' pages) or a product (its page):
 * `scope_id` is that community's, shop's or product's id. `visitors` counts visitors whose first view of the scope
 * that day came from this source, so the sources of a day add up to its visitors.
 */
export interface VisitDailyTable {
	/** `YYYY-MM-DD` in WIB */
	day: string;
	scope_id: string;
	source: VisitSource;
	community_id: string;
	/** Set for a shop or product scope. */
	shop_id: string | null;
	/** Set for a product scope. */
	product_id: string | null;
	views: number;
	visitors: number;
}

/**
 * Who was already counted today in a scope: an HMAC of address + user agent under a salt that exists only in the
 * server's memory for that WIB day. Neither the address nor the user agent is stored; rows of past days are deleted.
 */
export interface VisitUniqueTable {
	day: string;
	scope_id: string;
	visitor_hash: string;
}

/** WhatsApp-button clicks and add-to-cart of one shop on one day (WIB). Orders come from shop_order. */
export interface VisitEventTable {
	day: string;
	shop_id: string;
	community_id: string;
	kind: 'whatsapp_click' | 'add_to_cart';
	count: number;
}

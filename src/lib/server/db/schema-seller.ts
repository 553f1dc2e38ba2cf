/**
 * Tables of the seller area (issue 7), created by migration 0005-seller. Engineer FIELD may append theirs.
 */
export interface SellerTables {
	shop_slug_redirect: ShopSlugRedirectTable;
	push_subscription: PushSubscriptionTable;
	app_secret: AppSecretTable;
}

/** A shop's earlier address: /c/{community}/toko/{old_slug} answers 301 to the shop's current slug. */
export interface ShopSlugRedirectTable {
	community_id: string;
	old_slug: string;
	shop_id: string;
	created_at: string;
}

/** One browser (phone) of a seller that asked to be told of new orders by Web Push. */
export interface PushSubscriptionTable {
	id: string;
	user_id: string;
	shop_id: string;
	/** The push service URL the browser gave; unique per shop (0013-push), so subscribing again replaces that shop's keys. */
	endpoint: string;
	p256dh: string;
	auth: string;
	created_at: string;
}

/** Secrets the server makes for itself on first start (the VAPID key pair for Web Push). */
export interface AppSecretTable {
	name: string;
	value: string;
	created_at: string;
}

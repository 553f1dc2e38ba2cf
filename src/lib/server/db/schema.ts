import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { SecurityTables } from './schema-security';
import type { SellerTables } from './schema-seller';
import type { ProgramTables } from './schema-program';
import type { TrainingTables } from './schema-training';
import type { MembersTables } from './schema-members';
import type { CashbookTables } from './schema-cashbook';
import type { ReachTables } from './schema-reach';
import type { AdminTables } from './schema-admin';

/**
 * The database as TypeScript sees it. Conventions that hold on both SQLite and PostgreSQL:
 * ids are prefixed text made in TypeScript, money is integer rupiah, time is ISO-8601 UTC text,
 * booleans are 0/1 integers and JSON is text.
 */
export interface DB extends SecurityTables, SellerTables, ProgramTables, TrainingTables, MembersTables, CashbookTables, ReachTables, AdminTables {
	community: CommunityTable;
	category: CategoryTable;
	shop: ShopTable;
	product: ProductTable;
	product_photo: ProductPhotoTable;
	product_variant: ProductVariantTable;
	app_user: UserTable;
	membership: MembershipTable;
	session: SessionTable;
	setup_link: SetupLinkTable;
	login_throttle: LoginThrottleTable;
	checkout: CheckoutTable;
	shop_order: ShopOrderTable;
	order_item: OrderItemTable;
	order_event: OrderEventTable;
}

export type Dialect = 'sqlite' | 'postgres';

export interface CommunityTable {
	id: string;
	slug: string;
	name: string;
	/** Kemendagri code `PP.KK.CC.XNNN`; the only safe way to tell the five Cigadungs apart. */
	region_code: string;
	kind: 'kelurahan' | 'desa';
	district: string;
	regency: string;
	province: string;
	group_name: string | null;
	is_demo: ColumnType<number, number | undefined, number>;
	/** Bumped by triggers on every change buyers can see; cached pages are keyed by it. */
	catalog_version: ColumnType<number, number | undefined, number>;
	/** Bumped by triggers when only a stock count moved (not across zero): pages that show counts are keyed by it too. */
	stock_version: ColumnType<number, number | undefined, number>;
	created_at: string;
	updated_at: string;
}

export interface CategoryTable {
	slug: string;
	position: number;
}

export interface ShopTable {
	id: string;
	community_id: string;
	slug: string;
	name: string;
	business_type: string;
	/** E.164 digits without plus, e.g. `6281234567890`. */
	whatsapp: string;
	area: string | null;
	story: string;
	/** JSON `PhotoVariant[]` of the logo, or null. */
	logo: string | null;
	nib: string | null;
	status: 'active' | 'hidden';
	owner_user_id: ColumnType<string | null, string | null | undefined, string | null>;
	pickup_point: ColumnType<string | null, string | null | undefined, string | null>;
	opening_hours: ColumnType<string | null, string | null | undefined, string | null>;
	/** JSON `DeliveryOptions`. */
	delivery: ColumnType<string, string | undefined, string>;
	/** JSON `PaymentOptions`. */
	payment: ColumnType<string, string | undefined, string>;
	/** Last onboarding step the seller finished (0 = not started). */
	onboarding_step: ColumnType<number, number | undefined, number>;
	/** Set while a platform admin has suspended the shop (status is then hidden); its seller reads it (0034-admin-audit). */
	suspended_reason: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: string;
	updated_at: string;
}

export type ProductStatus = 'draft' | 'published' | 'archived';

export interface ProductTable {
	id: string;
	community_id: string;
	shop_id: string;
	slug: string;
	name: string;
	category_slug: string;
	price: number;
	unit: string;
	/** null when the product is made to order (no stock is kept). */
	stock: number | null;
	made_to_order: ColumnType<number, number | undefined, number>;
	lead_time_days: ColumnType<number, number | undefined, number>;
	weight_grams: number | null;
	description: string;
	shelf_life: string | null;
	ingredients: string | null;
	pirt: string | null;
	halal: string | null;
	bpom: string | null;
	/** What the variants differ in, e.g. "Rasa" or "Ukuran" (≤ 14 characters, Shopee's limit). */
	variant_title: ColumnType<string | null, string | null | undefined, string | null>;
	status: ProductStatus;
	/** Set while a platform admin has suspended the product: it cannot be published (0034-admin-audit). */
	suspended_reason: ColumnType<string | null, string | null | undefined, string | null>;
	/** The status it had when suspended, given back on restore. */
	suspended_status: ColumnType<ProductStatus | null, ProductStatus | null | undefined, ProductStatus | null>;
	/** Normalised raw + canonical + stemmed words of the name, and of everything else; indexed per dialect. */
	search_name: string;
	search_body: string;
	/** The category's words (both languages): the lowest-ranked tier of search (migration 0005-seller). */
	search_category: ColumnType<string, string | undefined, string>;
	published_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface ProductPhotoTable {
	id: string;
	product_id: string;
	position: number;
	width: number;
	height: number;
	/** JSON `PhotoVariant[]`. */
	variants: string;
	/** JSON array of coaching hint codes found at upload. */
	hints: ColumnType<string, string | undefined, string>;
	created_at: string;
}

export type Community = Selectable<CommunityTable>;
export type NewCommunity = Insertable<CommunityTable>;
export type Shop = Selectable<ShopTable>;
export type NewShop = Insertable<ShopTable>;
export type ShopUpdate = Updateable<ShopTable>;
export type Product = Selectable<ProductTable>;
export type NewProduct = Insertable<ProductTable>;
export type ProductPhoto = Selectable<ProductPhotoTable>;

export interface ProductVariantTable {
	id: string;
	product_id: string;
	label: string;
	price: number;
	stock: number | null;
	position: number;
}

export type Role = 'coordinator' | 'facilitator' | 'seller';

export interface UserTable {
	id: string;
	name: string;
	email: string | null;
	whatsapp: string | null;
	/** argon2id; null until the person sets a password through their setup link. */
	password_hash: string | null;
	is_platform_admin: ColumnType<number, number | undefined, number>;
	created_at: string;
	updated_at: string;
}

export interface MembershipTable {
	id: string;
	user_id: string;
	community_id: string;
	role: Role;
	created_at: string;
}

/** Sessions and API tokens: only the SHA-256 of the random token is stored. */
export interface SessionTable {
	token_hash: string;
	user_id: string;
	kind: 'cookie' | 'api';
	created_at: string;
	expires_at: string;
	last_seen_at: string;
}

export interface SetupLinkTable {
	token_hash: string;
	user_id: string;
	purpose: 'invite' | 'reset';
	created_by: string | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface LoginThrottleTable {
	key: string;
	failures: number;
	window_started_at: string;
}

export type User = Selectable<UserTable>;
export type ProductVariant = Selectable<ProductVariantTable>;

export type OrderStatus = 'baru' | 'dikonfirmasi' | 'disiapkan' | 'dikirim' | 'siap_diambil' | 'selesai' | 'dibatalkan';
export type DeliveryMethod = 'pickup' | 'local' | 'courier';
export type PaymentMethod = 'cod' | 'transfer' | 'qris';

export interface CheckoutTable {
	id: string;
	code: string;
	/** The status page's secret (in the buyer's link). Kept so a retried checkout can answer with the same link. */
	token: string;
	community_id: string;
	idempotency_key: string;
	buyer_name: string;
	buyer_whatsapp: string;
	note: ColumnType<string, string | undefined, string>;
	created_at: string;
	/** sha256 of the community and the canonical request body the Idempotency-Key was first used with (0004-security). */
	request_fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ShopOrderTable {
	id: string;
	code: string;
	checkout_id: string;
	community_id: string;
	shop_id: string;
	status: OrderStatus;
	delivery: DeliveryMethod;
	address: ColumnType<string, string | undefined, string>;
	delivery_fee: number;
	payment_method: PaymentMethod;
	paid_at: string | null;
	/** JSON `PhotoVariant[]` of the buyer's transfer receipt photo, if any. */
	payment_proof: ColumnType<string | null, string | null | undefined, string | null>;
	/** The buyer's note to this shop only (0012-field). */
	note: ColumnType<string, string | undefined, string>;
	subtotal: number;
	total: number;
	item_count: number;
	/** 1 once a cancellation has put the stock back, so it happens exactly once. */
	restocked: ColumnType<number, number | undefined, number>;
	created_at: string;
	updated_at: string;
}

export interface OrderItemTable {
	id: string;
	order_id: string;
	product_id: string;
	variant_id: string | null;
	name: string;
	variant_label: string | null;
	unit: string;
	price: number;
	quantity: number;
	line_total: number;
}

export interface OrderEventTable {
	id: string;
	order_id: string;
	status: string;
	note: ColumnType<string, string | undefined, string>;
	by_user_id: string | null;
	at: string;
}

export type ShopOrder = Selectable<ShopOrderTable>;
export type OrderItem = Selectable<OrderItemTable>;
export type Checkout = Selectable<CheckoutTable>;

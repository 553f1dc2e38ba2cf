import type { Actor } from '../auth/actor';
import { requireCommunityRole, requireShopManager, requireShopManagerOr, requireUser } from '../auth/guards';
import type { Community, OrderItem, OrderStatus, Product, ProductVariant, Shop, ShopOrder } from '../db/schema';
import { BusyError, DomainError, NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import { formatRupiah } from '../../utils/money';
import { checkoutSchema, idempotencyKeySchema, missingAddresses, type CheckoutInput } from '../../validation/checkout';
import { toFieldIssues } from '../../validation/issues';
import { parseInput } from '../validate';
import { cleanText } from '../../validation/text';
import { newToken } from '../accounts/tokens';
import { requestFingerprint } from '../security/fingerprint';
import { RateLimitedError, type RateLimiter, type RateRule } from '../security/rate-limit';
import { readDelivery, readPayment, type PaymentOptions } from '../shops/shop.service';
import type { ProductRepository } from '../catalog/product.repository';
import type { ShopRepository } from '../shops/shop.repository';
import { SAMPLE_QRIS_NMID, toDynamicQris } from '../payments/qris';
import { openStatusLink, shopOrderToken } from './status-link';
import type { MediaStorage } from '../media/storage';
import { parseVariants, type ImageRef } from '../catalog/product-card';
import { OrderRepository, type PlannedLine, type PlannedOrder } from './order.repository';
import { ORDER_CAPS } from './caps';
import { shopDisplay } from '../shops/shop-display';
import { ordersPlaced } from '../observability/metrics';

/** Anonymous checkouts per client address (generous: a village may share one mobile address) and per buyer number; receipts per order. */
export const CHECKOUT_LIMITS = {
	/** Per (community, client address): a village shares one carrier address, and one village's flood must not hold up another. */
	perAddress: { name: 'checkout-addr-c', limit: 20, windowMs: 10 * 60_000 },
	/** Per (client address, buyer number): a stranger using someone's number from elsewhere cannot lock that buyer out. */
	perWhatsapp: { name: 'checkout-wa-addr', limit: 5, windowMs: 10 * 60_000 },
	/** ACCEPTED transfer receipts per order (a refused file does not spend one: see PaymentProofService.upload). */
	receiptPerOrder: { name: 'receipt-order', limit: 5, windowMs: 60 * 60_000 },
	/** REFUSED receipt files (not a photo, too large, unreadable) per client address: they cost image work too. */
	receiptRefusedPerAddress: { name: 'receipt-refused-addr', limit: 20, windowMs: 60 * 60_000 }
} satisfies Record<string, RateRule>;
/** The claim an idempotency key's first request holds while it places the checkout (rate_limit row, hits 0). */
const CHECKOUT_CLAIM = 'checkout-claim';
/**
 * A claim this old belongs to a request that died (a killed process, PostgreSQL restarted before the claim could be
 * given back); the next replay takes it over. Taking over a slow live request's claim duplicates nothing: the unique
 * (community, key) lets one checkout in and the other answers with it. A checkout takes well under a second, and the
 * buyer whose answer was lost in a crash is answered by her retry within this (fault test: was 30 s → ~34 s waits).
 */
const CLAIM_STALE_MS = 10_000;
/** How long a replay waits for the request holding the claim before answering 503 (try again): past a stale claim. */
const CLAIM_WAIT_MS = 12_000;

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Forward steps a seller may take; "dibatalkan" is possible from any status before "selesai". */
const NEXT: Record<OrderStatus, OrderStatus[]> = {
	baru: ['dikonfirmasi', 'disiapkan', 'dikirim', 'siap_diambil', 'selesai'],
	dikonfirmasi: ['disiapkan', 'dikirim', 'siap_diambil', 'selesai'],
	disiapkan: ['dikirim', 'siap_diambil', 'selesai'],
	dikirim: ['selesai'],
	siap_diambil: ['selesai'],
	selesai: [],
	dibatalkan: []
};

/**
 * Whether an order may move from one status to another: forward along NEXT, or cancelled while not finished or
 * cancelled already (a completed order is cancelled only with a reason, `withReason`, through the inbox's cancel).
 */
export function canMove(from: OrderStatus, to: OrderStatus, withReason = false): boolean {
	if (to === 'dibatalkan') return from !== 'dibatalkan' && (from !== 'selesai' || withReason);
	return NEXT[from].includes(to);
}

export interface OrderView {
	id: string;
	code: string;
	status: OrderStatus;
	createdAt: string;
	shop: { id: string; slug: string; name: string; whatsapp: string };
	items: { name: string; variantLabel: string | null; unit: string; price: number; quantity: number; lineTotal: number }[];
	delivery: ShopOrder['delivery'];
	address: string;
	deliveryFee: number;
	subtotal: number;
	total: number;
	paid: boolean;
	/** The size of the buyer's receipt photo, when one was sent; its bytes come only through PaymentProofService. */
	paymentProof: { width: number; height: number } | null;
	payment: { method: ShopOrder['payment_method']; qris?: string; merchantName?: string; qrisSample?: boolean; transfer?: PaymentOptions['transfer'] };
	pickupPoint: string | null;
	openingHours: string | null;
	/** The shop's logo (square), or null when the seller has none. */
	shopLogo: ImageRef | null;
	/** What the buyer wrote to this shop (or, from an API client that sent one note for all, that note). */
	note: string;
	/** Why the seller cancelled (the buyer reads it); null unless the order is cancelled with a reason. */
	cancelReason: string | null;
}

export interface CheckoutView {
	code: string;
	communityId: string;
	token: string;
	buyer: { name: string; whatsapp: string };
	note: string;
	createdAt: string;
	orders: OrderView[];
}

/**
 * Orders: a checkout across several shops of one community becomes one order per shop, priced from the
 * database, with stock taken atomically and duplicates prevented by an idempotency key.
 */
export class OrderService {
	constructor(
		private readonly orders: OrderRepository,
		private readonly products: ProductRepository,
		private readonly shops: ShopRepository,
		private readonly storage: MediaStorage,
		private readonly limiter: RateLimiter,
		private readonly clock: () => Date = () => new Date()
	) {}

	/**
	 * Places a checkout. The same idempotency key (a double tap, a retried request) returns the same
	 * checkout. Anyone may order; prices, delivery fees and what each shop offers come from the database.
	 */
	async checkout(actor: Actor, community: Community, input: CheckoutInput, idempotencyKey: string): Promise<CheckoutView> {
		return (await this.placeCheckout(actor, community, input, idempotencyKey)).view;
	}

	/**
	 * Whether a checkout was already placed in this community with this idempotency key — the key of the cart page
	 * the buyer is holding. A page brought back (Back, a restored tab) after its order was placed says so instead of
	 * "the cart changed". Reveals only that, and only to someone holding the key. Public.
	 */
	async isPlacedWithKey(_actor: Actor, community: Pick<Community, 'id'>, idempotencyKey: string): Promise<boolean> {
		const key = idempotencyKeySchema.safeParse(idempotencyKey);
		return key.success && (await this.orders.findCheckoutByKey(community.id, key.data)) !== undefined;
	}

	/**
	 * Places a checkout and says whether this request created it. Invariant: an Idempotency-Key is bound to
	 * a fingerprint of its first request (community + canonical body); the same key with the same body
	 * replays that checkout (`created: false`), with another body it is refused (422
	 * `idempotency_key_reused`) and reveals nothing of the first — not its code, not its status token.
	 * Concurrent replays race on the unique key: exactly one creates, the others answer with the winner.
	 */
	async placeCheckout(_actor: Actor, community: Community, input: CheckoutInput, idempotencyKey: string, client?: { address: string }): Promise<{ view: CheckoutView; created: boolean }> {
		const key = parseInput(idempotencyKeySchema, idempotencyKey, 400);
		const fingerprint = requestFingerprint(community.id, input);
		const replay = async (): Promise<{ view: CheckoutView; created: boolean } | null> => {
			const existing = await this.orders.findCheckoutByKey(community.id, key);
			if (!existing) return null;
			if (existing.request_fingerprint !== fingerprint) throw new DomainError('idempotency_key_reused', 'security.idempotencyKeyReused', 422);
			return { view: await this.view(existing.id), created: false };
		};
		const earlier = await replay();
		if (earlier) return earlier;
		const parsed = checkoutSchema.safeParse(input);
		if (!parsed.success) {
			const issues = toFieldIssues(parsed.error);
			const told = new Set(issues.map((i) => i.field));
			throw new ValidationError('error.invalidInput', {}, [...issues, ...missingAddresses(input).filter((i) => !told.has(i.field))]);
		}
		const data = parsed.data;
		// Replays in flight (a double tap, a retrying client, 20 parallel copies) wait for the first request's
		// answer instead of being counted by the rate limits: only the request holding the key's claim goes on.
		const claim = `${community.id}:${key}`;
		const waited = await this.claimOrWait(claim, replay);
		if (waited) return waited;
		try {
			// The holder before us may have finished between our first look and our claim.
			const placed = (await replay()) ?? (await this.createCheckout(community, data, key, fingerprint, replay, client));
			if (placed.created) ordersPlaced.inc(placed.view.orders.length);
			return placed;
		} finally {
			await this.limiter.release(CHECKOUT_CLAIM, claim);
		}
	}

	/**
	 * Takes the claim on an idempotency key (null: go on and create), or waits for the request holding it and
	 * answers with its checkout (the same body) or 422 (another body). When the holder failed (nothing was
	 * created, the claim is gone) the next waiter takes the claim and tries itself. Never waits forever: 503.
	 */
	private async claimOrWait(claim: string, replay: () => Promise<{ view: CheckoutView; created: boolean } | null>): Promise<{ view: CheckoutView; created: boolean } | null> {
		const deadline = Date.now() + CLAIM_WAIT_MS;
		for (;;) {
			if (await this.limiter.claim(CHECKOUT_CLAIM, claim, CLAIM_STALE_MS)) return null;
			do {
				await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
				const done = await replay();
				if (done) return done;
				if (Date.now() > deadline) throw new BusyError();
			} while (await this.limiter.claimed(CHECKOUT_CLAIM, claim, CLAIM_STALE_MS));
		}
	}

	private async createCheckout(
		community: Community,
		data: ReturnType<typeof checkoutSchema.parse>,
		key: string,
		fingerprint: string,
		replay: () => Promise<{ view: CheckoutView; created: boolean } | null>,
		client?: { address: string }
	): Promise<{ view: CheckoutView; created: boolean }> {

		const productIds = [...new Set(data.lines.map((l) => l.productId))];
		const [products, variants] = await Promise.all([this.products.findForCheckout(community.id, productIds), this.products.variantsOf(productIds)]);
		const byId = new Map(products.map((p) => [p.id, p]));
		const merged = new Map<string, { product: Product; variant: ProductVariant | null; quantity: number }>();
		for (const line of data.lines) {
			const product = byId.get(line.productId);
			if (!product) throw new ValidationError('order.productGone', {}, [{ field: 'lines', messageKey: 'order.productGone', params: {} }]);
			const own = variants.filter((v) => v.product_id === product.id);
			const variant = line.variantId ? (own.find((v) => v.id === line.variantId) ?? null) : null;
			if ((own.length > 0 && !variant) || (line.variantId && !variant)) throw new ValidationError('order.variantRequired', { product: product.name });
			const k = `${product.id}|${variant?.id ?? ''}`;
			const prev = merged.get(k);
			merged.set(k, { product, variant, quantity: Math.min(999, (prev?.quantity ?? 0) + line.quantity) });
		}

		refuseOverCaps([...merged.values()]);

		const shopIds = [...new Set([...merged.values()].map((m) => m.product.shop_id))];
		const shops = new Map<string, Shop>();
		for (const id of shopIds) {
			const shop = await this.shops.findById(id);
			if (shop) shops.set(id, shop);
		}
		const at = this.clock().toISOString();
		const planned: PlannedOrder[] = [];
		for (const shop of shops.values()) {
			const choice = data.shops[shop.slug];
			if (!choice) throw new ValidationError('order.choiceMissing', { shop: shop.name }, [{ field: `shops.${shop.slug}`, messageKey: 'order.choiceMissing', params: { shop: shop.name } }]);
			const delivery = readDelivery(shop);
			const payment = readPayment(shop);
			const offered = choice.delivery === 'pickup' ? delivery.pickup : choice.delivery === 'local' ? delivery.local !== null : delivery.courier;
			if (!offered) throw new DomainError('delivery_not_offered', 'order.deliveryNotOffered', 422, { shop: shop.name });
			const accepted = choice.payment === 'cod' ? payment.cod : choice.payment === 'transfer' ? payment.transfer !== null : payment.qris !== null;
			if (!accepted) throw new DomainError('payment_not_accepted', 'order.paymentNotAccepted', 422, { shop: shop.name });
			if (choice.delivery === 'local' && choice.address.length < 3)
				throw new ValidationError('order.addressRequired', { shop: shop.name }, [{ field: `shops.${shop.slug}.address`, messageKey: 'order.addressRequired', params: { shop: shop.name } }]);
			const lines: PlannedLine[] = [...merged.values()]
				.filter((m) => m.product.shop_id === shop.id)
				.map(({ product, variant, quantity }) => ({
					productId: product.id,
					variantId: variant?.id ?? null,
					name: product.name,
					variantLabel: variant?.label ?? null,
					unit: product.unit,
					price: variant?.price ?? product.price,
					quantity,
					stockFrom: product.made_to_order === 1 ? 'none' : variant && variant.stock !== null ? 'variant' : 'product'
				}));
			const subtotal = lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
			if (subtotal < delivery.minOrder) throw new DomainError('below_minimum', 'order.belowMinimum', 422, { shop: shop.name, amount: formatRupiah(delivery.minOrder) });
			planned.push({
				id: newId('ord'),
				code: await this.freeCode(community.slug),
				shopId: shop.id,
				delivery: choice.delivery,
				address: choice.delivery === 'local' ? choice.address : '',
				deliveryFee: choice.delivery === 'local' ? (delivery.local?.fee ?? 0) : 0,
				paymentMethod: choice.payment,
				note: choice.note,
				lines
			});
		}
		// Counted once the request is known to be a real order (it is about to reserve stock).
		if (client) await this.limitCheckouts(community.id, client.address, data.buyer.whatsapp, replay);
		const checkoutId = newId('chk');
		try {
			await this.orders.placeCheckout({
				id: checkoutId,
				code: await this.freeCode(community.slug),
				token: newToken(),
				communityId: community.id,
				idempotencyKey: key,
				requestFingerprint: fingerprint,
				buyerName: data.buyer.name,
				buyerWhatsapp: data.buyer.whatsapp,
				note: data.note,
				at,
				orders: planned,
				newId
			});
		} catch (e) {
			// The same key raced us and won: answer with what it created (if it was the same request).
			const winner = await replay();
			if (winner) return winner;
			throw e;
		}
		return { view: await this.view(checkoutId), created: true };
	}

	/**
	 * Anonymous checkouts reserve stock, so a flood could empty every shop: at most CHECKOUT_LIMITS per
	 * (community, client address) and per (client address, buyer WhatsApp number), counted in the database
	 * (shared by every process). Invariant: no count is keyed by the buyer's number alone — anyone can type
	 * anyone's number, so such a count would let a stranger lock the real buyer out. A replay of a request that
	 * meanwhile succeeded still gets its answer instead of a 429.
	 */
	private async limitCheckouts(communityId: string, address: string, whatsapp: string, replay: () => Promise<unknown>): Promise<void> {
		try {
			await this.limiter.consume(CHECKOUT_LIMITS.perAddress, `${communityId}|${address}`, 'security.checkoutTooMany', 'too_many_checkouts');
			await this.limiter.consume(CHECKOUT_LIMITS.perWhatsapp, `${address}|${whatsapp}`, 'security.checkoutNumberTooMany', 'too_many_checkouts');
		} catch (e) {
			if (e instanceof RateLimitedError && (await replay())) return;
			throw e;
		}
	}

	private async freeCode(communitySlug: string): Promise<string> {
		const prefix = communitySlug.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase().padEnd(3, 'X');
		for (;;) {
			const bytes = crypto.getRandomValues(new Uint8Array(4));
			const code = `${prefix}-${[...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')}`;
			if (!(await this.orders.codeTaken(code))) return code;
		}
	}

	/** The buyer's status page: the checkout's orders with current statuses. A wrong token is "not found". */
	/**
	 * The buyer's status page: the whole checkout for its own link, or one shop's order alone for that order's link (the
	 * one its seller sends, see shopOrderToken) — then headed with the order's code and holding no other shop's part.
	 */
	async getCheckout(_actor: Actor, code: string, token: string): Promise<CheckoutView> {
		const link = await openStatusLink(this.orders, code, token);
		if (!link) throw new NotFoundError('order.notFound');
		const view = await this.view(link.checkout.id);
		if (!link.only) return view;
		const orders = view.orders.filter((o) => o.id === link.only!.id);
		return { ...view, code: link.only.code, token: shopOrderToken(link.checkout.token, link.only.code), note: orders[0]?.note ?? '', orders };
	}

	private async view(checkoutId: string): Promise<CheckoutView> {
		const [orders, checkout] = await Promise.all([this.orders.ordersOfCheckout(checkoutId), this.orders.checkoutById(checkoutId)]);
		if (!checkout) throw new NotFoundError('order.notFound');
		const [items, reasons] = await Promise.all([this.orders.items(orders.map((o) => o.id)), this.orders.cancelReasons(orders.filter((o) => o.status === 'dibatalkan').map((o) => o.id))]);
		const views: OrderView[] = [];
		for (const o of orders) {
			const shop = await this.shops.findById(o.shop_id);
			if (shop) views.push(orderView(o, shop, items, checkout.note, reasons));
		}
		return { code: checkout.code, communityId: checkout.community_id, token: checkout.token, buyer: { name: checkout.buyer_name, whatsapp: checkout.buyer_whatsapp }, note: checkout.note, createdAt: checkout.created_at, orders: views };
	}

	/** The seller's inbox: newest first, with the number of new orders for the badge. */
	async inbox(actor: Actor, shopId: string): Promise<{ orders: OrderView[]; newCount: number }> {
		const shop = await this.managedShop(actor, shopId);
		const orders = await this.orders.inbox(shop.id, 200);
		const items = await this.orders.items(orders.map((o) => o.id));
		return { orders: orders.map((o) => orderView(o, shop, items, '')), newCount: orders.filter((o) => o.status === 'baru').length };
	}

	async newCount(actor: Actor, shopId: string): Promise<number> {
		const shop = await this.managedShop(actor, shopId);
		return this.orders.countNew(shop.id);
	}

	/**
	 * One order for its shop's seller (another shop's order is "not found"), with the buyer's contact and this order's
	 * own status page (`/pesanan/<order code>?t=<shopOrderToken>`, headed with the order's code, showing no other shop)
	 * for the seller's WhatsApp replies. The lookup on /pesanan with this order's code and the buyer's number opens the
	 * same single order, so the seller learns nothing more from it.
	 */
	async getForSeller(actor: Actor, orderId: string): Promise<{ order: OrderView; buyer: { name: string; whatsapp: string }; note: string; statusPage: { code: string; path: string } | null }> {
		const { order, shop } = await this.managedOrder(actor, orderId);
		const checkout = await this.orders.checkoutById(order.checkout_id);
		const items = await this.orders.items([order.id]);
		const reasons = order.status === 'dibatalkan' ? await this.orders.cancelReasons([order.id]) : new Map<string, string>();
		const view = orderView(order, shop, items, checkout?.note ?? '', reasons);
		// The seller gets this order's own link, never the checkout's: that one opens every shop's part, notes included.
		const statusPage = checkout ? { code: order.code, path: `/pesanan/${encodeURIComponent(order.code)}?t=${encodeURIComponent(shopOrderToken(checkout.token, order.code))}` } : null;
		return { order: view, buyer: { name: checkout?.buyer_name ?? '', whatsapp: checkout?.buyer_whatsapp ?? '' }, note: view.note, statusPage };
	}

	/** Moves an order forward (baru → dikonfirmasi → disiapkan → dikirim / siap diambil → selesai) or cancels it (stock returns once). */
	async setStatus(actor: Actor, orderId: string, to: OrderStatus): Promise<void> {
		const { order } = await this.managedOrder(actor, orderId);
		const by = actor.kind === 'user' ? actor.userId : null;
		const at = this.clock().toISOString();
		if (to === 'dibatalkan') {
			if (order.status === 'selesai' || order.status === 'dibatalkan' || !(await this.orders.cancel(order, by, at, newId('evt'))))
				throw new DomainError('bad_transition', 'order.badTransition', 409, { from: order.status, to });
			return;
		}
		if (!NEXT[order.status].includes(to) || !(await this.orders.transition(order, to, by, at, newId('evt'))))
			throw new DomainError('bad_transition', 'order.badTransition', 409, { from: order.status, to });
	}

	/**
	 * Cancels several unpaid orders of one shop at once, with a reason the buyer can be told (a flood of
	 * fake orders holding stock). Invariant: every id must be an order of this shop — if any is not, nothing
	 * is cancelled (404). Orders already paid, finished or cancelled are left alone and reported as skipped.
	 */
	async cancelUnpaid(actor: Actor, shopId: string, orderIds: string[], reason: string): Promise<{ cancelled: string[]; skipped: string[] }> {
		const shop = await this.managedShop(actor, shopId);
		const why = cleanText(String(reason ?? ''), { multiline: true }).trim();
		if (why.length < 3 || why.length > 300) throw new ValidationError('security.cancelReason', {}, [{ field: 'reason', messageKey: 'security.cancelReason', params: {} }]);
		const ids = [...new Set(orderIds.map(String))];
		if (ids.length === 0 || ids.length > 200) throw new ValidationError('security.cancelChoose');
		const orders = await this.orders.findOrders(ids);
		if (orders.length !== ids.length || orders.some((o) => o.shop_id !== shop.id)) throw new NotFoundError('order.notFound');
		const by = actor.kind === 'user' ? actor.userId : null;
		const at = this.clock().toISOString();
		const out = { cancelled: [] as string[], skipped: [] as string[] };
		for (const order of orders) {
			const done = !order.paid_at && (await this.orders.cancel(order, by, at, newId('evt'), { note: why, unpaidOnly: true }));
			(done ? out.cancelled : out.skipped).push(order.code);
		}
		return out;
	}

	/** The cart page: lines priced from the database, per shop, with what each shop offers. Public. */
	async priceCart(_actor: Actor, community: Pick<Community, 'id' | 'slug'>, lines: CartLineInput[]): Promise<PricedCart> {
		return priceCart(this.products, this.shops, community, lines);
	}

	async markPaid(actor: Actor, orderId: string): Promise<void> {
		const { order } = await this.managedOrder(actor, orderId);
		if (order.status === 'dibatalkan' || !(await this.orders.markPaid(order.id, this.clock().toISOString()))) {
			const now = await this.orders.findOrder(order.id);
			if (now?.status === 'dibatalkan') throw new ValidationError('inbox.cannotPayCancelled');
		}
	}

	/** Orders, items and turnover per shop per day (WIB) — the program's "did sales grow" figure. Coordinators and facilitators. */
	async dailyStats(actor: Actor, community: Community, fromIso: string, toIso: string) {
		requireCommunityRole(actor, community.id, ['coordinator', 'facilitator']);
		const rows = await this.orders.ordersBetween(community.id, fromIso, toIso);
		const out = new Map<string, { day: string; shopId: string; orders: number; items: number; turnover: number }>();
		for (const o of rows) {
			const day = new Date(Date.parse(o.created_at) + 7 * 3600_000).toISOString().slice(0, 10);
			const k = `${day}|${o.shop_id}`;
			const e = out.get(k) ?? { day, shopId: o.shop_id, orders: 0, items: 0, turnover: 0 };
			e.orders++;
			e.items += o.item_count;
			e.turnover += o.total;
			out.set(k, e);
		}
		return [...out.values()].sort((a, b) => a.day.localeCompare(b.day) || a.shopId.localeCompare(b.shopId));
	}

	private async managedShop(actor: Actor, shopId: string): Promise<Shop> {
		requireUser(actor);
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('order.notFound');
		requireShopManager(actor, shop);
		return shop;
	}

	private async managedOrder(actor: Actor, orderId: string): Promise<{ order: ShopOrder; shop: Shop }> {
		requireUser(actor);
		const order = await this.orders.findOrder(orderId);
		const shop = order && (await this.shops.findById(order.shop_id));
		if (!order || !shop) throw new NotFoundError('order.notFound');
		requireShopManagerOr(actor, shop, () => new NotFoundError('order.notFound'));
		return { order, shop };
	}
}

/** The texts a cart shows under "Ambil sendiri". */
function pickInfo(d: ReturnType<typeof shopDisplay>) {
	return { openingHours: d.openingHours, pickupPoint: d.pickupPoint };
}

function orderView(o: ShopOrder, shop: Shop, items: OrderItem[], checkoutNote: string, cancelReasons: Map<string, string> = new Map()): OrderView {
	const display = shopDisplay(shop);
	const payment = readPayment(shop);
	const qris = o.payment_method === 'qris' && payment.qris ? toDynamicQris(payment.qris.payload, o.total) : undefined;
	return {
		id: o.id,
		code: o.code,
		status: o.status,
		createdAt: o.created_at,
		shop: { id: shop.id, slug: shop.slug, name: shop.name, whatsapp: shop.whatsapp },
		items: items.filter((i) => i.order_id === o.id).map((i) => ({ name: i.name, variantLabel: i.variant_label, unit: i.unit, price: i.price, quantity: i.quantity, lineTotal: i.line_total })),
		delivery: o.delivery,
		address: o.address,
		deliveryFee: o.delivery_fee,
		subtotal: o.subtotal,
		total: o.total,
		paid: !!o.paid_at,
		paymentProof: proofSize(o.payment_proof),
		payment: {
			method: o.payment_method,
			...(qris ? { qris, merchantName: payment.qris?.merchantName, qrisSample: payment.qris?.nmid === SAMPLE_QRIS_NMID } : {}),
			...(o.payment_method === 'transfer' ? { transfer: payment.transfer } : {})
		},
		pickupPoint: display.pickupPoint,
		openingHours: display.openingHours,
		shopLogo: display.logo,
		note: o.note || checkoutNote,
		cancelReason: o.status === 'dibatalkan' ? cancelReasons.get(o.id) || null : null
	};
}

export interface CartLineInput {
	productId: string;
	variantId: string | null;
	quantity: number;
}

export interface PricedCart {
	shops: {
		slug: string;
		name: string;
		openingHours: string | null;
		pickupPoint: string | null;
		delivery: ReturnType<typeof readDelivery>;
		payment: { cod: boolean; transfer: boolean; qris: boolean };
		lines: { productId: string; variantId: string | null; name: string; variantLabel: string | null; unit: string; price: number; quantity: number; available: number | null; lineTotal: number; url: string; madeToOrder: boolean; leadTimeDays: number }[];
		subtotal: number;
	}[];
	/** Lines whose quantity was lowered to what is left ("Maaf, … tinggal 2"). */
	adjusted: { name: string; available: number; unit: string }[];
	removed: number;
}

/** Refuses (422, naming the product) a line or a checkout with more units than ORDER_CAPS allow. */
function refuseOverCaps(lines: { product: Product; variant: ProductVariant | null; quantity: number }[]): void {
	for (const { product, variant, quantity } of lines) {
		if (quantity <= ORDER_CAPS.perLine) continue;
		const params = { product: variant ? `${product.name} (${variant.label})` : product.name, max: ORDER_CAPS.perLine };
		throw new ValidationError('order.lineTooMany', params, [{ field: 'lines', messageKey: 'order.lineTooMany', params }]);
	}
	const total = lines.reduce((sum, l) => sum + l.quantity, 0);
	if (total > ORDER_CAPS.perCheckout) {
		const params = { max: ORDER_CAPS.perCheckout, total };
		throw new ValidationError('order.checkoutTooMany', params, [{ field: 'lines', messageKey: 'order.checkoutTooMany', params }]);
	}
}

/** Prices a cart from the database (never from the cookie), grouped by shop, lowering quantities to the stock left. */
export async function priceCart(products: ProductRepository, shops: ShopRepository, community: Pick<Community, 'id' | 'slug'>, lines: CartLineInput[]): Promise<PricedCart> {
	const ids = [...new Set(lines.map((l) => l.productId))];
	const [rows, variants] = await Promise.all([products.findForCheckout(community.id, ids), products.variantsOf(ids)]);
	const byId = new Map(rows.map((p) => [p.id, p]));
	const out: PricedCart = { shops: [], adjusted: [], removed: 0 };
	const groups = new Map<string, PricedCart['shops'][number]>();
	for (const line of lines) {
		const p = byId.get(line.productId);
		const own = variants.filter((v) => v.product_id === line.productId);
		const variant = line.variantId ? own.find((v) => v.id === line.variantId) : undefined;
		if (!p || (own.length > 0 && !variant)) {
			out.removed++;
			continue;
		}
		let group = groups.get(p.shop_id);
		if (!group) {
			const shop = await shops.findById(p.shop_id);
			if (!shop) continue;
			const pay = readPayment(shop);
			group = { slug: shop.slug, name: shop.name, ...pickInfo(shopDisplay(shop)), delivery: readDelivery(shop), payment: { cod: pay.cod, transfer: !!pay.transfer, qris: !!pay.qris }, lines: [], subtotal: 0 };
			groups.set(p.shop_id, group);
		}
		const available = p.made_to_order === 1 ? null : variant && variant.stock !== null ? variant.stock : (p.stock ?? 0);
		let quantity = Math.max(1, Math.min(ORDER_CAPS.perLine, line.quantity));
		if (available !== null && quantity > available) {
			// Named with the variant either way, so a sold-out "Original" is not read as the whole product.
			const lineName = variant ? `${p.name} (${variant.label})` : p.name;
			if (available <= 0) {
				out.adjusted.push({ name: lineName, available: 0, unit: p.unit });
				continue;
			}
			quantity = available;
			out.adjusted.push({ name: lineName, available, unit: p.unit });
		}
		const price = variant?.price ?? p.price;
		group.lines.push({
			productId: p.id,
			variantId: variant?.id ?? null,
			name: p.name,
			variantLabel: variant?.label ?? null,
			unit: p.unit,
			price,
			quantity,
			available,
			lineTotal: price * quantity,
			url: `/c/${community.slug}/toko/${group.slug}/${p.slug}`,
			madeToOrder: p.made_to_order === 1,
			leadTimeDays: p.lead_time_days
		});
		group.subtotal += price * quantity;
	}
	out.shops = [...groups.values()].filter((g) => g.lines.length > 0);
	return out;
}

/** The receipt's displayed size (its 1200 px variant), or null when none was sent. */
function proofSize(json: string | null): { width: number; height: number } | null {
	const variants = parseVariants(json);
	const large = variants.find((v) => v.name === 'large') ?? variants[0];
	return large ? { width: large.width, height: large.height } : null;
}

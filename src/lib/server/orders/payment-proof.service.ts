import type { Actor } from '../auth/actor';
import { requireShopManagerOr } from '../auth/guards';
import { NotFoundError, ValidationError } from '../errors';
import { processPhoto } from '../media/image-pipeline';
import type { MediaStorage } from '../media/storage';
import type { PhotoVariant } from '../media/types';
import { parseVariants } from '../catalog/product-card';
import { RateLimitedError, type RateLimiter } from '../security/rate-limit';
import type { ShopRepository } from '../shops/shop.repository';
import type { OrderRepository } from './order.repository';
import { CHECKOUT_LIMITS } from './order.service';
import { openStatusLink } from './status-link';

/** Receipts live under `r/`, which the public /media route never serves (only `p/` is public). */
const RECEIPT_PREFIX = 'r';

/**
 * A buyer's photo of a transfer receipt: a bank slip with names, account numbers and amounts. Invariant: it is
 * stored privately (`r/…`, never under the public, immutably cached `/media/p/…`) and served, with
 * `Cache-Control: private, no-store`, only to whoever manages the order's shop (its seller, the community's
 * coordinator and facilitator — as the order page itself) and to the buyer holding the checkout's link
 * (code + token). Anyone else is told it does not exist (404).
 */
export class PaymentProofService {
	constructor(
		private readonly orders: OrderRepository,
		private readonly shops: Pick<ShopRepository, 'findById'>,
		private readonly storage: MediaStorage,
		private readonly limiter: RateLimiter,
		private readonly clock: () => Date = () => new Date()
	) {}

	/**
	 * Stores the receipt, only with the checkout's token and only for a transfer order of that checkout.
	 * Two counters bound the image work, both charged before a byte is read or decoded (so N parallel uploads
	 * count N), and each given back when the outcome shows it was not spent:
	 * - CHECKOUT_LIMITS.receiptPerOrder counts ACCEPTED receipts of the order (5 per hour) — a refused file
	 *   gives its hit back, so a buyer whose first tries were refused can still send the real photo;
	 * - CHECKOUT_LIMITS.receiptRefusedPerAddress counts REFUSED files (too large, not a photo, unreadable) per
	 *   client address (20 per hour) — an accepted receipt gives its hit back. Past it (a carrier's shared address
	 *   where someone sends junk), a file is still looked at: a real photo is stored, a refused one answers 429.
	 *   Only the order's 5 then bound the work: a refused file keeps its hit on the order instead of giving it back,
	 *   so an address over its refused limit costs at most 5 decodes per order per hour.
	 * A failure that is not the file's fault (image queue full, storage down) gives both back.
	 * `image` may be a function that reads the upload (and may refuse it).
	 */
	async upload(
		_actor: Actor,
		checkoutCode: string,
		token: string,
		orderCode: string,
		image: Buffer | (() => Promise<Buffer>),
		client: { address: string }
	): Promise<void> {
		const order = await this.buyerOrder(checkoutCode, token, orderCode);
		if (order.payment_method !== 'transfer') throw new NotFoundError('order.notFound');
		const refusedRule = CHECKOUT_LIMITS.receiptRefusedPerAddress;
		const acceptedRule = CHECKOUT_LIMITS.receiptPerOrder;
		const refused = await this.limiter.hit(refusedRule, client.address);
		try {
			await this.limiter.consume(acceptedRule, order.id, 'security.receiptTooMany', 'too_many_receipts');
		} catch (e) {
			await this.limiter.refund(refusedRule, client.address);
			throw e;
		}
		let photo: Awaited<ReturnType<typeof processPhoto>>;
		try {
			const bytes = typeof image === 'function' ? await image() : image;
			photo = await processPhoto(this.storage, bytes, { prefix: RECEIPT_PREFIX });
		} catch (e) {
			if (!(e instanceof ValidationError)) {
				await Promise.all([this.limiter.refund(acceptedRule, order.id), this.limiter.refund(refusedRule, client.address)]);
				throw e;
			}
			if (!refused.allowed) throw new RateLimitedError(refused.retryAfterSeconds, 'security.receiptRefusedTooMany', 'too_many_receipts');
			await this.limiter.refund(acceptedRule, order.id);
			throw e;
		}
		await this.limiter.refund(refusedRule, client.address);
		await this.orders.setPaymentProof(order.id, JSON.stringify(photo.variants), this.clock().toISOString());
	}

	/** The receipt of an order for the seller of its shop or the community's staff; anyone else 404. */
	async forSeller(actor: Actor, orderId: string): Promise<Buffer> {
		if (actor.kind === 'public') throw new NotFoundError('order.notFound');
		const order = await this.orders.findOrder(String(orderId));
		const shop = order && (await this.shops.findById(order.shop_id));
		if (!order || !shop) throw new NotFoundError('order.notFound');
		requireShopManagerOr(actor, shop, () => new NotFoundError('order.notFound'));
		return this.bytesOf(order.payment_proof);
	}

	/** The receipt for the buyer who holds the checkout's link (code + token); a wrong token is "not found". */
	async forBuyer(_actor: Actor, checkoutCode: string, token: string, orderCode: string): Promise<Buffer> {
		return this.bytesOf((await this.buyerOrder(checkoutCode, token, orderCode)).payment_proof);
	}

	/**
	 * Receipts stored before this rule lived under the public `p/` prefix. Copies each to `r/`, points its order at
	 * the copy and deletes the public file unless a product photo or a logo uses the very same bytes. Idempotent;
	 * run at start-up (app.ts). Returns how many orders were moved.
	 */
	async moveLegacyReceipts(): Promise<number> {
		let moved = 0;
		for (const row of await this.orders.ordersWithPublicProof()) {
			const variants = parseVariants(row.payment_proof);
			const next: PhotoVariant[] = [];
			for (const v of variants) {
				if (!v.key.startsWith('p/')) {
					next.push(v);
					continue;
				}
				const key = `${RECEIPT_PREFIX}/${v.key.slice(2)}`;
				const data = await this.storage.get(v.key);
				if (data && !(await this.storage.exists(key))) await this.storage.put(key, data);
				next.push({ ...v, key });
			}
			await this.orders.setPaymentProof(row.id, JSON.stringify(next), row.updated_at);
			for (const v of variants) if (v.key.startsWith('p/') && !(await this.orders.publicKeyInUse(v.key))) await this.storage.remove(v.key);
			moved++;
		}
		return moved;
	}

	private async buyerOrder(checkoutCode: string, token: string, orderCode: string) {
		// The checkout's link reaches any of its orders; one shop order's own link (the seller's) reaches that order only.
		const link = await openStatusLink(this.orders, checkoutCode, token);
		if (!link) throw new NotFoundError('order.notFound');
		const order = link.only ? (link.only.code === orderCode ? link.only : undefined) : (await this.orders.ordersOfCheckout(link.checkout.id)).find((o) => o.code === orderCode);
		if (!order) throw new NotFoundError('order.notFound');
		return order;
	}

	/** The 1200 px variant (never the square crops: a receipt must be read whole). */
	private async bytesOf(proof: string | null): Promise<Buffer> {
		const variants = parseVariants(proof);
		const best = variants.find((v) => v.name === 'large') ?? variants[0];
		const data = best ? await this.storage.get(best.key) : null;
		if (!data) throw new NotFoundError('order.notFound');
		return data;
	}
}


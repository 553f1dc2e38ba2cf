import type { Actor } from '../auth/actor';
import { DomainError } from '../errors';
import { normalizeWhatsapp } from '../../utils/phone';
import { RateLimitedError, type RateLimiter, type RateRule } from '../security/rate-limit';
import { formatTime } from '../../utils/dates';
import type { CheckoutView, OrderService } from './order.service';
import type { OrderRepository } from './order.repository';
import { shopOrderToken } from './status-link';

/** Lookups by order code + WhatsApp number per client address: enough for a buyer's typos, too few to guess codes. */
export const LOOKUP_LIMIT: RateRule = { name: 'order-lookup', limit: 10, windowMs: 10 * 60_000 };

/** How many checkouts "Pesanan saya" remembers per browser (newest kept). */
export const MY_ORDERS_MAX = 20;

export interface RememberedCheckout {
	code: string;
	token: string;
}

/**
 * The buyer's way back to their orders without an account: the checkouts remembered by this browser (a cookie
 * of code + status token), and a lookup by order code + the buyer's WhatsApp number.
 */
export class BuyerOrderService {
	constructor(
		private readonly orders: OrderService,
		private readonly repo: OrderRepository,
		private readonly limiter: RateLimiter,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** The remembered checkouts that still open with their token, newest first; unknown or wrong ones are skipped. */
	async listRemembered(actor: Actor, remembered: RememberedCheckout[]): Promise<CheckoutView[]> {
		const views: CheckoutView[] = [];
		for (const r of remembered.slice(0, MY_ORDERS_MAX)) {
			try {
				views.push(await this.orders.getCheckout(actor, r.code, r.token));
			} catch {
				/* forgotten or never valid: not listed */
			}
		}
		return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	}

	/**
	 * The checkout for an order code (the checkout's, or one shop order's) and the buyer's WhatsApp number in any
	 * usual form (08…, +62…, 62…). Invariant: a wrong pair, an unknown code and a badly typed number all give the
	 * same 404 `lookup_no_match` with one neutral message, so the answer never tells whether a code exists; every
	 * try counts against LOOKUP_LIMIT per client address. Past it even the right pair is refused (429), and the
	 * message says so: how many tries were made, that a right code is refused too for now, and at what time (WIB)
	 * to try again — so a buyer who finally types it right does not think the code is wrong.
	 */
	async lookup(_actor: Actor, code: string, whatsapp: string, client: { address: string }): Promise<RememberedCheckout> {
		const decision = await this.limiter.hit(LOOKUP_LIMIT, client.address);
		if (!decision.allowed) {
			const again = new Date(this.clock().getTime() + decision.retryAfterSeconds * 1000).toISOString();
			throw new RateLimitedError(decision.retryAfterSeconds, 'field.lookup.tooMany', 'too_many_lookups', {
				max: LOOKUP_LIMIT.limit,
				windowMinutes: LOOKUP_LIMIT.windowMs / 60_000,
				time: formatTime(again)
			});
		}
		const cleanCode = String(code ?? '').trim().toUpperCase().replace(/\s+/g, '').slice(0, 20);
		const number = normalizeWhatsapp(String(whatsapp ?? ''));
		const valid = /^[A-Z]{3}-[2-9A-Z]{4}$/.test(cleanCode);
		const own = valid ? await this.repo.findCheckoutByCode(cleanCode) : undefined;
		const order = valid && !own ? await this.repo.findOrderByCode(cleanCode) : undefined;
		const checkout = own ?? (order ? await this.repo.checkoutById(order.checkout_id) : undefined);
		const matches = !!checkout && number !== null && checkout.buyer_whatsapp === number;
		if (!matches || !checkout) throw new DomainError('lookup_no_match', 'field.lookup.noMatch', 404);
		// A shop order's code (the one its seller knows, with the buyer's number) opens that order alone, like its link.
		return order ? { code: order.code, token: shopOrderToken(checkout.token, order.code) } : { code: checkout.code, token: checkout.token };
	}
}

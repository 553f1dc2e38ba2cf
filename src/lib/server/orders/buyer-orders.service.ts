import type { Actor } from '../auth/actor';
import { DomainError } from '../errors';
import { normalizeWhatsapp } from '../../utils/phone';
import type { RateLimiter, RateRule } from '../security/rate-limit';
import type { CheckoutView, OrderService } from './order.service';
import type { OrderRepository } from './order.repository';

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
		private readonly limiter: RateLimiter
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
	 * try counts against LOOKUP_LIMIT per client address (429 past it).
	 */
	async lookup(_actor: Actor, code: string, whatsapp: string, client: { address: string }): Promise<RememberedCheckout> {
		await this.limiter.consume(LOOKUP_LIMIT, client.address, 'field.lookup.tooMany', 'too_many_lookups');
		const cleanCode = String(code ?? '').trim().toUpperCase().replace(/\s+/g, '').slice(0, 20);
		const number = normalizeWhatsapp(String(whatsapp ?? ''));
		const checkout = /^[A-Z]{3}-[2-9A-Z]{4}$/.test(cleanCode) ? await this.repo.findCheckoutByAnyCode(cleanCode) : undefined;
		const matches = !!checkout && number !== null && checkout.buyer_whatsapp === number;
		if (!matches || !checkout) throw new DomainError('lookup_no_match', 'field.lookup.noMatch', 404);
		return { code: checkout.code, token: checkout.token };
	}
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Checkout, ShopOrder } from '../db/schema';
import type { OrderRepository } from './order.repository';

/**
 * The secret of one shop order's own status link (`/pesanan/<shop order code>?t=<this>`): the link a seller sends the
 * buyer. Derived from the checkout's token (HMAC), so it needs no column and the buyer's own link can always rebuild
 * it, while the checkout's token — which opens every shop's part of the checkout, their notes included — cannot be
 * read back from it. Invariant: a seller only ever holds links that open their own shop's order.
 */
export function shopOrderToken(checkoutToken: string, orderCode: string): string {
	return createHmac('sha256', checkoutToken).update(`shop-order:${orderCode}`).digest('base64url').slice(0, 32);
}

/** Equal secrets, compared in constant time. */
export function sameSecret(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(String(b ?? ''));
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * What a status link opens: a checkout's code with the checkout's token opens the whole checkout (`only` null); a shop
 * order's code with that order's own token (shopOrderToken) opens that order alone. Anything else — a wrong token, the
 * checkout's token with a shop order's code, one order's token with another's code — opens nothing (undefined).
 */
export async function openStatusLink(repo: OrderRepository, code: string, token: string): Promise<{ checkout: Checkout; only: ShopOrder | null } | undefined> {
	const clean = String(code ?? '').toUpperCase().slice(0, 20);
	const checkout = await repo.findCheckoutByCode(clean);
	if (checkout) return sameSecret(checkout.token, token) ? { checkout, only: null } : undefined;
	const order = await repo.findOrderByCode(clean);
	const parent = order ? await repo.checkoutById(order.checkout_id) : undefined;
	if (!order || !parent || !sameSecret(shopOrderToken(parent.token, order.code), token)) return undefined;
	return { checkout: parent, only: order };
}

import type { Cookies } from '@sveltejs/kit';
import type { CartLineInput } from '../orders/order.service';

export const CART_COOKIE = 'ecrav_cart';
const MAX_LINES = 40;

/**
 * The cart lives in a cookie (no account needed, works without JavaScript): only ids and quantities.
 * Prices and names are always read again from the database.
 */
export function readCart(cookies: Cookies): CartLineInput[] {
	const raw = cookies.get(CART_COOKIE);
	if (!raw || raw.length > 4000) return [];
	try {
		const parsed = JSON.parse(raw) as unknown;
		if (!Array.isArray(parsed)) return [];
		return parsed
			.filter((l): l is [string, string, number] => Array.isArray(l) && typeof l[0] === 'string' && typeof l[1] === 'string' && Number.isInteger(l[2]))
			.slice(0, MAX_LINES)
			.map(([productId, variantId, quantity]) => ({ productId: productId.slice(0, 40), variantId: variantId ? variantId.slice(0, 40) : null, quantity: Math.max(1, Math.min(999, quantity)) }));
	} catch {
		return [];
	}
}

export function writeCart(cookies: Cookies, lines: CartLineInput[], secure: boolean) {
	if (lines.length === 0) {
		cookies.delete(CART_COOKIE, { path: '/' });
		return;
	}
	const value = JSON.stringify(lines.slice(0, MAX_LINES).map((l) => [l.productId, l.variantId ?? '', l.quantity]));
	cookies.set(CART_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 * 24 * 14 });
}

/** Adds a line, or adds to the quantity of the same product and variant. */
export function addToCart(lines: CartLineInput[], line: CartLineInput): CartLineInput[] {
	const same = lines.find((l) => l.productId === line.productId && (l.variantId ?? null) === (line.variantId ?? null));
	if (same) {
		same.quantity = Math.min(999, same.quantity + line.quantity);
		return lines;
	}
	return [...lines, line].slice(-MAX_LINES);
}

import type { Cookies } from '@sveltejs/kit';
import { MY_ORDERS_MAX, type RememberedCheckout } from '../orders/buyer-orders.service';
import { EN_PREFIX } from '$lib/i18n/paths';

const COOKIE = 'ecrav_orders';
const SHAPE = /^[A-Z]{3}-[2-9A-Z]{4}$/;

/**
 * "Pesanan saya" without an account: this browser remembers the checkouts placed or opened in it (code + status
 * token, the same secret as the status link), newest first, at most MY_ORDERS_MAX. httpOnly, a year, and sent
 * only to /pesanan… so the catalog pages stay shareable by the page cache.
 */
export function readMyOrders(cookies: Pick<Cookies, 'get'>): RememberedCheckout[] {
	try {
		const raw = JSON.parse(cookies.get(COOKIE) ?? '[]');
		if (!Array.isArray(raw)) return [];
		return raw
			.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string' && SHAPE.test(e[0]) && e[1].length <= 100)
			.slice(0, MY_ORDERS_MAX)
			.map(([code, token]) => ({ code, token }));
	} catch {
		return [];
	}
}

export function rememberOrder(cookies: Cookies, entry: RememberedCheckout, secure: boolean): void {
	const list = readMyOrders(cookies).filter((e) => e.code !== entry.code);
	if (readMyOrders(cookies)[0]?.code === entry.code) return;
	const value = JSON.stringify([entry, ...list].slice(0, MY_ORDERS_MAX).map((e) => [e.code, e.token]));
	// Sent to the order pages in both languages (`/pesanan`, `/en/pesanan`).
	for (const path of ['/pesanan', `${EN_PREFIX}/pesanan`]) cookies.set(COOKIE, value, { path, httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 * 24 * 365 });
}

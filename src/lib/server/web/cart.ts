import { createHash } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { CartLineInput } from '../orders/order.service';
import { ORDER_CAPS } from '../orders/caps';
import { EN_PREFIX } from '$lib/i18n/paths';

const MAX_LINES = 40;

/**
 * One cart per community: its own cookie, sent only to that community's pages (`/c/<slug>`), so opening
 * another community's cart page never sees — nor empties — this one. A slug with characters a cookie name
 * cannot hold (an unknown community from a hostile URL) gets a hash.
 */
export function cartCookie(communitySlug: string): { name: string; path: string } {
	const safe = /^[a-z0-9-]{1,80}$/.test(communitySlug) ? communitySlug : createHash('sha256').update(communitySlug).digest('hex').slice(0, 16);
	return { name: `ecrav_cart_${safe}`, path: `/c/${encodeURIComponent(communitySlug)}` };
}

/**
 * The cart lives in a cookie (no account needed, works without JavaScript): only ids and quantities.
 * Prices and names are always read again from the database.
 */
export function readCart(cookies: Cookies, communitySlug: string): CartLineInput[] {
	const raw = cookies.get(cartCookie(communitySlug).name);
	if (!raw || raw.length > 4000) return [];
	try {
		const parsed = JSON.parse(raw) as unknown;
		if (!Array.isArray(parsed)) return [];
		return parsed
			.filter((l): l is [string, string, number] => Array.isArray(l) && typeof l[0] === 'string' && typeof l[1] === 'string' && Number.isInteger(l[2]))
			.slice(0, MAX_LINES)
			.map(([productId, variantId, quantity]) => ({ productId: productId.slice(0, 40), variantId: variantId ? variantId.slice(0, 40) : null, quantity: Math.max(1, Math.min(ORDER_CAPS.perLine, quantity)) }));
	} catch {
		return [];
	}
}

/**
 * Written for the community's Indonesian pages and their English twins (`/en/c/<slug>`, see i18n/paths.ts) alike: one
 * cart, whichever language the visitor browses in.
 */
export function writeCart(cookies: Cookies, communitySlug: string, lines: CartLineInput[], secure: boolean) {
	const { name, path } = cartCookie(communitySlug);
	for (const p of [path, EN_PREFIX + path]) {
		if (lines.length === 0) {
			cookies.delete(name, { path: p });
			continue;
		}
		const value = JSON.stringify(lines.slice(0, MAX_LINES).map((l) => [l.productId, l.variantId ?? '', l.quantity]));
		cookies.set(name, value, { path: p, httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 * 24 * 14 });
	}
}

/** Adds a line, or adds to the quantity of the same product and variant. */
export function addToCart(lines: CartLineInput[], line: CartLineInput): CartLineInput[] {
	const same = lines.find((l) => l.productId === line.productId && (l.variantId ?? null) === (line.variantId ?? null));
	if (same) {
		same.quantity = Math.min(ORDER_CAPS.perLine, same.quantity + line.quantity);
		return lines;
	}
	return [...lines, line].slice(-MAX_LINES);
}

/** A cart line's name on the cart form: product and variant, never its position (lines come and go). */
export function lineKey(line: { productId: string; variantId?: string | null }): string {
	return `${line.productId}.${line.variantId ?? ''}`;
}

export type QuantityChange =
	| { key: string; kind: 'invalid'; typed: string; kept: number }
	| { key: string; kind: 'removed' }
	| { key: string; kind: 'capped'; to: number };

/**
 * Quantities typed on the cart page (`qty.<product>.<variant>`) applied to the cookie's lines. Only whole
 * numbers count: "abc" or "-1" keep the line as it was, 0 removes it, more than ORDER_CAPS.perLine (100) becomes that — each
 * reported, never silent. `stale` says the page did not show exactly the cookie's lines (another tab).
 */
export function applyQuantities(form: FormData, lines: CartLineInput[]): { lines: CartLineInput[]; changes: QuantityChange[]; stale: boolean } {
	const changes: QuantityChange[] = [];
	const keys = new Set(lines.map(lineKey));
	let stale = false;
	for (const [k] of form) if (k.startsWith('qty.') && !keys.has(k.slice(4))) stale = true;
	const out: CartLineInput[] = [];
	for (const line of lines) {
		const key = lineKey(line);
		const raw = form.get(`qty.${key}`);
		if (typeof raw !== 'string') {
			stale = true;
			out.push(line);
			continue;
		}
		const typed = raw.trim();
		if (!/^\d{1,6}$/.test(typed)) {
			changes.push({ key, kind: 'invalid', typed: typed.slice(0, 12), kept: line.quantity });
			out.push(line);
			continue;
		}
		const q = Number(typed);
		if (q === 0) {
			changes.push({ key, kind: 'removed' });
			continue;
		}
		if (q > ORDER_CAPS.perLine) changes.push({ key, kind: 'capped', to: ORDER_CAPS.perLine });
		out.push({ ...line, quantity: Math.min(ORDER_CAPS.perLine, q) });
	}
	return { lines: out, changes, stale };
}

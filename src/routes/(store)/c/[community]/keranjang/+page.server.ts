import { localizeHref } from '$lib/i18n/paths';
import { countShopEvent } from '$lib/server/visits/visit-hook';
import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { addToCart, applyQuantities, lineKey, readCart, writeCart } from '$lib/server/web/cart';
import { ORDER_CAPS } from '$lib/server/orders/caps';
import { translator } from '$lib/i18n';
import { newToken } from '$lib/server/accounts/tokens';
import { DomainError, ValidationError } from '$lib/server/errors';
import { OutOfStockError } from '$lib/server/orders/order.repository';
import type { CheckoutInput } from '$lib/validation/checkout';
import { notifySellers } from '$lib/server/web/notify-sellers';
import { rememberOrder } from '$lib/server/web/my-orders-cookie';
import { clearCheckout, readCheckout, writeCheckout } from '$lib/server/web/checkout-cookie';
import { parseQuantity } from '$lib/utils/quantity';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community } = await event.parent();
		// Never kept by the browser: Back after ordering asks again and shows the (now empty) cart, not the old one.
		event.setHeaders({ 'cache-control': 'no-store' });
		const lines = readCart(event.cookies, event.params.community);
		const priced = await event.locals.services.orders.priceCart(event.locals.actor, community, lines);
		// The cookie is rewritten with quantities lowered to the stock left, so the page shows exactly what
		// "Pesan sekarang" orders and nothing unorderable stays (each change is said by priceCart's notices).
		const kept = priced.shops.flatMap((s) => s.lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })));
		if (JSON.stringify(kept) !== JSON.stringify(lines)) writeCart(event.cookies, event.params.community, kept, event.url.protocol === 'https:');
		// What the buyer typed before (delivery, address, note, name, WhatsApp) comes back on every visit.
		return { cart: priced, cartCount: kept.length, idem: newToken().slice(0, 24), saved: readCheckout(event.cookies, community.slug) };
	});

/** The cart and checkout form's fields → the checkout input (the same shape the API takes). */
function checkoutFromForm(form: FormData, lines: { productId: string; variantId: string | null; quantity: number }[]): CheckoutInput {
	const shops: CheckoutInput['shops'] = {};
	for (const [k, v] of form) {
		const m = /^shop\.([a-z0-9-]+)\.(delivery|payment|address|note)$/.exec(k);
		if (!m || typeof v !== 'string') continue;
		shops[m[1]] ??= { delivery: 'pickup', payment: 'cod' };
		(shops[m[1]] as Record<string, string>)[m[2]] = v;
	}
	return { buyer: { name: String(form.get('name') ?? ''), whatsapp: String(form.get('whatsapp') ?? '') }, lines, shops };
}

type Locals = App.Locals;

/** What the buyer typed besides quantities, to give back so nothing typed is lost. */
function typedValues(form: FormData): Record<string, string> {
	return Object.fromEntries([...form].filter(([k, v]) => typeof v === 'string' && !k.startsWith('qty.') && k !== 'idem' && k !== 'key')) as Record<string, string>;
}

/**
 * Applies the typed quantities (and an optional removal) to the cookie's cart and says, in words, every
 * change that was made or refused. Names come from pricing the cart as it was, so a removed line is named too.
 */
async function reviseCart(locals: Locals, communitySlug: string, form: FormData, cookies: Cookies, removeKey?: string) {
	const t = translator(locals.locale);
	// An unknown community is a 404 page, not a 500 (the action runs before the layout's load would say so).
	const community = await pageLoad({ locals }, () => locals.services.communities.getBySlug(locals.actor, communitySlug));
	const before = readCart(cookies, communitySlug);
	const priced = await locals.services.orders.priceCart(locals.actor, community, before);
	const names = new Map(priced.shops.flatMap((s) => s.lines.map((l) => [lineKey(l), l.variantLabel ? `${l.name} (${l.variantLabel})` : l.name] as const)));
	const name = (key: string) => names.get(key) ?? t('field.cart.aProduct');
	const applied = applyQuantities(form, before);
	const notices: string[] = [];
	const fields: Record<string, string> = {};
	for (const c of applied.changes) {
		if (c.kind === 'invalid')
			fields[`qty.${c.key}`] = c.typed
				? t('field.cart.invalid', { typed: c.typed, product: name(c.key), kept: c.kept, max: ORDER_CAPS.perLine })
				: t('field.cart.emptyQty', { product: name(c.key), kept: c.kept, max: ORDER_CAPS.perLine });
		else if (c.kind === 'removed') notices.push(t('field.cart.removedZero', { product: name(c.key) }));
		else notices.push(t('field.cart.capped', { product: name(c.key), max: c.to }));
	}
	let lines = applied.lines;
	if (removeKey !== undefined && lines.some((l) => lineKey(l) === removeKey)) {
		lines = lines.filter((l) => lineKey(l) !== removeKey);
		notices.push(t('field.cart.removed', { product: name(removeKey) }));
	}
	if (applied.stale) notices.push(t('field.cart.stale'));
	return { community, lines, notices, fields, stale: applied.stale };
}

export const actions: Actions = {
	tambah: async ({ request, cookies, params, url, locals }) => {
		const form = await request.formData();
		const productId = String(form.get('productId') ?? '').slice(0, 40);
		const variantId = String(form.get('variantId') ?? '').slice(0, 40) || null;
		// No quantity field at all means one; a typed one must be a whole number from 1 to the cap (parseQuantity).
		const typed = form.get('quantity');
		const parsed = parseQuantity(typed ?? '1', ORDER_CAPS.perLine);
		if (!parsed.ok) {
			// Nothing is added: back to the product page, which names the problem beside the field and keeps what was typed.
			const community = await pageLoad({ locals }, () => locals.services.communities.getBySlug(locals.actor, params.community));
			const page = productId ? await locals.services.catalog.productPagePath(locals.actor, community, productId) : null;
			const back = new URLSearchParams(variantId ? { variantId, quantity: String(typed).slice(0, 12) } : { quantity: String(typed).slice(0, 12) });
			redirect(303, localizeHref(page ? `${page}?${back}#pesan` : `/c/${encodeURIComponent(params.community)}/keranjang`, locals.locale));
		}
		if (productId) {
			writeCart(cookies, params.community, addToCart(readCart(cookies, params.community), { productId, variantId, quantity: parsed.value }), url.protocol === 'https:');
			// Counted for the product's shop when the batch is written (a product of another community counts nowhere).
			countShopEvent({ request, locals }, 'add_to_cart', { communitySlug: params.community, productId });
		}
		redirect(303, localizeHref(`/c/${encodeURIComponent(params.community)}/keranjang`, locals.locale));
	},
	hitung: async ({ request, cookies, locals, params, url }) => {
		const form = await request.formData();
		const r = await reviseCart(locals, params.community, form, cookies);
		writeCart(cookies, params.community, r.lines, url.protocol === 'https:');
		writeCheckout(cookies, r.community.slug, form, url.protocol === 'https:');
		const message = Object.keys(r.fields).length ? translator(locals.locale)('field.cart.checkMarked') : undefined;
		return { values: typedValues(form), notices: r.notices, fields: r.fields, ...(message ? { message } : {}) };
	},
	hapus: async ({ request, cookies, locals, params, url }) => {
		const form = await request.formData();
		const r = await reviseCart(locals, params.community, form, cookies, String(form.get('key') ?? ''));
		writeCart(cookies, params.community, r.lines, url.protocol === 'https:');
		writeCheckout(cookies, r.community.slug, form, url.protocol === 'https:');
		return { values: typedValues(form), notices: r.notices, fields: r.fields };
	},
	pesan: async ({ request, cookies, locals, params, url, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const r = await reviseCart(locals, params.community, form, cookies);
		// The page's own order was already placed (Back to it, or a tab restored after ordering), and the cart has
		// changed since (emptied by that order): say so and link the orders — never "Keranjang berubah", never a second order.
		// (The same page sent again while the cart is unchanged is a double tap: the replay below answers with its order.)
		if (r.stale && (await locals.services.orders.isPlacedWithKey(locals.actor, r.community, String(form.get('idem') ?? '')))) {
			return fail(409, { alreadySent: true, notices: [], fields: {}, values: typedValues(form) });
		}
		// Only what the page showed is ordered: any change (typed, capped, sold out, removed) is shown first.
		const priced = await locals.services.orders.priceCart(locals.actor, r.community, r.lines);
		const orderable = priced.shops.flatMap((s) => s.lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })));
		const wanted = new Map(r.lines.map((l) => [lineKey(l), l.quantity]));
		const changed = r.notices.length > 0 || Object.keys(r.fields).length > 0 || orderable.length !== r.lines.length || orderable.some((l) => wanted.get(lineKey(l)) !== l.quantity);
		if (changed) {
			writeCart(cookies, params.community, r.lines, url.protocol === 'https:');
			writeCheckout(cookies, r.community.slug, form, url.protocol === 'https:');
			const t = translator(locals.locale);
			return fail(409, { message: t('field.cart.notOrdered'), notices: r.notices, fields: r.fields, values: typedValues(form) });
		}
		const result = await formAction(locals.locale, form, async () => {
			if (orderable.length === 0) throw new ValidationError('order.empty');
			const placed = await locals.services.orders
				.placeCheckout(locals.actor, r.community, checkoutFromForm(form, orderable), String(form.get('idem') ?? ''), { address: getClientAddress() })
				.catch((e: unknown) => {
					// Sold in the same instant by someone else: the page (priced again by load) names the line and says
					// what changed, so the top says only that nothing was ordered (never "tinggal 0. Ubah jumlahnya").
					throw e instanceof OutOfStockError ? new DomainError('out_of_stock', 'field.cart.notOrdered', 409) : e;
				});
			if (placed.created) notifySellers(locals.services, placed.view);
			return placed.view;
		}, { setHeaders });
		if (!('code' in result)) return result;
		writeCart(cookies, params.community, [], url.protocol === 'https:');
		clearCheckout(cookies);
		rememberOrder(cookies, { code: result.code, token: result.token }, url.protocol === 'https:');
		redirect(303, localizeHref(`/pesanan/${result.code}?t=${result.token}`, locals.locale));
	}
};

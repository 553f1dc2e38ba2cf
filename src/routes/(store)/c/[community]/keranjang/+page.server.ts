import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { addToCart, readCart, writeCart } from '$lib/server/web/cart';
import { newToken } from '$lib/server/accounts/tokens';
import { ValidationError } from '$lib/server/errors';
import type { CheckoutInput } from '$lib/validation/checkout';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community } = await event.parent();
		const lines = readCart(event.cookies);
		const priced = await event.locals.services.orders.priceCart(event.locals.actor, community, lines);
		// The cookie is rewritten in the page's order (grouped by shop) with quantities lowered to the stock
		// left, so the quantity fields (qty.N) line up with the cookie's lines and nothing unorderable stays.
		const kept = priced.shops.flatMap((s) => s.lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })));
		if (JSON.stringify(kept) !== JSON.stringify(lines)) writeCart(event.cookies, kept, event.url.protocol === 'https:');
		return { cart: priced, idem: newToken().slice(0, 24) };
	});

/** The cart and checkout form's fields → the checkout input (the same shape the API takes). */
function checkoutFromForm(form: FormData, lines: { productId: string; variantId: string | null; quantity: number }[]): CheckoutInput {
	const shops: CheckoutInput['shops'] = {};
	for (const [k, v] of form) {
		const m = /^shop\.([a-z0-9-]+)\.(delivery|payment|address)$/.exec(k);
		if (!m || typeof v !== 'string') continue;
		shops[m[1]] ??= { delivery: 'pickup', payment: 'cod' };
		(shops[m[1]] as Record<string, string>)[m[2]] = v;
	}
	return { buyer: { name: String(form.get('name') ?? ''), whatsapp: String(form.get('whatsapp') ?? '') }, lines, shops, note: String(form.get('note') ?? '') };
}

/** Quantities typed on the cart page (qty.N) applied to the cookie's lines; 0 removes a line. */
function withQuantities(form: FormData, lines: ReturnType<typeof readCart>) {
	return lines
		.map((l, i) => {
			const q = Number(String(form.get(`qty.${i}`) ?? l.quantity).replace(/\D/g, '') || '0');
			return { ...l, quantity: Math.min(999, q) };
		})
		.filter((l) => l.quantity > 0);
}

export const actions: Actions = {
	tambah: async ({ request, cookies, params, url }) => {
		const form = await request.formData();
		const productId = String(form.get('productId') ?? '').slice(0, 40);
		const quantity = Math.max(1, Math.min(999, Number(form.get('quantity') ?? 1) || 1));
		if (productId) writeCart(cookies, addToCart(readCart(cookies), { productId, variantId: String(form.get('variantId') ?? '') || null, quantity }), url.protocol === 'https:');
		redirect(303, `/c/${params.community}/keranjang`);
	},
	hitung: async ({ request, cookies, url }) => {
		const form = await request.formData();
		writeCart(cookies, withQuantities(form, readCart(cookies)), url.protocol === 'https:');
		return { values: Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>, fields: {} };
	},
	hapus: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const index = Number(form.get('index'));
		writeCart(cookies, readCart(cookies).filter((_, i) => i !== index), url.protocol === 'https:');
		return { values: {}, fields: {} };
	},
	pesan: async ({ request, cookies, locals, params, url, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const lines = withQuantities(form, readCart(cookies));
		const result = await formAction(locals.locale, form, async () => {
			if (lines.length === 0) throw new ValidationError('order.empty');
			const community = await locals.services.communities.getBySlug(locals.actor, params.community);
			const placed = await locals.services.orders.placeCheckout(locals.actor, community, checkoutFromForm(form, lines), String(form.get('idem') ?? ''), { address: getClientAddress() });
			return placed.view;
		}, { setHeaders });
		if (!('code' in result)) return result;
		writeCart(cookies, [], url.protocol === 'https:');
		redirect(303, `/pesanan/${result.code}?t=${result.token}`);
	}
};

import { redirect, type Cookies } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import type { OrderStatus } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/errors';
import { receiptShareText, receiptWhatsappUrl, sellerReplyUrl } from '$lib/server/web/receipt';
import { flashSaved, takeSaved } from '$lib/server/web/saved-flash';
import type { Actions, PageServerLoad } from './$types';

const STATUSES: OrderStatus[] = ['dikonfirmasi', 'disiapkan', 'dikirim', 'siap_diambil', 'selesai', 'dibatalkan'];
const ORDER_SAVED = ['order'] as const;

/**
 * After a change the seller lands on the order's own address (303), not on `?/status` or `?/batal`: a reload
 * does not post again, and the page says once that it was saved and that the buyer should be told.
 */
function backToOrder<T>(url: URL, cookies: Cookies, result: T): T {
	if (!(result && typeof result === 'object' && 'done' in result)) return result;
	flashSaved(cookies, 'order', url.protocol === 'https:');
	const toko = url.searchParams.get('toko');
	redirect(303, `${url.pathname}${toko ? `?toko=${encodeURIComponent(toko)}` : ''}`);
}

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { order, buyer, note, statusPage } = await event.locals.services.orders.getForSeller(event.locals.actor, event.params.id);
		const link = statusPage ? { code: statusPage.code, url: `${event.url.origin}${statusPage.path}` } : null;
		const locale = event.locals.locale;
		return {
			order,
			buyer,
			note,
			saved: takeSaved(event.cookies, ORDER_SAVED) !== null,
			replyUrl: sellerReplyUrl(locale, order, buyer, link),
			receipt: { text: receiptShareText(locale, order, link), whatsappUrl: receiptWhatsappUrl(locale, order, buyer.whatsapp, link) }
		};
	});

export const actions: Actions = {
	status: async ({ request, locals, params, url, cookies }) => {
		const form = await request.formData();
		const to = String(form.get('to') ?? '') as OrderStatus;
		const result = await formAction(locals.locale, form, async () => {
			if (!STATUSES.includes(to)) throw new ValidationError('error.invalidInput');
			await locals.services.orders.setStatus(locals.actor, params.id, to);
			return { done: true };
		});
		return backToOrder(url, cookies, result);
	},
	/** Cancels with a reason (kept in the order's history) and a ticked confirmation; works without JavaScript. A completed
	 * order's cancel reverses its cash-book income and restocks only when "restock" is ticked. */
	batal: async ({ request, locals, params, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.sellerInbox.cancel(locals.actor, params.id, String(form.get('reason') ?? ''), form.get('confirm') === 'on', { restock: form.get('restock') === 'on' });
			return { done: true };
		});
		return backToOrder(url, cookies, result);
	},
	lunas: async ({ request, locals, params, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.orders.markPaid(locals.actor, params.id);
			return { done: true };
		});
		return backToOrder(url, cookies, result);
	}
};

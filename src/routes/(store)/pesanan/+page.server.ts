import { localizeHref } from '$lib/i18n/paths';
import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { readMyOrders, rememberOrder } from '$lib/server/web/my-orders-cookie';
import type { Actions, PageServerLoad } from './$types';

/** "Pesanan saya": the checkouts this browser placed or opened, and a lookup by order code + WhatsApp number. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		event.setHeaders({ 'cache-control': 'private, no-store' });
		const views = await event.locals.services.buyerOrders.listRemembered(event.locals.actor, readMyOrders(event.cookies));
		return {
			// `?kode=` from a status address opened without its token: the lookup's code field starts filled in.
			code: (event.url.searchParams.get('kode') ?? '').slice(0, 20),
			checkouts: views.map((v) => ({
				code: v.code,
				url: `/pesanan/${v.code}?t=${v.token}`,
				createdAt: v.createdAt,
				// What is still to be paid: a cancelled shop's order is not part of it (as on the order's own page).
				total: v.orders.filter((o) => o.status !== 'dibatalkan').reduce((sum, o) => sum + o.total, 0),
				shops: v.orders.map((o) => ({ name: o.shop.name, status: o.status }))
			}))
		};
	});

export const actions: Actions = {
	cari: async ({ request, locals, cookies, url, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const found = await formAction(
			locals.locale,
			form,
			() => locals.services.buyerOrders.lookup(locals.actor, String(form.get('code') ?? ''), String(form.get('whatsapp') ?? ''), { address: getClientAddress() }),
			{ setHeaders }
		);
		if (!('token' in found)) return found;
		rememberOrder(cookies, found, url.protocol === 'https:');
		redirect(303, localizeHref(`/pesanan/${found.code}?t=${found.token}`, locals.locale));
	}
};

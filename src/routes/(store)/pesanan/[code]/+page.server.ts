import { pageLoad } from '$lib/server/http';
import { qrDataUrl } from '$lib/server/documents/setup-cards';
import { orderWhatsappUrl } from '$lib/server/web/order-message';
import type { PageServerLoad } from './$types';

/** The buyer's page for a checkout, reopened from its unguessable link (?t=…). */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const view = await event.locals.services.orders.getCheckout(event.locals.actor, event.params.code, event.url.searchParams.get('t') ?? '');
		return {
			checkout: { code: view.code, buyer: view.buyer.name, createdAt: view.createdAt },
			orders: await Promise.all(
				view.orders.map(async (o) => ({
					...o,
					whatsappUrl: orderWhatsappUrl(event.locals.locale, o, view.buyer, view.note),
					qrisImage: o.payment.qris ? await qrDataUrl(o.payment.qris) : null
				}))
			)
		};
	});

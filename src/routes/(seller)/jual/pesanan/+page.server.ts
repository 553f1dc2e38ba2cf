import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';
import { requestedShopId } from '$lib/server/web/acting-shop';

/** The inbox: one tab of orders (?tab=baru|diproses|selesai|dibatalkan), counts per tab, today's orders and turnover. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		return { inbox: await event.locals.services.sellerInbox.list(event.locals.actor, shop.id, event.url.searchParams.get('tab') ?? 'baru') };
	});

export const actions: Actions = {
	/** Cancels the chosen unpaid orders at once (`orderId` repeated), with a reason: a flood of fake orders holding stock. */
	batal: async ({ request, locals, url }) => {
		const form = await request.formData();
		return formAction(locals.locale, form, async () => {
			const user = requireUser(locals.actor);
			const shopId = requestedShopId(url, user);
			if (!shopId) throw new NotFoundError('order.notFound');
			return locals.services.orders.cancelUnpaid(locals.actor, shopId, form.getAll('orderId').map(String), String(form.get('reason') ?? ''));
		});
	}
};

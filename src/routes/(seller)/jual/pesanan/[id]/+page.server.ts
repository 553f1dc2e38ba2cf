import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import type { OrderStatus } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/errors';
import { receiptShareText, receiptWhatsappUrl, sellerReplyUrl } from '$lib/server/web/receipt';
import type { Actions, PageServerLoad } from './$types';

const STATUSES: OrderStatus[] = ['dikonfirmasi', 'disiapkan', 'dikirim', 'siap_diambil', 'selesai', 'dibatalkan'];

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { order, buyer, note } = await event.locals.services.orders.getForSeller(event.locals.actor, event.params.id);
		return { order, buyer, note, replyUrl: sellerReplyUrl(event.locals.locale, order, buyer), receipt: { text: receiptShareText(event.locals.locale, order), whatsappUrl: receiptWhatsappUrl(event.locals.locale, order, buyer.whatsapp) } };
	});

export const actions: Actions = {
	status: async ({ request, locals, params }) => {
		const form = await request.formData();
		const to = String(form.get('to') ?? '') as OrderStatus;
		return formAction(locals.locale, form, async () => {
			if (!STATUSES.includes(to)) throw new ValidationError('error.invalidInput');
			await locals.services.orders.setStatus(locals.actor, params.id, to);
			return { done: true };
		});
	},
	/** Cancels with a reason (kept in the order's history) and a ticked confirmation; works without JavaScript. */
	batal: async ({ request, locals, params }) => {
		const form = await request.formData();
		return formAction(locals.locale, form, async () => {
			await locals.services.sellerInbox.cancel(locals.actor, params.id, String(form.get('reason') ?? ''), form.get('confirm') === 'on');
			return { done: true };
		});
	},
	lunas: async ({ request, locals, params }) => {
		const form = await request.formData();
		return formAction(locals.locale, form, async () => {
			await locals.services.orders.markPaid(locals.actor, params.id);
			return { done: true };
		});
	}
};

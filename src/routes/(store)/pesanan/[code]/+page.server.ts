import { localizeHref } from '$lib/i18n/paths';
import { pageLoad } from '$lib/server/http';
import { qrSvgDataUrl } from '$lib/server/documents/setup-cards';
import { orderQuestionWhatsappUrl, orderWhatsappUrl } from '$lib/server/web/order-message';
import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/web/forms';
import { onPhotoField, photoBytes, photoTooLarge, readPhotoForm } from '$lib/server/web/photo-form';
import { rememberOrder } from '$lib/server/web/my-orders-cookie';
import { whatsappUrl } from '$lib/utils/whatsapp';
import { translator } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

/** The buyer's page for a checkout, reopened from its unguessable link (?t=…). */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		// A code typed or shared without its link's token (`/pesanan/CIG-7K3P`): the lookup by code + WhatsApp number,
		// with the code filled in, rather than "not found" for an order that exists.
		if (!event.url.searchParams.get('t')) redirect(303, localizeHref(`/pesanan?kode=${encodeURIComponent(event.params.code.slice(0, 20))}#lookup`, event.locals.locale));
		const view = await event.locals.services.orders.getCheckout(event.locals.actor, event.params.code, event.url.searchParams.get('t') ?? '');
		// Whoever opens the status link in this browser finds it again under "Pesanan saya".
		rememberOrder(event.cookies, { code: view.code, token: view.token }, event.url.protocol === 'https:');
		const community = await event.locals.services.communities.getById(event.locals.actor, view.communityId);
		return {
			checkout: { code: view.code, buyer: view.buyer.name, createdAt: view.createdAt, token: view.token },
			community: { slug: community.slug, name: community.name },
			grandTotal: view.orders.filter((o) => o.status !== 'dibatalkan').reduce((sum, o) => sum + o.total, 0),
			// The status link sent to the buyer's own WhatsApp, so it is never lost.
			selfLink: whatsappUrl(view.buyer.whatsapp, translator(event.locals.locale)('field.status.selfMessage', { code: view.code, url: event.url.origin + localizeHref(`/pesanan/${view.code}?t=${view.token}`, event.locals.locale) })),
			orders: await Promise.all(
				view.orders.map(async (o) => ({
					...o,
					// A new order is sent to the seller whole; once the seller has it (confirmed … cancelled), the buyer asks about it.
					whatsappUrl: o.status === 'baru' ? orderWhatsappUrl(o, view.buyer, event.url.origin) : orderQuestionWhatsappUrl(o, view.buyer),
					qrisImage: o.payment.qris ? await qrSvgDataUrl(o.payment.qris) : null
				}))
			)
		};
	});

export const actions: Actions = {
	bukti: async ({ request, locals, params, url, setHeaders, getClientAddress }) => {
		const form = await readPhotoForm(request);
		if (!form) return photoTooLarge(locals.locale, 'proof');
		const result = await formAction(locals.locale, form, async () => {
			// The file is read (and may be refused: too large, empty) only after the upload limits counted the attempt.
			const read = async () => (await photoBytes(form, 'proof'))!;
			await onPhotoField('proof', () => locals.services.paymentProofs.upload(locals.actor, params.code, String(form.get('t') ?? ''), String(form.get('order') ?? ''), read, { address: getClientAddress() }));
			return true;
		}, { setHeaders });
		if (result !== true) return result;
		redirect(303, localizeHref(`/pesanan/${encodeURIComponent(params.code)}?t=${encodeURIComponent(String(form.get('t') ?? url.searchParams.get('t') ?? ''))}`, locals.locale));
	}
};


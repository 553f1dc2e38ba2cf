import { pageLoad } from '$lib/server/http';
import { renderReceiptPng } from '$lib/server/media/receipt-image';
import { receiptLayout } from '$lib/server/web/receipt';
import type { RequestHandler } from './$types';

/**
 * The order's receipt as a PNG to share in WhatsApp. Only the shop's seller (or staff who manage the shop) get it:
 * getForSeller answers 404 for anyone else, as the order page does.
 */
export const GET: RequestHandler = (event) =>
	pageLoad(event, async () => {
		const { order, buyer } = await event.locals.services.orders.getForSeller(event.locals.actor, event.params.id);
		const png = await renderReceiptPng(receiptLayout(event.locals.locale, order, buyer));
		return new Response(new Uint8Array(png), {
			headers: {
				'content-type': 'image/png',
				'content-length': String(png.length),
				'cache-control': 'private, no-store',
				'content-disposition': `inline; filename="nota-${order.code}.png"`,
				'x-content-type-options': 'nosniff'
			}
		});
	});

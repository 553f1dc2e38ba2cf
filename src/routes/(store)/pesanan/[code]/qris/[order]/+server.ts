import { error } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { qrisPng } from '$lib/server/media/qris-image';
import type { RequestHandler } from './$types';

/**
 * "Simpan gambar QRIS": the dynamic QRIS of one order (its exact amount) as a PNG download. Only with the
 * checkout's status token (?t=), like the status page; anything else is a 404.
 */
export const GET: RequestHandler = (event) =>
	pageLoad(event, async () => {
		const view = await event.locals.services.orders.getCheckout(event.locals.actor, event.params.code, event.url.searchParams.get('t') ?? '');
		const order = view.orders.find((o) => o.code === event.params.order);
		if (!order?.payment.qris) error(404, 'Not found');
		const png = await qrisPng(order.payment.qris);
		return new Response(new Uint8Array(png), {
			headers: {
				'content-type': 'image/png',
				'content-disposition': `attachment; filename="QRIS-${order.code}.png"`,
				'cache-control': 'private, no-store'
			}
		});
	});

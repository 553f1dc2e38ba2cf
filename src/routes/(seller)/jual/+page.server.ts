import { pageLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const [rows, paymentChanges] = await Promise.all([
			event.locals.services.products.listForShop(event.locals.actor, shop.id),
			event.locals.services.shops.listPaymentChanges(event.locals.actor, shop.id)
		]);
		return {
			paymentChanges,
			products: rows.map((r) => ({ id: r.product.id, name: r.product.name, price: r.product.price, status: r.product.status, cover: r.cover, score: r.quality.score, firstTip: r.quality.tips[0]?.messageKey ?? null })),
			origin: event.url.origin
		};
	});

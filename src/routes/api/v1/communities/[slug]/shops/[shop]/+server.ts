import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { shopDisplay } from '$lib/server/shops/shop-display';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { services, actor } = event.locals;
		const community = await services.communities.getBySlug(actor, event.params.slug);
		const shop = await services.shops.getOpenBySlug(actor, community, event.params.shop);
		const products = await services.catalog.listProducts(actor, community, { shop: shop.slug, perPage: 100 });
		const display = shopDisplay(shop);
		return json({
			data: {
				slug: shop.slug,
				name: shop.name,
				businessType: shop.business_type,
				area: shop.area,
				story: shop.story,
				whatsapp: shop.whatsapp,
				logoUrl: display.logo ? event.url.origin + display.logo.src : null,
				pickupPoint: display.pickupPoint,
				openingHours: display.openingHours,
				url: `${event.url.origin}/c/${community.slug}/toko/${shop.slug}`,
				products: products.items.map((p) => ({ id: p.id, slug: p.slug, name: p.name, price: p.price, unit: p.unit, url: event.url.origin + p.url }))
			}
		});
	});

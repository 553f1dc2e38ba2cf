import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { services, actor } = event.locals;
		const community = await services.communities.getBySlug(actor, event.params.slug);
		const shop = await services.shops.getBySlug(actor, community, event.params.shop);
		const products = await services.catalog.listProducts(actor, community, { shop: shop.slug, perPage: 100 });
		return json({
			data: {
				slug: shop.slug,
				name: shop.name,
				businessType: shop.business_type,
				area: shop.area,
				story: shop.story,
				whatsapp: shop.whatsapp,
				url: `${event.url.origin}/c/${community.slug}/toko/${shop.slug}`,
				products: products.items.map((p) => ({ id: p.id, slug: p.slug, name: p.name, price: p.price, unit: p.unit, url: event.url.origin + p.url }))
			}
		});
	});

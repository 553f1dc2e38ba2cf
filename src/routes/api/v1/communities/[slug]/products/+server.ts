import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { searchParamsObject } from '$lib/validation/catalog';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { services, actor } = event.locals;
		const community = await services.communities.getBySlug(actor, event.params.slug);
		const query = searchParamsObject(event.url.searchParams, ['q', 'category', 'shop', 'sort', 'page', 'perPage']);
		const result = await services.catalog.listProducts(actor, community, query);
		const origin = event.url.origin;
		return json({
			data: result.items.map((p) => ({
				id: p.id,
				slug: p.slug,
				name: p.name,
				// The cheapest choice (a product with variants sells at its variants' prices); priceMax > price: "mulai".
				price: p.price,
				priceMax: p.priceMax,
				unit: p.unit,
				category: p.category,
				available: p.available,
				madeToOrder: p.madeToOrder,
				imageUrl: p.image ? origin + p.image.src : null,
				url: origin + p.url,
				shop: p.shop
			})),
			page: { number: result.page.number, size: result.page.size, total: result.page.total },
			...(result.suggestions.length ? { suggestions: result.suggestions } : {})
		});
	});

import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { services, actor } = event.locals;
		const community = await services.communities.getBySlug(actor, event.params.slug);
		const shops = await services.shops.listByCommunity(actor, community);
		return json({
			data: shops.map((s) => ({
				slug: s.slug,
				name: s.name,
				businessType: s.business_type,
				area: s.area,
				productCount: s.product_count,
				url: `${event.url.origin}/c/${community.slug}/toko/${s.slug}`
			}))
		});
	});

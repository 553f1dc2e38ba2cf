import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const list = await event.locals.services.communities.listPublic(event.locals.actor);
		return json({
			data: list.map((c) => ({
				slug: c.slug,
				name: c.name,
				regionCode: c.region_code,
				kind: c.kind,
				district: c.district,
				regency: c.regency,
				province: c.province,
				groupName: c.group_name,
				isDemo: c.is_demo === 1,
				shopCount: c.shop_count,
				productCount: c.product_count,
				url: `${event.url.origin}/c/${c.slug}`
			}))
		});
	});

import { pageLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const communities = await event.locals.services.communities.listPublic(event.locals.actor);
		return {
			communities: communities.map((c) => ({
				slug: c.slug,
				name: c.name,
				kind: c.kind,
				district: c.district,
				regency: c.regency,
				province: c.province,
				groupName: c.group_name,
				isDemo: c.is_demo === 1,
				shopCount: c.shop_count,
				productCount: c.product_count
			}))
		};
	});

import { pageLoad } from '$lib/server/http';
import { renderOnly } from '$lib/render-only';
import { readCart } from '$lib/server/web/cart';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) =>
	pageLoad(event, async () => {
		const c = await event.locals.services.communities.getBySlug(event.locals.actor, event.params.community);
		return renderOnly({
			cartCount: readCart(event.cookies, event.params.community).length,
			community: {
				id: c.id,
				slug: c.slug,
				name: c.name,
				kind: c.kind,
				regionCode: c.region_code,
				district: c.district,
				regency: c.regency,
				province: c.province,
				groupName: c.group_name,
				isDemo: c.is_demo === 1
			}
		});
	});

import { pageLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		return await event.locals.services.orders.inbox(event.locals.actor, shop.id);
	});

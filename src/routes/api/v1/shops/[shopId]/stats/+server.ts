import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** The shop's visitors and funnel over `?days=` (1..90, default 30): `{ days: [...], sources }`. Seller, coordinator, facilitator. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		return json(await event.locals.services.visitStats.shopStats(event.locals.actor, event.params.shopId, event.url.searchParams.get('days')));
	});

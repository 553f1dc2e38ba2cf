import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** The community's visitors and funnel over `?days=` (1..90, default 30): `{ days: [...], sources }`. Coordinator, facilitator. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		return json(await event.locals.services.visitStats.communityStats(event.locals.actor, event.params.slug, event.url.searchParams.get('days')));
	});

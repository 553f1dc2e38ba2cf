import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** The shop's orders, newest first, `?status=` one status. The shop's own seller only (anyone else 404). */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const data = await event.locals.services.orderApi.list(event.locals.actor, event.params.shopId, { status: event.url.searchParams.get('status') });
		return json({ data });
	});

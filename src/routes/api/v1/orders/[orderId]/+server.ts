import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** `{ status }` and/or `{ paid: true }` (and `reason` for a cancel), by the inbox's own rules; an impossible move is 409. */
export const PATCH: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		return json(await event.locals.services.orderApi.patch(event.locals.actor, event.params.orderId, body));
	});

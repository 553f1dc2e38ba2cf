import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** Records one entry in the caller's own shop's cash book (201 with the entry). Anyone else, a coordinator too: 404. */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		return json(await event.locals.services.cashbook.record(event.locals.actor, event.params.shopId, body), { status: 201 });
	});

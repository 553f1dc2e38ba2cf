import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** Corrects an entry with a reversing entry (201 with it); `{ "reason" }` optional. A second correction → 409. */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		// the body is optional: an empty one is no reason; anything else must be a JSON object
		const raw = await event.request.text();
		const body = raw.trim() === '' ? {} : await readJson(new Request(event.request.url, { method: 'POST', body: raw }));
		return json(await event.locals.services.cashbook.reverse(event.locals.actor, event.params.entryId, body), { status: 201 });
	});

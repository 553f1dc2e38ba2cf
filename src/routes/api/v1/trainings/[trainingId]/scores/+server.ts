import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** Pre- or post-test scores (0–100, null clears) typed by the facilitator; a foreign memberId refuses all. */
export const PUT: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		return json(await event.locals.services.tests.setScores(event.locals.actor, event.params.trainingId, body));
	});

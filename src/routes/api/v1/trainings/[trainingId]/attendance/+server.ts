import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** Attendance ticks made on a phone; each event id is applied once, the latest `at` per member decides. */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		return json(await event.locals.services.trainings.recordAttendance(event.locals.actor, event.params.trainingId, body, 'api'));
	});

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const view = await event.locals.services.trainings.attendance(event.locals.actor, event.params.trainingId);
		return json({ data: view.data.map((d) => ({ memberId: d.memberId, present: d.present, invited: d.invited, at: d.at })), rate: view.rate, present: view.present, expected: view.expected });
	});

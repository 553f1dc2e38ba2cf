import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { ValidationError } from '$lib/server/errors';
import { staffTraining } from '$lib/server/training/page-context';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/**
 * The attendance page's queue sends its ticks here with the session cookie. Only same-origin JSON is taken
 * (a cross-site form cannot send application/json without CORS, and the Origin must be ours).
 */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		const type = event.request.headers.get('content-type') ?? '';
		const origin = event.request.headers.get('origin');
		if (!type.startsWith('application/json') || (origin !== null && origin !== event.url.origin)) throw new ValidationError('api.badJson', {}, [], 400);
		requireUser(event.locals.actor);
		const { training } = await staffTraining(event);
		const body = await readJson(event.request);
		return json(await event.locals.services.trainings.recordAttendance(event.locals.actor, training.id, body, 'tap'));
	});

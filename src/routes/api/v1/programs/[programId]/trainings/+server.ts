import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import { trainingJson } from '$lib/server/training/training-json';
import type { TrainingInput } from '$lib/validation/training';
import type { RequestHandler } from './$types';

/** Creates a training of the program (coordinator or facilitator of its community; anyone else: 404). */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		const training = await event.locals.services.trainings.create(event.locals.actor, event.params.programId, body as TrainingInput);
		return json(trainingJson(training), { status: 201 });
	});

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const trainings = await event.locals.services.trainings.listForProgram(event.locals.actor, event.params.programId);
		return json({ data: trainings.map(trainingJson) });
	});

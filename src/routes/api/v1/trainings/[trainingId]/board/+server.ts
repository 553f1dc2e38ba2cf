import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** The training's board: first names and steps of its invited members, and how many stand at each step. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const { board } = await event.locals.services.boards.forStaff(event.locals.actor, event.params.trainingId);
		return json(board);
	});

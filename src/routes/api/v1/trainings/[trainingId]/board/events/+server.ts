import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { boardEventStream, staffStillSignedIn } from '$lib/server/web/board-stream';
import type { RequestHandler } from './$types';

/** The board as Server-Sent Events for the training's staff: the board now, then on every change of a step. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const { training } = await event.locals.services.boards.forStaff(event.locals.actor, event.params.trainingId);
		const token = /^Bearer\s+(\S+)$/i.exec(event.request.headers.get('authorization') ?? '')?.[1];
		return boardEventStream(event.locals.services.boardHub, { trainingId: training.id, communityId: training.communityId, expiresAt: null, stillAllowed: staffStillSignedIn(event.locals.services.auth, token, 'api', training.communityId) });
	});

import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { staffTraining } from '$lib/server/training/page-context';
import { boardEventStream, staffStillSignedIn } from '$lib/server/web/board-stream';
import type { RequestHandler } from './$types';

/**
 * The training board's live stream for the facilitator's list (signed in with the page's session, not a bearer
 * token): one event per change of anyone's step or help flag, from the same hub as the projector.
 */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const { training } = await staffTraining(event);
		return boardEventStream(event.locals.services.boardHub, { trainingId: training.id, communityId: training.communityId, expiresAt: null, stillAllowed: staffStillSignedIn(event.locals.services.auth, event.locals.sessionToken, 'cookie', training.communityId) });
	});

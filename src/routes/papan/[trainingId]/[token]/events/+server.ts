import { apiCall } from '$lib/server/http';
import { boardEventStream, MAX_LINK_STREAMS_PER_TRAINING } from '$lib/server/web/board-stream';
import type { RequestHandler } from './$types';

/** The board link's live updates (Server-Sent Events); the stream ends when the link expires. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { training, expiresAt } = await event.locals.services.boards.linkTarget(event.params.trainingId, event.params.token);
		return boardEventStream(event.locals.services.boardHub, { trainingId: training.id, communityId: training.communityId, expiresAt }, MAX_LINK_STREAMS_PER_TRAINING);
	});

import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { BOARD_HEADERS } from '$lib/server/web/board-page';
import type { RequestHandler } from './$types';

/** The board link asked for JSON (`Accept: application/json`): the same board as the page, no login; 404 once expired. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { board } = await event.locals.services.boards.forLink(event.params.trainingId, event.params.token);
		return json(board, { headers: BOARD_HEADERS });
	});

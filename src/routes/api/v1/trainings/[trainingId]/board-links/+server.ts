import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { boardLinkUrl } from '$lib/server/web/board-page';
import type { RequestHandler } from './$types';

/** A no-login link to the training's board, valid until 24.00 WIB of the training day. */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const link = await event.locals.services.boards.createLink(event.locals.actor, event.params.trainingId);
		return json({ url: boardLinkUrl(event.url.origin, link), expiresAt: link.expiresAt }, { status: 201 });
	});

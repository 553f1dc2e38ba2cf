import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { communitySummary } from '$lib/server/communities/community.repository';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const list = await event.locals.services.communities.listPublic(event.locals.actor);
		return json({
			data: list.map((c) => ({ ...communitySummary(c), url: `${event.url.origin}/c/${c.slug}` }))
		});
	});

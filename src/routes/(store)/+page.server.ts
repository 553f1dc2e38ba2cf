import { pageLoad } from '$lib/server/http';
import { communitySummary } from '$lib/server/communities/community.repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const communities = await event.locals.services.communities.listPublic(event.locals.actor);
		return {
			communities: communities.map(communitySummary)
		};
	});

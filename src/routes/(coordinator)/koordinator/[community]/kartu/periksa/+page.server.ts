import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import type { PageServerLoad } from './$types';

export const csr = false;

/** Before printing QR cards: which of the chosen sellers have a link out that printing retires (works without JS). */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const community = await coordinatorCommunity(event);
		const chosen = event.url.searchParams.getAll('userId').slice(0, 2000);
		const { targets, retiring } = await event.locals.services.members.planSetupCards(event.locals.actor, community, chosen);
		return {
			group: { slug: community.slug, name: community.name },
			chosen: chosen.length ? targets.map((s) => s.userId) : [],
			cards: targets.length,
			retiring: retiring.map((r) => ({ name: r.name, until: r.until }))
		};
	});

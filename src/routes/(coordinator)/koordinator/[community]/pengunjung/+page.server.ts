import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import type { PageServerLoad } from './$types';

export const csr = false;

const PERIODS = [7, 30] as const;

/**
 * The community's visitors for its coordinator and facilitators: the whole catalog's numbers (chart, sources,
 * funnel) and a table per shop. Anyone else: 404 (the service decides).
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, url } = event;
		const community = await coordinatorCommunity(event);
		const asked = Number(url.searchParams.get('hari'));
		const days = (PERIODS as readonly number[]).includes(asked) ? asked : 7;
		const [stats, shops] = await Promise.all([locals.services.visitStats.communityStats(locals.actor, community.slug, days), locals.services.visitStats.communityShops(locals.actor, community.slug, days)]);
		return { group: { slug: community.slug, name: community.name, groupName: community.group_name }, days, periods: PERIODS, stats, shops };
	});

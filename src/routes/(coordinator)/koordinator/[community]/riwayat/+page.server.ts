import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import { auditQuery, withQuery } from '$lib/server/web/audit-query';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The community's audit rows for its coordinator (and platform admins), newest first; 404 to anyone else. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, url } = event;
		const community = await coordinatorCommunity(event);
		const query = auditQuery(url);
		const [rows, actions] = await Promise.all([locals.services.audit.listCommunity(locals.actor, community, query), locals.services.audit.actions(locals.actor, community)]);
		return { group: { slug: community.slug, name: community.name }, rows, actions, query, csvHref: withQuery(`/koordinator/${community.slug}/riwayat.csv`, url) };
	});

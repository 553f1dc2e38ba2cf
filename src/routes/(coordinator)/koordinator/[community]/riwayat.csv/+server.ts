import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { auditQuery } from '$lib/server/web/audit-query';
import type { RequestHandler } from './$types';

/** The community's audit rows as CSV for its coordinator (the page's filters); 404 to anyone else. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { locals } = event;
		requireUser(locals.actor);
		const community = await locals.services.communities.getBySlug(locals.actor, event.params.community);
		const csv = await locals.services.audit.exportCsv(locals.actor, community, auditQuery(event.url), locals.locale);
		return new Response(new Uint8Array(csv), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="riwayat-${community.slug}.csv"`, 'cache-control': 'private, no-store' }
		});
	});

import { pageLoad } from '$lib/server/http';
import { auditQuery, withQuery } from '$lib/server/web/audit-query';
import type { PageServerLoad } from './$types';

export const csr = false;

/** Every row of the audit log for a platform admin, newest first, with filters; 404 to everyone else. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, url } = event;
		const query = auditQuery(url);
		const [rows, actions] = await Promise.all([locals.services.audit.listAll(locals.actor, query), locals.services.audit.actions(locals.actor, null)]);
		return { rows, actions, query, csvHref: withQuery('/admin/riwayat.csv', url) };
	});

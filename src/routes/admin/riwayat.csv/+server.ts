import { apiCall } from '$lib/server/http';
import { auditQuery } from '$lib/server/web/audit-query';
import type { RequestHandler } from './$types';

/** The audit log as CSV for a platform admin (the page's filters); 404 to everyone else. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const csv = await event.locals.services.audit.exportCsv(event.locals.actor, null, auditQuery(event.url), event.locals.locale);
		return new Response(new Uint8Array(csv), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="riwayat-perubahan.csv"', 'cache-control': 'private, no-store' }
		});
	});

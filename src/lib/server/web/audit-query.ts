import type { AuditQuery } from '../audit/audit.service';

/** The audit filters from a page's or CSV link's query string (`jenis`, `dari`, `sampai`), as typed (the service checks them). */
export function auditQuery(url: URL): AuditQuery & { action: string; from: string; to: string } {
	const get = (k: string) => (url.searchParams.get(k) ?? '').trim().slice(0, 40);
	return { action: get('jenis'), from: get('dari'), to: get('sampai') };
}

/** The same filters on another path (the CSV beside the page). */
export function withQuery(path: string, url: URL): string {
	return url.search ? `${path}${url.search}` : path;
}

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Feeds and sitemaps may be a few minutes old: crawlers and catalog importers poll them, they need not be live. */
const MAX_AGE_SECONDS = 300;

/**
 * A public machine-readable document (sitemap, feed, CSV, JSON) with a short max-age and a strong ETag of its bytes:
 * a poller sending `If-None-Match` gets a bodyless 304. Gzipped when the client accepts it (adapter-node compresses
 * nothing itself, and a large sitemap or feed shrinks about tenfold). `compress: false` for JSON under `/c/…`: the
 * page cache stores that response and gzips it itself.
 */
export function documentResponse(request: Request, body: string | Uint8Array, contentType: string, options: { compress?: boolean; headers?: Record<string, string> } = {}): Response {
	const { compress = true, headers: extraHeaders = {} } = options;
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
	const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
	const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': `public, max-age=${MAX_AGE_SECONDS}`, etag, vary: 'accept-encoding', ...extraHeaders };
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
	if (compress && bytes.length > 1024 && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '') && request.method !== 'HEAD') {
		const gz = gzipSync(bytes);
		return new Response(new Uint8Array(gz), { headers: { ...headers, 'content-encoding': 'gzip', 'content-length': String(gz.length) } });
	}
	return new Response(new Uint8Array(bytes), { headers: { ...headers, 'content-length': String(bytes.length) } });
}

export function xmlResponse(request: Request, xml: string): Response {
	return documentResponse(request, xml, 'application/xml; charset=utf-8');
}

/** A CSV download (the name is made of slugs, `[a-z0-9-]`, so it needs no quoting rules beyond the quotes). */
export function csvResponse(request: Request, csv: Buffer, filename: string): Response {
	return documentResponse(request, csv, 'text/csv; charset=utf-8', { headers: { 'content-disposition': `attachment; filename="${filename.replace(/[^a-z0-9.-]/gi, '-')}"` } });
}

/** JSON left uncompressed: under `/c/…` the page cache keeps it and gzips it itself. */
export function jsonDocumentResponse(request: Request, data: unknown): Response {
	return documentResponse(request, JSON.stringify(data), 'application/json; charset=utf-8', { compress: false });
}

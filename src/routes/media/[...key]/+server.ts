import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Public photo variants (`p/…`: products, logos). Keys contain the content hash, so a response never changes:
 * cache it for a year. Every other prefix is private and served only through its own guarded route (program
 * evidence `e/…`, payment receipts `r/…`), so only `p/` is answered here.
 */
export const GET: RequestHandler = async ({ params, locals, request }) => {
	if (!params.key.startsWith('p/') || params.key.endsWith('.pdf')) error(404, 'Not found');
	const data = await locals.services.storage.get(params.key);
	if (!data) error(404, 'Not found');
	const etag = `"${params.key.replace(/[^a-z0-9]/g, '').slice(-32)}"`;
	const headers = {
		'content-type': params.key.endsWith('.webp') ? 'image/webp' : params.key.endsWith('.png') ? 'image/png' : 'image/jpeg',
		'cache-control': 'public, max-age=31536000, immutable',
		etag
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(data), { headers: { ...headers, 'content-length': String(data.length) } });
};

import { error } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { jpegRendition, isJpegRenditionKey } from '$lib/server/media/jpeg-rendition';
import type { RequestHandler } from './$types';

/**
 * Public photo variants (`p/…`: products, logos). Keys contain the content hash, so a response never changes:
 * cache it for a year. Every other prefix is private and served only through its own guarded route (program
 * evidence `e/…`, payment receipts `r/…`), so only `p/` is answered here. A photo's JPEG rendition (`…-large.jpg`,
 * for Shopee and the catalog feed) is made from its WebP on the first request and stored. HEAD answers from GET.
 */
export const GET: RequestHandler = async (event) => {
	const { params, locals, request } = event;
	if (!params.key.startsWith('p/') || params.key.endsWith('.pdf')) error(404, 'Not found');
	const storage = locals.services.storage;
	// A full image queue while a rendition is made, or a bucket that does not answer (MEDIA_STORAGE=s3) → 503 'coba lagi', never a 500.
	const data = await pageLoad(event, () => (isJpegRenditionKey(params.key) ? jpegRendition(storage, params.key) : storage.get(params.key)));
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

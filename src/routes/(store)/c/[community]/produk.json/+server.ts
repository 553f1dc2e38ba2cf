import type { RequestHandler } from './$types';
import { pageLoad } from '$lib/server/http';
import { productsJson } from '$lib/server/seo/feed.service';
import { jsonDocumentResponse } from '$lib/server/seo/responses';

/** The community's public products as JSON (one item per product, or per variant). Public; unknown community → 404. */
export const GET: RequestHandler = async (event) => {
	const { locals, url, params, request } = event;
	const { community, items } = await pageLoad(event, () => locals.services.feeds.items(locals.actor, url.origin, params.community));
	return jsonDocumentResponse(request, productsJson(community, null, items));
};

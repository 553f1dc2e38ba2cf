import type { RequestHandler } from './$types';
import { pageLoad } from '$lib/server/http';
import { productsJson } from '$lib/server/seo/feed.service';
import { jsonDocumentResponse } from '$lib/server/seo/responses';

/** One open shop's public products as JSON. Public; a hidden shop, one not open yet or of another community → 404. */
export const GET: RequestHandler = async (event) => {
	const { locals, url, params, request } = event;
	const { community, shop, items } = await pageLoad(event, () => locals.services.feeds.items(locals.actor, url.origin, params.community, params.shop));
	return jsonDocumentResponse(request, productsJson(community, shop, items));
};

import type { RequestHandler } from './$types';
import { pageLoad } from '$lib/server/http';
import { catalogFeedXml } from '$lib/server/seo/feed.service';
import { xmlResponse } from '$lib/server/seo/responses';

/** The community's catalog feed for Google Merchant Center / Meta catalogs (RSS 2.0 + `g:`). Public; unknown community → 404. */
export const GET: RequestHandler = async (event) => {
	const { locals, url, params, request } = event;
	const { community, items } = await pageLoad(event, () => locals.services.feeds.items(locals.actor, url.origin, params.community));
	return xmlResponse(request, catalogFeedXml(url.origin, community, items));
};

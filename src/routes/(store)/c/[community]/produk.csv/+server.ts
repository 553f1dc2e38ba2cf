import type { RequestHandler } from './$types';
import { pageLoad } from '$lib/server/http';
import { productsCsv } from '$lib/server/seo/feed.service';
import { csvResponse } from '$lib/server/seo/responses';

/** The community's public products as CSV (one row per product, or per variant). Public; unknown community → 404. */
export const GET: RequestHandler = async (event) => {
	const { locals, url, params, request } = event;
	const { community, items } = await pageLoad(event, () => locals.services.feeds.items(locals.actor, url.origin, params.community));
	return csvResponse(request, productsCsv(items), `produk-${community.slug}.csv`);
};

import type { RequestHandler } from './$types';
import { pageLoad } from '$lib/server/http';
import { productsCsv } from '$lib/server/seo/feed.service';
import { csvResponse } from '$lib/server/seo/responses';

/** One open shop's public products as CSV. Public; a hidden shop, one not open yet or of another community → 404. */
export const GET: RequestHandler = async (event) => {
	const { locals, url, params, request } = event;
	const { shop, items } = await pageLoad(event, () => locals.services.feeds.items(locals.actor, url.origin, params.community, params.shop));
	return csvResponse(request, productsCsv(items), `produk-${shop!.slug}.csv`);
};

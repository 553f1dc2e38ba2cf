import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { pageLoad } from '$lib/server/http';
import { xmlResponse } from '$lib/server/seo/responses';

/** One page of a sitemap too large for one file (named by `/sitemap.xml`'s index); any other number is a 404. */
export const GET: RequestHandler = async (event) => {
	const { locals, url, params, request } = event;
	if (!/^[1-9][0-9]{0,5}$/.test(params.page)) error(404, 'Not found');
	return xmlResponse(request, await pageLoad(event, () => locals.services.sitemap.sitemapPage(locals.actor, url.origin, Number(params.page))));
};

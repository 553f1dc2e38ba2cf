import type { RequestHandler } from './$types';
import { xmlResponse } from '$lib/server/seo/responses';

/** The sitemap for search engines (or, past 50,000 URLs, the index of its pages). See SitemapService. */
export const GET: RequestHandler = async ({ locals, url, request }) => xmlResponse(request, await locals.services.sitemap.sitemap(locals.actor, url.origin));

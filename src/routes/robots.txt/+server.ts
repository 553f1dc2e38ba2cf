import type { RequestHandler } from './$types';
import { robotsTxt } from '$lib/server/seo/sitemap.service';

/** Which pages crawlers may read, and where the sitemap is (an absolute URL on this origin). */
export const GET: RequestHandler = ({ url }) =>
	new Response(robotsTxt(url.origin), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });

import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Official regions one level below `?parent=` (provinces without it): `{ data: [{ code, name, level }] }`. Public, cacheable. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const data = await event.locals.services.regions.children(event.locals.actor, event.url.searchParams.get('parent'));
		return json({ data }, { headers: { 'cache-control': 'public, max-age=86400, stale-while-revalidate=604800' } });
	});

import { error } from '@sveltejs/kit';
import { loadConfig } from '$lib/server/config';
import { metricsText, bearerMatches } from '$lib/server/observability/metrics-endpoint';
import type { RequestHandler } from './$types';

/**
 * Prometheus metrics, only for `Authorization: Bearer $METRICS_TOKEN`. Without the token, with another one, or when
 * METRICS_TOKEN is unset, the answer is the same 404 as any path that does not exist.
 */
export const GET: RequestHandler = async ({ request }) => {
	if (!bearerMatches(request.headers.get('authorization'), loadConfig().metricsToken)) error(404, 'Not found');
	const { text, contentType } = await metricsText();
	return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
};

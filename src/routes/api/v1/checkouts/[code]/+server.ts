import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { checkoutJson } from '$lib/server/web/checkout-json';
import type { RequestHandler } from './$types';

/** The same view as the buyer's status page; a wrong token answers 404. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const view = await event.locals.services.orders.getCheckout(event.locals.actor, event.params.code, event.url.searchParams.get('token') ?? '');
		return json(checkoutJson(view, event.url.origin), { headers: { 'cache-control': 'no-store' } });
	});

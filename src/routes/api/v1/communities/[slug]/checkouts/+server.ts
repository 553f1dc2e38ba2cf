import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { checkoutJson } from '$lib/server/web/checkout-json';
import { ValidationError } from '$lib/server/errors';
import type { CheckoutInput } from '$lib/validation/checkout';
import { notifySellers } from '$lib/server/web/notify-sellers';
import type { RequestHandler } from './$types';

/**
 * Places a checkout. The Idempotency-Key header is required: the same key with the same body returns the same
 * orders (200; 201 only for the request that created them), with another body 422 `idempotency_key_reused`.
 */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		const key = event.request.headers.get('idempotency-key');
		if (!key) throw new ValidationError('order.idempotencyKey', {}, [], 400);
		const { services, actor } = event.locals;
		const community = await services.communities.getBySlug(actor, event.params.slug);
		const body = await readJson(event.request);
		const { view, created } = await services.orders.placeCheckout(actor, community, body as CheckoutInput, key, { address: event.getClientAddress() });
		if (created) notifySellers(services, view);
		return json(checkoutJson(view, event.url.origin), { status: created ? 201 : 200 });
	});

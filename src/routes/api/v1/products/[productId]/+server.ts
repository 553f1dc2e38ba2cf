import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson, productJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const m = await event.locals.services.products.getManaged(event.locals.actor, event.params.productId);
		return json({ ...productJson(m.product, m.variants), variants: m.variants, quality: m.quality, photos: m.photos });
	});

/** Any editable field, including stock, price and published. Another shop's product answers 404. */
export const PATCH: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		await event.locals.services.products.update(event.locals.actor, event.params.productId, body);
		const m = await event.locals.services.products.getManaged(event.locals.actor, event.params.productId);
		return json(productJson(m.product, m.variants));
	});

/** Archives (never hard-deletes: orders will keep pointing at it). */
export const DELETE: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		await event.locals.services.products.setStatus(event.locals.actor, event.params.productId, 'archived');
		const m = await event.locals.services.products.getManaged(event.locals.actor, event.params.productId);
		return json(productJson(m.product, m.variants));
	});

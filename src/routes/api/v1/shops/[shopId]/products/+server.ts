import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson, productJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import type { NewProductInput } from '$lib/validation/product';
import type { RequestHandler } from './$types';

/** Creates a product in one of the caller's shops (a draft unless `"published": true`). */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		const product = await event.locals.services.products.createInShop(event.locals.actor, event.params.shopId, body as NewProductInput);
		const m = await event.locals.services.products.getManaged(event.locals.actor, product.id);
		return json(productJson(m.product, m.variants), { status: 201 });
	});

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const rows = await event.locals.services.products.listForShop(event.locals.actor, event.params.shopId);
		return json({ data: rows.map((r) => ({ ...productJson(r.product, r.variants), qualityScore: r.quality.score })) });
	});

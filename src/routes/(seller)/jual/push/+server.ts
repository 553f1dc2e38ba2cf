import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import type { RequestEvent, RequestHandler } from './$types';
import { requestedShopId } from '$lib/server/web/acting-shop';

/** The shop the request is for: ?toko= when helping another shop, else the seller's own. */
function shopOf(event: RequestEvent): string {
	const user = requireUser(event.locals.actor);
	const shopId = requestedShopId(event.url, user);
	if (!shopId) throw new NotFoundError('order.notFound');
	return shopId;
}

/** Saves this browser's Web Push subscription for the seller's shop (only a browser push service's endpoint). */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		await event.locals.services.push.subscribe(event.locals.actor, shopOf(event), await readJson(event.request));
		return json({ ok: true }, { status: 201 });
	});

/** "Matikan notifikasi": stops pushes to this browser ({ endpoint }) for the shop; other shops' rows stay. */
export const DELETE: RequestHandler = (event) =>
	apiCall(event, async () => {
		await event.locals.services.push.unsubscribe(event.locals.actor, shopOf(event), await readJson(event.request));
		return json({ ok: true });
	});

import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** Saves this browser's Web Push subscription for the seller's shop (?toko= when helping another shop). */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		const user = requireUser(event.locals.actor);
		const shopId = event.url.searchParams.get('toko') ?? user.shopIds[0];
		if (!shopId) throw new NotFoundError('order.notFound');
		await event.locals.services.push.subscribe(event.locals.actor, shopId, await readJson(event.request));
		return json({ ok: true }, { status: 201 });
	});

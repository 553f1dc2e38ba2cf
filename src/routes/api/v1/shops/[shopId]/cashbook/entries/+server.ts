import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import { idempotencyKeyOf } from '$lib/server/web/cashbook-form';
import type { RequestHandler } from './$types';

/**
 * Records one entry in the caller's own shop's cash book (201 with the entry). Anyone else, a coordinator too: 404.
 * With an `Idempotency-Key` header the same key again stores nothing and answers 200 with the first entry
 * (`Idempotent-Replayed: true`).
 */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		const { entry, replayed } = await event.locals.services.cashbook.recordOnce(event.locals.actor, event.params.shopId, body, idempotencyKeyOf(event.request));
		return json(entry, replayed ? { status: 200, headers: { 'idempotent-replayed': 'true' } } : { status: 201 });
	});

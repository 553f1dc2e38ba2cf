import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import type { RequestHandler } from './$types';

/** `{ login, password }` → an API token (stored hashed, expires in 90 days) for `Authorization: Bearer`. */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		const body = await readJson(event.request);
		const result = await event.locals.services.auth.login(body, { address: event.getClientAddress(), kind: 'api' });
		return json({ token: result.token, expiresAt: result.expiresAt, user: result.user });
	});

import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** The book over `?from=&to=` (days, WIB; empty: this month): `{ entries, summary }`, newest first. Only the shop's seller. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const q = event.url.searchParams;
		const book = await event.locals.services.cashbook.book(event.locals.actor, event.params.shopId, { from: q.get('from') ?? undefined, to: q.get('to') ?? undefined });
		return json({ from: book.from, to: book.to, entries: book.entries, summary: book.summary });
	});

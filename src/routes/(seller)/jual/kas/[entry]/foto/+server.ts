import { pageLoad } from '$lib/server/http';
import { receiptResponse } from '$lib/server/web/receipt-response';
import type { RequestHandler } from './$types';

/** The entry's receipt photo, private (no cache), for the shop's seller alone; anyone else 404. */
export const GET: RequestHandler = (event) => pageLoad(event, async () => receiptResponse(await event.locals.services.cashbook.photo(event.locals.actor, event.params.entry), 'nota.webp'));

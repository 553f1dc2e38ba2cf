import { pageLoad } from '$lib/server/http';
import { receiptResponse } from '$lib/server/web/receipt-response';
import type { RequestHandler } from './$types';

/** The buyer's own transfer receipt, with the checkout's link (?t=…); a wrong token is "not found". */
export const GET: RequestHandler = (event) =>
	pageLoad(event, async () => receiptResponse(await event.locals.services.paymentProofs.forBuyer(event.locals.actor, event.params.code, event.url.searchParams.get('t') ?? '', event.params.order)));

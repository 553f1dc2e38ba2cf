import { pageLoad } from '$lib/server/http';
import { receiptResponse } from '$lib/server/web/receipt-response';
import type { RequestHandler } from './$types';

/** The buyer's transfer receipt for the order's seller and the community's staff; anyone else 404 (payment-proof.service). */
export const GET: RequestHandler = (event) => pageLoad(event, async () => receiptResponse(await event.locals.services.paymentProofs.forSeller(event.locals.actor, event.params.id)));

import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { readTemplateUpload, shopeeExportResponse } from '$lib/server/web/shopee-response';
import type { RequestHandler } from './$types';

/** The built-in Shopee bulk-upload workbook of the shop's live products (`Accept: application/json`: what is left out and why). */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		return shopeeExportResponse(event, event.params.shopId);
	});

/** The seller's own blank Seller Centre template (multipart field `template`) filled with the shop's live products. */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		// who may export is checked before the upload is read: a stranger learns nothing, even about the file
		await event.locals.services.shopeeExports.checkAccess(event.locals.actor, event.params.shopId);
		return shopeeExportResponse(event, event.params.shopId, await readTemplateUpload(event.request));
	});

import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { DomainError } from '$lib/server/errors';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { readTemplateUpload, shopeeExportResponse } from '$lib/server/web/shopee-response';
import type { RequestEvent, RequestHandler } from './$types';

/** The shop asked for (?toko= when a coordinator helps), or off to the login page. */
function shopOf(event: RequestEvent): string {
	const { locals, url } = event;
	if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent('/jual/shopee' + url.search)}`);
	return requestedShopId(url, locals.actor) ?? '';
}

/** "Unduh file Shopee": the built-in workbook of the shop's live products. Anyone who may not manage the shop: 404. */
export const GET: RequestHandler = (event) => pageLoad(event, () => shopeeExportResponse(event, shopOf(event)));

/**
 * "Isi template Shopee saya": the seller's blank Seller Centre template (field `template`) comes back filled. A file
 * that is no usable template sends the seller back to /jual/shopee with the reason shown there (works without JS).
 */
export const POST: RequestHandler = (event) =>
	pageLoad(event, async () => {
		const shopId = shopOf(event);
		await event.locals.services.shopeeExports.checkAccess(event.locals.actor, shopId);
		try {
			return await shopeeExportResponse(event, shopId, await readTemplateUpload(event.request));
		} catch (e) {
			if (!(e instanceof DomainError) || e.status !== 400 || !e.messageKey.startsWith('shopee.template.')) throw e;
			const back = new URLSearchParams(event.url.search);
			back.set('template', e.messageKey.slice('shopee.template.'.length));
			redirect(303, `/jual/shopee?${back}`);
		}
	});

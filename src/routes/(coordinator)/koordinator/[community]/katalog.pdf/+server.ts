import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { translator } from '$lib/i18n';
import { catalogPdf } from '$lib/server/documents/catalog-pdf';
import { printedOrigin } from '$lib/server/promo/origin';
import type { RequestHandler } from './$types';

/**
 * The community's printed catalog (issue 10 item 4): every active shop with its published products, each shop with
 * its order link and QR code (`?src=poster`). For the community's coordinator and facilitators; anyone else signed
 * in gets 404, and a visitor who is not signed in is sent to sign in.
 */
export const GET: RequestHandler = (event) =>
	pageLoad(event, async () => {
		const { locals, params, url } = event;
		if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent(url.pathname)}`);
		const data = await locals.services.promo.communityCatalog(locals.actor, params.community, printedOrigin(url));
		// printed for the village's buyers: always in Bahasa Indonesia
		const pdf = await catalogPdf(data, translator('id'), 'id');
		return new Response(new Uint8Array(pdf), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="katalog-${params.community.replace(/[^a-z0-9-]/g, '')}.pdf"`, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' }
		});
	});

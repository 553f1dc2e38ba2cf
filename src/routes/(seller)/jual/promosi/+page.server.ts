import { pageLoad } from '$lib/server/http';
import { printedOrigin } from '$lib/server/promo/origin';
import { shopLink } from '$lib/server/promo/promo.service';
import type { PageServerLoad } from './$types';

/** "Promosikan toko": the seller's posters, printed catalog and the shop link to share on WhatsApp (`?src=whatsapp`). */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop, community } = await event.parent();
		const overview = await event.locals.services.promo.overview(event.locals.actor, shop.id);
		return { ...overview, whatsappLink: shopLink(printedOrigin(event.url), community.slug, shop.slug, 'whatsapp') };
	});

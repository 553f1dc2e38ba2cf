import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { translator } from '$lib/i18n';
import { whatsappUrl } from '$lib/utils/whatsapp';
import { shopOrRedirect } from '$lib/server/web/shop-slug';
import { productWhatsappUrl } from '$lib/server/web/product-choice';
import { countShopEvent } from '$lib/server/visits/visit-hook';
import { printedOrigin } from '$lib/server/promo/origin';
import { localizeHref } from '$lib/i18n/paths';
import type { RequestHandler } from './$types';

/**
 * A shop's WhatsApp button (the shop page's "Chat", a sold-out product's "Pesan via WhatsApp"), counted: the tap is
 * recorded as a WhatsApp click of the shop, then 303 to the wa.me link the button held before (with `?p=` a product
 * slug, the question about that product). Works without JavaScript. The target is built only from the shop's stored
 * number and our own page's address, so nothing in the request can send anyone elsewhere. The path has a dot so it
 * can never be a product's address (slugs have none).
 */
export const GET: RequestHandler = (event) =>
	pageLoad(event, async () => {
		const { services, actor, locale } = event.locals;
		const community = await services.communities.getBySlug(actor, event.params.community);
		const shop = await shopOrRedirect(event, community, event.params.shop, '/whatsapp.url');
		// The shop's (or product's) page in the buyer's language, as the button's link said it before it was counted.
		const pageUrl = (path: string) => printedOrigin(event.url) + localizeHref(path, locale);
		const shopPath = `/c/${community.slug}/toko/${shop.slug}`;
		const productSlug = (event.url.searchParams.get('p') ?? '').slice(0, 100);
		let target: string;
		let productId: string | null = null;
		if (productSlug) {
			const detail = await services.catalog.getProduct(actor, community, shop, productSlug);
			productId = detail.product.id;
			target = productWhatsappUrl(shop, detail.product, detail.variants, pageUrl(`${shopPath}/${detail.product.slug}`), null);
		} else {
			target = whatsappUrl(shop.whatsapp, translator(locale)('shop.chatMessage', { shop: shop.name, url: pageUrl(shopPath) }));
		}
		countShopEvent(event, 'whatsapp_click', { communitySlug: community.slug, shopId: shop.id, productId });
		redirect(303, target);
	});

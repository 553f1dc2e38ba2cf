import { localizeHref } from '$lib/i18n/paths';
import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { translator } from '$lib/i18n';
import { shopOrRedirect } from '$lib/server/web/shop-slug';
import { productWhatsappUrl, readChoice } from '$lib/server/web/product-choice';
import { countShopEvent } from '$lib/server/visits/visit-hook';
import type { RequestHandler } from './$types';

/**
 * "Pesan via WhatsApp" on a product page, without JavaScript: the product form's button sends its variant and
 * quantity here with GET, and this answers 303 to the seller's wa.me link with them in the message. A refused
 * choice (another product's variant, a sold-out one, "abc" as quantity) goes back to the product page with the
 * field marked. A sent choice counts as a WhatsApp click of the shop (visitor counts). The target is built only from the shop's stored number and our own page's address: nothing in
 * the request can turn this into a redirect to anywhere else.
 */
export const GET: RequestHandler = (event) =>
	pageLoad(event, async () => {
		const { services, actor, locale } = event.locals;
		const community = await services.communities.getBySlug(actor, event.params.community);
		const shop = await shopOrRedirect(event, community, event.params.shop, `/${encodeURIComponent(event.params.product)}/whatsapp`);
		const detail = await services.catalog.getProduct(actor, community, shop, event.params.product);
		const page = `/c/${community.slug}/toko/${shop.slug}/${detail.product.slug}`;
		const params = event.url.searchParams;
		const choice = readChoice(params, detail.variants, translator(locale));
		if ((detail.variants.length > 0 && !choice.variant) || choice.errors.quantity) {
			const back = new URLSearchParams();
			back.set('variantId', (params.get('variantId') ?? '').slice(0, 40));
			if (params.has('quantity')) back.set('quantity', (params.get('quantity') ?? '').slice(0, 12));
			redirect(303, localizeHref(`${page}?${back}#pesan`, locale));
		}
		countShopEvent(event, 'whatsapp_click', { communitySlug: community.slug, shopId: shop.id, productId: detail.product.id });
		redirect(303, productWhatsappUrl(shop, detail.product, detail.variants, event.url.origin + localizeHref(page, locale), choice));
	});

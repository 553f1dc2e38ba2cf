import { pageLoad } from '$lib/server/http';
import { renderOnly } from '$lib/render-only';
import { translator } from '$lib/i18n';
import { priceRangeOf, productDto } from '$lib/server/catalog/product-card';
import { shopDisplay } from '$lib/server/shops/shop-display';
import { shopOrRedirect } from '$lib/server/web/shop-slug';
import { printedOrigin } from '$lib/server/promo/origin';
import { localizeHref } from '$lib/i18n/paths';
import { headlinePrice, readChoice } from '$lib/server/web/product-choice';
import { shareLinks, sharePrice } from '$lib/server/share/share-links';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community } = await event.parent();
		const { services, actor, locale } = event.locals;
		const shop = await shopOrRedirect(event, community, event.params.shop, `/${encodeURIComponent(event.params.product)}`);
		const detail = await services.catalog.getProduct(actor, community, shop, event.params.product);
		const p = detail.product;
		// This page's own address in its language (canonical, og:url, JSON-LD, share links), on the configured public origin.
		const url = printedOrigin(event.url) + localizeHref(`/c/${community.slug}/toko/${shop.slug}/${p.slug}`, locale);
		// `?variantId=…&quantity=…`: a shared link with a variant chosen, or a refused choice sent back here.
		const choice = readChoice(event.url.searchParams, detail.variants, translator(locale));
		const range = priceRangeOf(p, detail.variants);
		// Versioned by content, drawn only when first requested (never while rendering this page).
		const share = shareLinks({ card: { name: p.name, price: sharePrice(p, detail.variants), shopName: shop.name, footer: community.name }, cover: detail.cover }, url, translator(locale));
		// Read only by the server render (csr = false): not serialized for a browser (render-only.ts).
		return renderOnly({
			shop: { slug: shop.slug, name: shop.name, area: shop.area, nib: shop.nib, ...shopDisplay(shop) },
			// With variants, the product can be bought while any variant has stock (productDto's one rule).
			product: productDto(p, detail.variants),
			photos: detail.photos,
			variants: detail.variants,
			variantTitle: p.variant_title,
			related: detail.related,
			choice,
			headline: headlinePrice(p, detail.variants, choice.variant),
			priceRange: range,
			// Only when nothing can be ordered (sold out): a plain link asking the seller; otherwise the form's button sends the choice.
			// Through our counting redirect (a WhatsApp click of the shop), which answers 303 to the same wa.me question.
			askUrl: `${localizeHref(`/c/${community.slug}/toko/${shop.slug}/whatsapp.url`, locale)}?p=${encodeURIComponent(p.slug)}`,
			url,
			share,
			origin: printedOrigin(event.url)
		});
	});

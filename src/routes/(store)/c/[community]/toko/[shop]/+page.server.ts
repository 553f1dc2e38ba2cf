import { pageLoad } from '$lib/server/http';
import { renderOnly } from '$lib/render-only';
import { searchParamsObject } from '$lib/validation/catalog';
import { formatWhatsappLocal } from '$lib/utils/phone';
import { shopDisplay } from '$lib/server/shops/shop-display';
import { shopOrRedirect } from '$lib/server/web/shop-slug';
import { printedOrigin } from '$lib/server/promo/origin';
import { localizeHref } from '$lib/i18n/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community } = await event.parent();
		const { services, actor, locale } = event.locals;
		const shop = await shopOrRedirect(event, community, event.params.shop);
		// A shop opened from the roster, before its owner publishes anything: "not open yet", nothing else (noindex).
		if (!(await services.shops.isOpen(actor, shop))) return renderOnly({ open: false as const, shop: { slug: shop.slug, name: shop.name } });
		const query = { ...searchParamsObject(event.url.searchParams, ['page']), shop: shop.slug, perPage: '48' };
		const result = await services.catalog.listProducts(actor, community, query);
		// This page's own address in its language (canonical, og:url, JSON-LD), on the configured public origin.
		const url = printedOrigin(event.url) + localizeHref(`/c/${community.slug}/toko/${shop.slug}`, locale);
		// Read only by the server render (csr = false): not serialized for a browser (render-only.ts).
		return renderOnly({
			open: true as const,
			shop: {
				slug: shop.slug,
				name: shop.name,
				businessType: shop.business_type,
				area: shop.area,
				story: shop.story,
				...shopDisplay(shop),
				whatsappDisplay: formatWhatsappLocal(shop.whatsapp),
				// The page shows this number to everyone, so structured data may carry it too (E.164).
				telephone: `+${shop.whatsapp}`,
				// Through our counting redirect (visitor counts: a WhatsApp click), which answers 303 to the wa.me link.
				chatUrl: localizeHref(`/c/${community.slug}/toko/${shop.slug}/whatsapp.url`, locale)
			},
			result,
			url,
			origin: printedOrigin(event.url)
		});
	});

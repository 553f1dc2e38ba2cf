import { pageLoad } from '$lib/server/http';
import { translator } from '$lib/i18n';
import { whatsappUrl } from '$lib/utils/whatsapp';
import { formatRupiah } from '$lib/utils/money';
import { productDto } from '$lib/server/catalog/product-card';
import { shopDisplay } from '$lib/server/shops/shop-display';
import { shopOrRedirect } from '$lib/server/web/shop-slug';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community } = await event.parent();
		const { services, actor, locale } = event.locals;
		const shop = await shopOrRedirect(event, community, event.params.shop, `/${encodeURIComponent(event.params.product)}`);
		const detail = await services.catalog.getProduct(actor, community, shop, event.params.product);
		const p = detail.product;
		const t = translator(locale);
		const url = `${event.url.origin}/c/${community.slug}/toko/${shop.slug}/${p.slug}`;
		const message = t('product.orderMessage', { shop: shop.name, product: p.name, price: formatRupiah(p.price), unit: p.unit, url });
		return {
			shop: { slug: shop.slug, name: shop.name, area: shop.area, nib: shop.nib, ...shopDisplay(shop) },
			// With variants, the product can be bought while any variant has stock (productDto's one rule).
			product: productDto(p, detail.variants),
			photos: detail.photos,
			variants: detail.variants,
			variantTitle: p.variant_title,
			related: detail.related,
			orderUrl: whatsappUrl(shop.whatsapp, message),
			url,
			origin: event.url.origin
		};
	});

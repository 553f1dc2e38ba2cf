import { error, redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { firstProductPath } from '$lib/server/web/first-product-path';
import { sellerPreviewCard } from '$lib/server/catalog/product-card';
import { formatRupiah } from '$lib/utils/money';
import type { Actions, PageServerLoad } from './$types';

/** Step 3 of "Produk pertama": the card buyers will see, what was filled in for the seller, and "Tampilkan di toko". */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, shopQuery } = await event.parent();
		const id = event.url.searchParams.get('produk');
		if (!id) error(404, 'Not found');
		const m = await event.locals.services.products.getManaged(event.locals.actor, id);
		const p = m.product;
		const publicUrl = `${event.url.origin}/c/${community.slug}/toko/${m.shop.slug}/${p.slug}`;
		return {
			product: { id: p.id, name: p.name, status: p.status, categorySlug: p.category_slug, unit: p.unit, stock: p.stock, weightGrams: p.weight_grams },
			preview: sellerPreviewCard(community.slug, p, m.shop, m.variants, m.photos[0]?.thumb ?? null),
			publicUrl,
			whatsapp: `https://wa.me/?text=${encodeURIComponent(`${p.name} — ${formatRupiah(p.price)}\n${publicUrl}?src=whatsapp`)}`,
			editHref: `/jual/produk/${p.id}${shopQuery}`
		};
	});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await request.formData();
		const id = url.searchParams.get('produk') ?? '';
		const result = await formAction(locals.locale, form, () => locals.services.firstProduct.publish(locals.actor, id));
		if (!('id' in result)) return result;
		redirect(303, firstProductPath('tayang', url, { produk: result.id }));
	}
};

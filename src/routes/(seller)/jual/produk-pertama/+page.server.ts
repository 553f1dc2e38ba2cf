import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { onPhotoField, photoBytes, photoTooLarge, readPhotoForm } from '$lib/server/web/photo-form';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { firstProductPath } from '$lib/server/web/first-product-path';
import type { Actions, PageServerLoad } from './$types';

/** Step 1 of "Produk pertama": the photo. A shop already showing a product gets the normal product form instead. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop, shopQuery } = await event.parent();
		const { published } = await event.locals.services.firstProduct.start(event.locals.actor, shop.id);
		if (published) redirect(303, `/jual/produk/baru${shopQuery}`);
		return { photoAgain: event.url.searchParams.get('foto') === 'ulang' };
	});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await readPhotoForm(request);
		if (!form) return photoTooLarge(locals.locale, 'photo');
		const shopId = requestedShopId(url, locals.actor) ?? '';
		const result = await formAction(locals.locale, form, async () => {
			const photo = (await photoBytes(form, 'photo'))!;
			return onPhotoField('photo', () => locals.services.firstProduct.takePhoto(locals.actor, shopId, photo));
		});
		if (!('ticket' in result)) return result;
		redirect(303, firstProductPath('nama', url, { foto: result.ticket }));
	}
};

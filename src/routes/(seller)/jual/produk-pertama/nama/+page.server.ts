import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { firstProductPath } from '$lib/server/web/first-product-path';
import { ValidationError } from '$lib/server/errors';
import { translator } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

/** Step 2 of "Produk pertama": name and price, beside the photo of step 1 (its ticket rides in `?foto=`). */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const { services, actor, locale } = event.locals;
		const ticket = event.url.searchParams.get('foto') ?? '';
		const photo = await services.firstProduct.photo(actor, shop.id, ticket).catch((e: unknown) => {
			// a missing, changed or day-old photo: back to step 1, which asks for it again
			if (e instanceof ValidationError) redirect(303, firstProductPath('', event.url, { foto: 'ulang' }));
			throw e;
		});
		const { defaults } = await services.firstProduct.start(actor, shop.id);
		const t = translator(locale);
		return { photo: { thumb: photo.thumb, hints: photo.hints.map((k) => t(k)) }, unit: defaults.unit, retake: firstProductPath('', event.url) };
	});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await request.formData();
		const shopId = requestedShopId(url, locals.actor) ?? '';
		const result = await formAction(locals.locale, form, () =>
			locals.services.firstProduct.saveDraft(locals.actor, shopId, { name: form.get('name') ?? '', price: form.get('price') ?? '', photo: url.searchParams.get('foto') ?? '' })
		);
		if (!('id' in result)) return result;
		redirect(303, firstProductPath('tayang', url, { produk: result.id }));
	}
};

import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/web/forms';
import { describeFromForm, EMPTY_PRODUCT } from '$lib/server/web/product-form';
import { productInputFromForm } from '$lib/validation/product';
import type { NewProductInput } from '$lib/validation/product';
import type { Actions, PageServerLoad } from './$types';
import { requestedShopId } from '$lib/server/web/acting-shop';

export const load: PageServerLoad = ({ url }) => ({ onboarding: url.searchParams.has('mulai'), empty: EMPTY_PRODUCT });

export const actions: Actions = {
	buat: async ({ request, locals, url }) => {
		const form = await request.formData();
		const shopId = requestedShopId(url, locals.actor) ?? '';
		const result = await formAction(locals.locale, form, async () => {
			const input = { ...productInputFromForm(form), published: form.get('published') === 'on' } as NewProductInput;
			return locals.services.products.createInShop(locals.actor, shopId, input);
		});
		if (!('id' in result)) return result;
		redirect(303, `/jual/produk/${result.id}?baru=1`);
	},
	bantu: async ({ request }) => describeFromForm(await request.formData())
};

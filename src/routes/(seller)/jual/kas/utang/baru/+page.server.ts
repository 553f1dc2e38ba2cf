import { redirect } from '@sveltejs/kit';
import { formAction, formValues } from '$lib/server/web/forms';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { BUILT_IN_CASH_CATEGORIES } from '$lib/server/db/schema-cashbook';
import type { Actions, PageServerLoad } from './$types';

/** A new receivable (?jenis=pelanggan, the default) or payable (?jenis=pemasok). Plain form, works without JavaScript. */
export const load: PageServerLoad = async ({ url }) => ({
	jenis: url.searchParams.get('jenis') === 'pemasok' ? 'pemasok' : 'pelanggan',
	expenseCategories: [...BUILT_IN_CASH_CATEGORIES.expense]
});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await request.formData();
		const v = formValues(form);
		const result = await formAction(locals.locale, form, async () => {
			const shopId = requestedShopId(url, requireUser(locals.actor));
			if (!shopId) throw new NotFoundError('cashbook.notFound');
			const direction = v.direction === 'payable' ? 'payable' : v.direction === 'receivable' ? 'receivable' : v.direction;
			return locals.services.debts.create(locals.actor, shopId, { direction, name: v.name, whatsapp: v.whatsapp, amount: v.amount, dueDate: v.dueDate, category: direction === 'payable' ? v.category : undefined, note: v.note });
		});
		if (result && typeof result === 'object' && 'id' in result) {
			const toko = url.searchParams.get('toko');
			redirect(303, `/jual/kas/utang/${result.id}?${new URLSearchParams({ ...(toko ? { toko } : {}), tersimpan: 'created' })}`);
		}
		return result;
	}
};

import { redirect } from '@sveltejs/kit';
import { formAction, formValues } from '$lib/server/web/forms';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { BUILT_IN_CASH_CATEGORIES } from '$lib/server/db/schema-cashbook';
import { newFormToken } from '$lib/server/cashbook/form-token';
import { formTokenOf } from '$lib/server/web/cashbook-form';
import type { Actions, PageServerLoad } from './$types';

/** A new receivable (?jenis=pelanggan, the default) or payable (?jenis=pemasok). Plain form, works without JavaScript. */
export const load: PageServerLoad = async ({ url }) => ({
	jenis: url.searchParams.get('jenis') === 'pemasok' ? 'pemasok' : 'pelanggan',
	expenseCategories: [...BUILT_IN_CASH_CATEGORIES.expense],
	formToken: newFormToken()
});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await request.formData();
		const v = formValues(form);
		const result = await formAction(locals.locale, form, async () => {
			const shopId = requestedShopId(url, requireUser(locals.actor));
			if (!shopId) throw new NotFoundError('cashbook.notFound');
			const direction = v.direction === 'payable' ? 'payable' : v.direction === 'receivable' ? 'receivable' : v.direction;
			const input = { direction, name: v.name, whatsapp: v.whatsapp, amount: v.amount, dueDate: v.dueDate, category: direction === 'payable' ? v.category : undefined, note: v.note };
			const { debt, replayed } = await locals.services.debts.createOnce(locals.actor, shopId, input, formTokenOf(form));
			return { id: debt.id, replayed };
		});
		if (result && typeof result === 'object' && 'id' in result) {
			const toko = url.searchParams.get('toko');
			// the same form sent again (a double tap, back + submit): the debt it recorded the first time, "Sudah tercatat"
			redirect(303, `/jual/kas/utang/${result.id}?${new URLSearchParams({ ...(toko ? { toko } : {}), tersimpan: result.replayed ? 'createdAgain' : 'created' })}`);
		}
		return result;
	}
};

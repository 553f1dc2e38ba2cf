import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { flashEntry, takeFlash } from '$lib/server/web/cashbook-flash';
import { formTokenOf, requireLargeAmountConfirmed } from '$lib/server/web/cashbook-form';
import { newFormToken } from '$lib/server/cashbook/form-token';
import type { Actions, PageServerLoad } from './$types';

/** The cash book's home: the quick sale entry, today's and this month's totals, the latest entries. Only the shop's seller. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const { actor, services } = event.locals;
		const home = await services.cashbook.home(actor, shop.id);
		const flashed = takeFlash(event.cookies);
		const saved = flashed ? await services.cashbook.get(actor, flashed.entryId).then((r) => r.entry, () => null) : null;
		return { ...home, saved, savedAgain: !!flashed?.again, formToken: newFormToken() };
	});

export const actions: Actions = {
	/**
	 * "Catat penjualan": a sale at the stall (income, penjualan, today) from the amount and how it was paid; 303 back, the
	 * form empty again. The form's one-time token again (a double tap, back + submit) stores nothing: "Sudah tercatat".
	 */
	catat: async ({ request, locals, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const user = requireUser(locals.actor);
			const shopId = requestedShopId(url, user);
			if (!shopId) throw new NotFoundError('cashbook.notFound');
			requireLargeAmountConfirmed(form);
			const input = { kind: 'income', category: 'penjualan', amount: String(form.get('amount') ?? ''), method: String(form.get('method') ?? '') };
			const { entry, replayed } = await locals.services.cashbook.recordOnce(locals.actor, shopId, input, formTokenOf(form));
			return { entryId: entry.id, replayed };
		});
		if (result && 'entryId' in result) {
			flashEntry(cookies, result.entryId, url.protocol === 'https:', result.replayed);
			const toko = url.searchParams.get('toko');
			redirect(303, `/jual/kas${toko ? `?toko=${encodeURIComponent(toko)}` : ''}`);
		}
		return result;
	}
};

import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { flashEntry, takeFlashedEntry } from '$lib/server/web/cashbook-flash';
import { requireLargeAmountConfirmed } from '$lib/server/web/cashbook-form';
import type { Actions, PageServerLoad } from './$types';

/** The cash book's home: the quick sale entry, today's and this month's totals, the latest entries. Only the shop's seller. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const { actor, services } = event.locals;
		const home = await services.cashbook.home(actor, shop.id);
		const flashed = takeFlashedEntry(event.cookies);
		const saved = flashed ? await services.cashbook.get(actor, flashed).then((r) => r.entry, () => null) : null;
		return { ...home, saved };
	});

export const actions: Actions = {
	/** "Catat penjualan": a sale at the stall (income, penjualan, today) from the amount and how it was paid; 303 back, the form empty again. */
	catat: async ({ request, locals, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const user = requireUser(locals.actor);
			const shopId = requestedShopId(url, user);
			if (!shopId) throw new NotFoundError('cashbook.notFound');
			requireLargeAmountConfirmed(form);
			const entry = await locals.services.cashbook.record(locals.actor, shopId, {
				kind: 'income',
				category: 'penjualan',
				amount: String(form.get('amount') ?? ''),
				method: String(form.get('method') ?? '')
			});
			return { entryId: entry.id };
		});
		if (result && 'entryId' in result) {
			flashEntry(cookies, result.entryId, url.protocol === 'https:');
			const toko = url.searchParams.get('toko');
			redirect(303, `/jual/kas${toko ? `?toko=${encodeURIComponent(toko)}` : ''}`);
		}
		return result;
	}
};

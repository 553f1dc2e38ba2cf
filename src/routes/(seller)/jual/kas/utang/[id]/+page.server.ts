import { redirect, type ActionFailure } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction, formValues, savedParam, type FormState } from '$lib/server/web/forms';
import { wibDay } from '$lib/utils/dates';
import { newFormToken } from '$lib/server/cashbook/form-token';
import { formTokenOf } from '$lib/server/web/cashbook-form';
import type { Actions, PageServerLoad } from './$types';

/** One receivable or payable: its payments, the pay form, the reminder link and the write-off form (JS off, PRG). */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { debt, payments } = await event.locals.services.debts.get(event.locals.actor, event.params.id);
		// a payment cannot be dated before the debt was recorded (the date field's min; the service refuses it too)
		return { debt, payments, today: event.locals.services.cashbook.today(), recordedOn: wibDay(Date.parse(debt.createdAt)), saved: savedParam(event.url, ['created', 'paid', 'createdAgain', 'paidAgain'] as const), formToken: newFormToken() };
	});

/** Back to the page itself (303 + ?tersimpan=) after a change, so a reload posts nothing again. */
function back<T>(url: URL, result: T | ActionFailure<FormState>, saved: string, path = url.pathname): T | ActionFailure<FormState> {
	if (result && typeof result === 'object' && 'done' in result) {
		const toko = url.searchParams.get('toko');
		redirect(303, `${path}?${new URLSearchParams({ ...(toko ? { toko } : {}), tersimpan: saved })}`);
	}
	return result;
}

export const actions: Actions = {
	bayar: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const v = formValues(form);
		const result = await formAction(locals.locale, form, async () => {
			const { replayed } = await locals.services.debts.pay(locals.actor, params.id, { amount: v.amount, method: v.method, date: v.date }, undefined, formTokenOf(form));
			return { done: true, replayed };
		});
		return back(url, result, result && typeof result === 'object' && 'replayed' in result && result.replayed ? 'paidAgain' : 'paid');
	},
	hapus: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const debt = (await locals.services.debts.get(locals.actor, params.id)).debt;
			await locals.services.debts.cancel(locals.actor, params.id, { reason: String(form.get('reason') ?? '') });
			return { done: true, jenis: debt.direction === 'payable' ? 'pemasok' : 'pelanggan' };
		});
		if (result && typeof result === 'object' && 'done' in result) {
			const toko = url.searchParams.get('toko');
			redirect(303, `/jual/kas/utang?${new URLSearchParams({ ...(toko ? { toko } : {}), jenis: result.jenis, tersimpan: 'cancelled' })}`);
		}
		return result;
	}
};

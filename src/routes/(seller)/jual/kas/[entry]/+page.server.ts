import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { flashEntry, takeFlash } from '$lib/server/web/cashbook-flash';
import { formTokenOf, requireReverseConfirmed } from '$lib/server/web/cashbook-form';
import { newFormToken } from '$lib/server/cashbook/form-token';
import type { Actions, PageServerLoad } from './$types';

/** One entry of the seller's book, what corrects it (or what it corrects), and "Koreksi". Anyone but the shop's seller: 404. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { entry, related, origin } = await event.locals.services.cashbook.get(event.locals.actor, event.params.entry);
		const flashed = takeFlash(event.cookies);
		const justReversed = !!flashed && flashed.entryId === entry.reversedBy;
		return { entry, related, origin, justReversed, reversedAgain: justReversed && flashed.again, formToken: newFormToken() };
	});

export const actions: Actions = {
	/** Reverses the entry (a reversing entry, nothing deleted), then back to it: it now says it was corrected. */
	koreksi: async ({ request, locals, params, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			requireReverseConfirmed(form);
			const { entry, replayed } = await locals.services.cashbook.reverseOnce(locals.actor, params.entry, { reason: String(form.get('reason') ?? '') }, formTokenOf(form));
			return { reversalId: entry.id, replayed };
		});
		if (result && 'reversalId' in result) {
			flashEntry(cookies, result.reversalId, url.protocol === 'https:', result.replayed);
			redirect(303, `${url.pathname}${url.searchParams.get('toko') ? `?toko=${encodeURIComponent(url.searchParams.get('toko')!)}` : ''}`);
		}
		return result;
	}
};

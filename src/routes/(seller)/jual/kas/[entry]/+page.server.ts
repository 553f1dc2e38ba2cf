import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { flashEntry, takeFlashedEntry } from '$lib/server/web/cashbook-flash';
import { requireReverseConfirmed } from '$lib/server/web/cashbook-form';
import type { Actions, PageServerLoad } from './$types';

/** One entry of the seller's book, what corrects it (or what it corrects), and "Koreksi". Anyone but the shop's seller: 404. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { entry, related } = await event.locals.services.cashbook.get(event.locals.actor, event.params.entry);
		const flashed = takeFlashedEntry(event.cookies);
		return { entry, related, justReversed: !!flashed && flashed === entry.reversedBy };
	});

export const actions: Actions = {
	/** Reverses the entry (a reversing entry, nothing deleted), then back to it: it now says it was corrected. */
	koreksi: async ({ request, locals, params, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			requireReverseConfirmed(form);
			const reversal = await locals.services.cashbook.reverse(locals.actor, params.entry, { reason: String(form.get('reason') ?? '') });
			return { reversalId: reversal.id };
		});
		if (result && 'reversalId' in result) {
			flashEntry(cookies, result.reversalId, url.protocol === 'https:');
			redirect(303, `${url.pathname}${url.searchParams.get('toko') ? `?toko=${encodeURIComponent(url.searchParams.get('toko')!)}` : ''}`);
		}
		return result;
	}
};

import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { formatDateTime } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/**
 * A member's personal check-in card: the QR opens this page; one tap marks them present at today's training
 * without a facilitator's confirmation and, with no password yet, goes straight on to set one (once per card).
 * The tap is a POST, so a link preview or a prefetch checks nobody in.
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const view = await event.locals.services.checkins.cardView(event.params.token);
		// no 'Referrer-Policy: no-referrer' here: Chromium then posts forms with 'Origin: null' and the CSRF check refuses them
		event.setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
		return {
			firstName: view.firstName,
			training: view.training ? { title: view.training.title, when: formatDateTime(view.training.startsAt, event.locals.locale), venue: view.training.venue } : null
		};
	});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, () => event.locals.services.checkins.useCard(event.params.token, event.getClientAddress()), event);
		if ('next' in result && result.next === 'setup') redirect(303, `/atur-sandi/${result.setupToken}`);
		return 'next' in result ? { state: result } : result;
	}
};

import { fail } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { afterFirstPassword, shownLogin } from '$lib/server/web/first-password';
import { formatDateTime } from '$lib/utils/dates';
import type { ClaimState } from '$lib/server/training/checkin.service';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/**
 * A member's personal check-in card: the QR opens this page; one tap marks them present at today's training
 * without a facilitator's confirmation and, with no password yet, shows the form to set it right here (once per
 * card; a second tap shows the same form). The tap is a POST, so a link preview or a prefetch checks nobody in.
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

const shown = (state: ClaimState): ClaimState => (state.next === 'setup' ? { ...state, login: shownLogin(state.login) } : state);

export const actions: Actions = {
	/** "Saya hadir" (a named action: SvelteKit allows no default one next to `sandi`). */
	hadir: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, () => event.locals.services.checkins.useCard(event.params.token, event.getClientAddress()), event);
		return 'next' in result ? { state: shown(result) } : result;
	},
	/** The first password, on the card's page; signed in, on into the onboarding. */
	sandi: async (event) => {
		const { request, locals, params, cookies, url } = event;
		const form = await request.formData();
		const input = { password: form.get('password'), confirm: form.get('confirm') };
		const result = await formAction(locals.locale, form, () => locals.services.checkins.cardPassword(params.token, input, event.getClientAddress()), event);
		if (!('session' in result || 'state' in result)) {
			// a typo or a weak password: the form again, with the message (the member is checked in already)
			const again = await locals.services.checkins.cardState(params.token).catch(() => null);
			return again ? fail(result.status, { ...result.data, state: shown(again) }) : result;
		}
		return { state: shown(await afterFirstPassword(locals.services, result, cookies, url)) };
	}
};

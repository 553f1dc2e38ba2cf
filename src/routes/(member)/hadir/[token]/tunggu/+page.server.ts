import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { checkinCookie } from '$lib/server/web/checkin-cookie';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/**
 * The waiting phone: refreshes itself (meta refresh, no JavaScript needed) until a facilitator confirms. Then a
 * member without a password goes straight to set one (the claim's one setup link), and from there into the
 * onboarding; one with a password signs in (or, signed in already, goes straight on).
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, params, cookies } = event;
		const claim = checkinCookie(cookies);
		const pick = `/hadir/${encodeURIComponent(params.token)}/pilih`;
		if (!claim) redirect(303, pick);
		const state = await locals.services.checkins.claimState(params.token, claim);
		if (state.next === 'setup') redirect(303, `/atur-sandi/${state.setupToken}`);
		if (state.next === 'signin' && locals.actor.kind === 'user' && !state.linkGiven) redirect(303, '/jual');
		// no 'Referrer-Policy: no-referrer' here: Chromium then posts forms with 'Origin: null' and the CSRF check refuses them
		event.setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
		return { state, pick, self: `/hadir/${encodeURIComponent(params.token)}/tunggu` };
	});

export const actions: Actions = {
	/** "Bukan saya": the phone takes its pending claim back and picks again. */
	batal: async (event) => {
		const { request, locals, params, cookies } = event;
		const form = await request.formData();
		const result = await formAction(locals.locale, form, () => locals.services.checkins.cancel(params.token, checkinCookie(cookies)));
		if (result) return result;
		redirect(303, `/hadir/${encodeURIComponent(params.token)}/pilih`);
	}
};

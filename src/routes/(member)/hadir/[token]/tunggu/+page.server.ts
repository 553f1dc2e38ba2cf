import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { checkinCookie } from '$lib/server/web/checkin-cookie';
import { afterFirstPassword, shownLogin } from '$lib/server/web/first-password';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/**
 * The waiting phone: refreshes itself (meta refresh, no JavaScript needed) until a facilitator confirms. Then a
 * member without a password sets one right here (a form valid only for this browser's confirmed claim, once) and
 * goes on into the onboarding; one with a password signs in (or, signed in already, goes straight on).
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, params, cookies } = event;
		const claim = checkinCookie(cookies);
		const pick = `/hadir/${encodeURIComponent(params.token)}/pilih`;
		if (!claim) redirect(303, pick);
		const state = await locals.services.checkins.claimState(params.token, claim);
		if (state.next === 'signin' && locals.actor.kind === 'user') redirect(303, '/jual');
		// no 'Referrer-Policy: no-referrer' here: Chromium then posts forms with 'Origin: null' and the CSRF check refuses them
		event.setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
		return { state: state.next === 'setup' ? { ...state, login: shownLogin(state.login) } : state, pick, self: `/hadir/${encodeURIComponent(params.token)}/tunggu` };
	});

export const actions: Actions = {
	/** "Bukan saya": the phone takes its pending claim back and picks again. */
	batal: async (event) => {
		const { request, locals, params, cookies } = event;
		const form = await request.formData();
		const result = await formAction(locals.locale, form, () => locals.services.checkins.cancel(params.token, checkinCookie(cookies)));
		if (result) return result;
		redirect(303, `/hadir/${encodeURIComponent(params.token)}/pilih`);
	},
	/** The first password, on the confirmed claim's page; signed in, on into the onboarding. */
	sandi: async (event) => {
		const { request, locals, params, cookies, url } = event;
		const form = await request.formData();
		const result = await formAction(
			locals.locale,
			form,
			() => locals.services.checkins.claimPassword(params.token, checkinCookie(cookies), { password: form.get('password'), confirm: form.get('confirm') }, event.getClientAddress()),
			event
		);
		if (!('session' in result || 'state' in result)) return result;
		await afterFirstPassword(locals.services, result, cookies, url);
		// not signed in (e.g. the password was set meanwhile): the page shows where the claim stands
		redirect(303, url.pathname);
	}
};

import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { checkinCookie, setCheckinCookie } from '$lib/server/web/checkin-cookie';
import { formatDateTime } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/**
 * The venue QR for a phone without a login: tap your name on the training's list (first names only, as on the
 * board; no phone numbers) or type your WhatsApp number. A phone already waiting goes back to its waiting page.
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, params, cookies, url } = event;
		const view = await locals.services.checkins.publicView(params.token);
		const claim = checkinCookie(cookies);
		if (claim && view.day === 'today') {
			const state = await locals.services.checkins.claimState(params.token, claim).catch(() => null);
			if (state?.next === 'wait') redirect(303, `/hadir/${encodeURIComponent(params.token)}/tunggu`);
		}
		if (view.day === 'today') {
			// the claim token goes into the cookie now, before any tap: a double tap (two posts, JavaScript off) then
			// carries the same token twice and gets one claim, whichever answer the browser keeps
			const token = await locals.services.checkins.browserToken(claim || undefined);
			if (token !== claim) setCheckinCookie(cookies, token, url.protocol === 'https:');
		}
		// no 'Referrer-Policy: no-referrer' here: Chromium then posts forms with 'Origin: null' and the CSRF check refuses them
		event.setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
		return {
			training: { title: view.training.title, when: formatDateTime(view.training.startsAt, locals.locale), venue: view.training.venue },
			day: view.day,
			closed: view.closed,
			members: view.members
		};
	});

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, params, cookies, url } = event;
		const form = await request.formData();
		const result = await formAction(
			locals.locale,
			form,
			async () => {
				const memberId = String(form.get('memberId') ?? '');
				const input = memberId ? { memberId } : { whatsapp: String(form.get('whatsapp') ?? '') };
				const r = await locals.services.checkins.claim(params.token, input, checkinCookie(cookies) || undefined, event.getClientAddress());
				setCheckinCookie(cookies, r.claimToken, url.protocol === 'https:');
				return r.claimId;
			},
			event
		);
		if (typeof result !== 'string') return result;
		redirect(303, `/hadir/${encodeURIComponent(params.token)}/tunggu`);
	}
};

import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { setKnownDeviceCookie, setSessionCookie } from '$lib/server/web/session-cookie';
import { formatWhatsappLocal } from '$lib/utils/phone';
import { landingAfterPassword } from '$lib/server/web/seller-landing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const info = await event.locals.services.auth.setupLinkInfo(event.params.token);
		// A WhatsApp login is shown as people write it (0812-…), not as stored (62812…); the login form takes both.
		const login = /^62\d{8,13}$/.test(info.login) ? formatWhatsappLocal(info.login) : info.login;
		return { name: info.name, login, purpose: info.purpose };
	});

export const actions: Actions = {
	default: async ({ request, locals, params, cookies, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const r = await locals.services.auth.setPasswordWithLink(params.token, { password: form.get('password'), confirm: form.get('confirm') });
			setSessionCookie(cookies, r.token, r.expiresAt, url.protocol === 'https:');
			if (r.knownDevice) setKnownDeviceCookie(cookies, r.knownDevice.token, r.knownDevice.expiresAt, url.protocol === 'https:');
			return landingAfterPassword(locals.services, r.token);
		});
		if (typeof result !== 'string') return result;
		redirect(303, result);
	}
};

import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/web/forms';
import { KNOWN_DEVICE_COOKIE, setKnownDeviceCookie, setSessionCookie } from '$lib/server/web/session-cookie';
import { homeFor, safeReturnPath } from '$lib/server/web/redirects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor.kind === 'user') redirect(303, safeReturnPath(url.searchParams.get('kembali'), '/jual', url.origin));
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const r = await locals.services.auth.login(
				{ login: form.get('login'), password: form.get('password') },
				{ address: getClientAddress(), kind: 'cookie', knownDevice: cookies.get(KNOWN_DEVICE_COOKIE) }
			);
			setSessionCookie(cookies, r.token, r.expiresAt, url.protocol === 'https:');
			if (r.knownDevice) setKnownDeviceCookie(cookies, r.knownDevice.token, r.knownDevice.expiresAt, url.protocol === 'https:');
			const actor = await locals.services.auth.loadActor(r.user.id);
			return actor ? homeFor(actor, async (id) => (await locals.services.communities.getById(actor, id)).slug) : '/';
		}, { setHeaders });
		if (typeof result !== 'string') return result;
		redirect(303, safeReturnPath(url.searchParams.get('kembali'), result, url.origin));
	}
};

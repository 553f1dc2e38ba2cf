import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionToken) await locals.services.auth.logout(locals.sessionToken);
		clearSessionCookie(cookies);
		redirect(303, '/');
	}
};

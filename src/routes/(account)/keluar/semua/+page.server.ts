import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/web/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** Ends every session and API token of this person (a lost or shared phone). */
export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		await locals.services.auth.logoutEverywhere(locals.actor);
		clearSessionCookie(cookies);
		redirect(303, '/masuk');
	}
};

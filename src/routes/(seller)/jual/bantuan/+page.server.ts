import { isActionFailure, redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { safeReturnPath } from '$lib/server/web/redirects';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/** Back to the seller page the button was on (only a /jual page of this site), else this page. */
function backTo(form: FormData, origin: string, done: 'minta' | 'batal'): string {
	const path = safeReturnPath(String(form.get('kembali') ?? ''), '', origin);
	return path === '/jual' || path.startsWith('/jual/') || path.startsWith('/jual?') ? path : `/jual/bantuan?tersimpan=${done}`;
}

/** "Minta bantuan" on its own page: where the button's form posts, and where a refusal is explained. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const saved = event.url.searchParams.get('tersimpan');
		return { saved: saved === 'minta' || saved === 'batal' ? saved : null };
	});

export const actions: Actions = {
	/** Raises the member's flag at their training today. */
	minta: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(
			event.locals.locale,
			form,
			async () => {
				await event.locals.services.help.raise(event.locals.actor, String(form.get('trainingId') ?? ''));
				return { ok: true };
			},
			event
		);
		if (isActionFailure(result)) return result;
		redirect(303, backTo(form, event.url.origin, 'minta'));
	},
	/** The member takes their flag back. */
	batal: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			await event.locals.services.help.cancel(event.locals.actor, String(form.get('trainingId') ?? ''));
			return { ok: true };
		});
		if (isActionFailure(result)) return result;
		redirect(303, backTo(form, event.url.origin, 'batal'));
	}
};

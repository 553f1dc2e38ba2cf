import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { requireUser } from '$lib/server/auth/guards';
import { requestedShopId } from '$lib/server/web/acting-shop';
import type { Actions, PageServerLoad } from './$types';

/** The cash book's settings: the consent to share monthly totals with the program (off by default). The shop's owner only. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const saved = event.url.searchParams.get('tersimpan');
		return {
			sharing: await event.locals.services.cashReports.sharing(event.locals.actor, shop.id),
			saved: saved === 'on' || saved === 'off' ? saved : null,
			toko: event.url.searchParams.get('toko') ?? ''
		};
	});

export const actions: Actions = {
	/** Saves the choice (`share` = on | off), then 303 back to the page saying what is now so (PRG; ?toko= kept). */
	default: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const user = requireUser(locals.actor);
			return locals.services.cashReports.setSharing(locals.actor, requestedShopId(url, user) ?? '', form.get('share'));
		});
		if (typeof result !== 'boolean') return result;
		const toko = url.searchParams.get('toko');
		redirect(303, `/jual/kas/pengaturan?tersimpan=${result ? 'on' : 'off'}${toko ? `&toko=${encodeURIComponent(toko)}` : ''}`);
	}
};

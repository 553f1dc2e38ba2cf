import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { formatDateTime } from '$lib/utils/dates';
import { newId } from '$lib/utils/ids';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/**
 * Self check-in: the QR code at the venue opens this; a signed-in member confirms with one tap. A phone without a
 * login goes on to pick its name (`pilih`), and a facilitator confirms it.
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, params } = event;
		if (locals.actor.kind !== 'user') redirect(303, `/hadir/${encodeURIComponent(params.token)}/pilih`);
		const target = await locals.services.trainings.checkinTarget(locals.actor, params.token);
		return {
			training: { title: target.training.title, programName: target.programName, when: formatDateTime(target.training.startsAt, locals.locale), venue: target.training.venue },
			member: target.member.name,
			present: target.present,
			eventId: newId('self')
		};
	});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		return formAction(event.locals.locale, form, async () => {
			await event.locals.services.trainings.selfCheckIn(event.locals.actor, event.params.token, String(form.get('eventId') ?? ''));
			return { checkedIn: true };
		});
	}
};

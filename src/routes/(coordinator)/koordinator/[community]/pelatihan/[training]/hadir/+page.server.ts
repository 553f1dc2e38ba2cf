import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved } from '$lib/server/web/forms';
import { staffTraining } from '$lib/server/training/page-context';
import { formatDateTime } from '$lib/utils/dates';
import { newId } from '$lib/utils/ids';
import type { Actions, PageServerLoad } from './$types';

/** The one coordinator page that runs JavaScript: ticks are queued on the phone and re-sent until confirmed. */
export const csr = true;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, training } = await staffTraining(event);
		const view = await event.locals.services.trainings.attendance(event.locals.actor, training.id);
		return {
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			training: { id: training.id, title: training.title, when: formatDateTime(training.startsAt, event.locals.locale) },
			// Without JavaScript each tick is a form post; its event id is made here so a double post counts once.
			members: view.data.map((d) => ({ memberId: d.memberId, name: d.name, shopName: d.shopName, invited: d.invited, present: d.present, at: d.at, formEventId: newId('tick') })),
			// the rest of the roster, below the expected ones: a walk-in (or someone put on the roster after the start) is ticked there
			others: view.others.map((d) => ({ memberId: d.memberId, name: d.name, shopName: d.shopName, invited: false, present: false, at: null, formEventId: newId('tick') })),
			rate: view.rate,
			present: view.present,
			expected: view.expected
		};
	});

export const actions: Actions = {
	centang: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { training } = await staffTraining(event);
			await event.locals.services.trainings.recordAttendance(
				event.locals.actor,
				training.id,
				{ events: [{ id: String(form.get('eventId') ?? ''), memberId: String(form.get('memberId') ?? ''), present: form.get('present') === '1', at: new Date().toISOString() }] },
				'form'
			);
			return { saved: 'hadir' as const };
		});
		return redirectWhenSaved(event.url, result);
	}
};

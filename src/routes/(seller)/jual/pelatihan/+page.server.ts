import { pageLoad } from '$lib/server/http';
import { formatDateTime } from '$lib/utils/dates';
import type { PageServerLoad } from './$types';

/** The signed-in member's trainings: their own test scores and whether the reaction check is done. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const mine = await event.locals.services.tests.myTrainings(event.locals.actor);
		return { trainings: mine.map((t) => ({ ...t, when: formatDateTime(t.startsAt, event.locals.locale) })) };
	});

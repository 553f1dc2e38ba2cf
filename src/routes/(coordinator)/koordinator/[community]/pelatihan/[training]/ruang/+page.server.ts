import { pageLoad } from '$lib/server/http';
import { staffTraining } from '$lib/server/training/page-context';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { formatDateTime, formatTime } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

// Plain HTML: it refreshes itself without JavaScript; room-live.js (a static file) only fetches it again on each
// change of the board's live stream, so the facilitator sees a raised hand within seconds.
export const csr = false;

/** The facilitator's list of the room: who asked for help and who is stuck first, then everyone else. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, training } = await staffTraining(event);
		const room = await event.locals.services.rooms.forStaff(event.locals.actor, training.id);
		event.setHeaders({ 'cache-control': 'private, no-store' });
		return {
			saved: savedParam(event.url, ['dibantu'] as const),
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			training: { id: training.id, title: training.title, when: formatDateTime(training.startsAt, event.locals.locale) },
			members: room.members.map((m) => ({ memberId: m.memberId, name: m.name, step: m.step, present: m.present, minutes: m.minutes, stuck: m.stuck, help: m.helpSince !== null, helpMinutes: m.helpMinutes })),
			counts: room.counts,
			total: room.members.length,
			stuck: room.stuck,
			help: room.help,
			updated: formatTime(room.at, event.locals.locale),
			events: `${event.url.pathname}/events`
		};
	});

export const actions: Actions = {
	/** "Sudah dibantu": the facilitator takes a member's help flag down. */
	dibantu: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { training } = await staffTraining(event);
			await event.locals.services.help.clear(event.locals.actor, training.id, String(form.get('memberId') ?? ''));
			return { saved: 'dibantu' as const };
		});
		return redirectWhenSaved(event.url, result);
	}
};

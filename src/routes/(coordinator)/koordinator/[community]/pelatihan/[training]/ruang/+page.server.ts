import { pageLoad } from '$lib/server/http';
import { staffTraining } from '$lib/server/training/page-context';
import { formatDateTime, formatTime } from '$lib/utils/dates';
import type { PageServerLoad } from './$types';

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
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			training: { id: training.id, title: training.title, when: formatDateTime(training.startsAt, event.locals.locale) },
			members: room.members.map((m) => ({ memberId: m.memberId, name: m.name, step: m.step, present: m.present, minutes: m.minutes, stuck: m.stuck, help: m.helpSince !== null })),
			counts: room.counts,
			total: room.members.length,
			stuck: room.stuck,
			updated: formatTime(room.at, event.locals.locale),
			events: `${event.url.pathname}/events`
		};
	});

import { pageLoad } from '$lib/server/http';
import { formatDateTime } from '$lib/utils/dates';
import { translator, type MessageKey } from '$lib/i18n';
import { windowText } from '$lib/server/training/test-window';
import type { PageServerLoad } from './$types';

/** The signed-in member's trainings: their own test scores and whether the reaction check is done. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const mine = await event.locals.services.tests.myTrainings(event.locals.actor);
		const locale = event.locals.locale;
		const t = translator(locale);
		const step = (w: (typeof mine)[number]['windows']['pre']) => ({ open: w.state === 'open', note: windowText(w, t, locale) });
		return {
			trainings: mine.map(({ windows, todo, ...tr }) => {
				// an open post-test or reaction check waits for the member to be marked present (the service refuses
				// it otherwise): no link then, but how to get ticked
				const afterSession = (w: (typeof windows)['post'], can: boolean, waiting: MessageKey) => (w.state === 'open' && !can ? { open: false, note: t(waiting) } : step(w));
				return {
					...tr,
					when: formatDateTime(tr.startsAt, locale),
					windows: { pre: step(windows.pre), post: afterSession(windows.post, todo.post, 'training.my.postNeedsPresence'), reaction: afterSession(windows.reaction, todo.reaction, 'training.my.reactionNeedsPresence') }
				};
			})
		};
	});

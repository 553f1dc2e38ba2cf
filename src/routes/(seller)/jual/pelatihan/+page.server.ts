import { pageLoad } from '$lib/server/http';
import { formatDateTime } from '$lib/utils/dates';
import { translator } from '$lib/i18n';
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
			trainings: mine.map(({ windows, ...tr }) => {
				// an open post-test waits for the member to be marked present (the service refuses it otherwise)
				const post = windows.post.state === 'open' && !tr.present ? { open: false, note: t('training.my.postNeedsPresence') } : step(windows.post);
				return { ...tr, when: formatDateTime(tr.startsAt, locale), pre: tr.pre, post: tr.post, windows: { pre: step(windows.pre), post, reaction: step(windows.reaction) } };
			})
		};
	});

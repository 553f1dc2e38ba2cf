import { pageLoad } from '$lib/server/http';
import { BOARD_HEADERS } from '$lib/server/web/board-page';
import { formatDateTime } from '$lib/utils/dates';
import { BOARD_STEPS } from '$lib/server/training/board';
import { qrSvgDataUrl } from '$lib/server/documents/setup-cards';
import type { PageServerLoad } from './$types';

// The projector page is plain HTML: it refreshes itself without JavaScript, and board-live.js (a static file) only
// swaps in live updates.
export const csr = false;

/** The board behind a board link: no login, read-only, first names and steps only. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { training, board } = await event.locals.services.boards.forLink(event.params.trainingId, event.params.token);
		event.setHeaders(BOARD_HEADERS);
		return {
			training: { title: training.title, when: formatDateTime(training.startsAt, event.locals.locale), venue: training.venue },
			board,
			steps: BOARD_STEPS,
			events: `${event.url.pathname}/events`,
			// the venue's check-in QR, for phones in the room (issue 13 item 2)
			checkinQr: await qrSvgDataUrl(`${event.url.origin}/hadir/${training.checkinToken}`)
		};
	});

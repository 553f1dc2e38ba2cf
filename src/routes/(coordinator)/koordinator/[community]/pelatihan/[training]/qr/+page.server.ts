import { pageLoad } from '$lib/server/http';
import { staffTraining } from '$lib/server/training/page-context';
import { qrSvgDataUrl } from '$lib/server/documents/setup-cards';
import { formatDateTime } from '$lib/utils/dates';
import type { PageServerLoad } from './$types';

export const csr = false;

/** A printable poster for the venue: members scan it with their phone's camera to mark themselves present. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, training } = await staffTraining(event);
		const url = `${event.url.origin}/hadir/${training.checkinToken}`;
		return {
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			training: { id: training.id, title: training.title, when: formatDateTime(training.startsAt, event.locals.locale), venue: training.venue },
			url,
			qr: await qrSvgDataUrl(url)
		};
	});

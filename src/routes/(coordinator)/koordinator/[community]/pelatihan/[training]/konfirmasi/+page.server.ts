import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { staffTraining } from '$lib/server/training/page-context';
import { formatDateTime, formatTime } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/**
 * The facilitator's phone: who is waiting at the venue QR, each with the code their phone shows, confirmed or
 * refused with one tap. The page refreshes itself every 10 seconds (works without JavaScript).
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, training } = await staffTraining(event);
		const pending = await event.locals.services.checkins.pending(event.locals.actor, training.id);
		return {
			group: { slug: community.slug },
			training: { id: training.id, title: training.title, when: formatDateTime(training.startsAt, event.locals.locale) },
			saved: savedParam(event.url, ['confirmed', 'rejected'] as const),
			pending: pending.map((p) => ({ ...p, at: formatTime(p.at, event.locals.locale) }))
		};
	});

const decide = (decision: 'confirm' | 'reject'): Actions[string] =>
	async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { training } = await staffTraining(event);
			await event.locals.services.checkins.decide(event.locals.actor, training.id, String(form.get('claimId') ?? ''), decision);
			return { saved: decision === 'confirm' ? ('confirmed' as const) : ('rejected' as const) };
		});
		return redirectWhenSaved(event.url, result);
	};

export const actions: Actions = { benar: decide('confirm'), tolak: decide('reject') };

import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { formatDateTime } from '$lib/utils/dates';
import { translator } from '$lib/i18n';
import { windowText } from '$lib/server/training/test-window';
import type { Actions, PageServerLoad } from './$types';

/** The 3-question reaction check after the training (satisfaction, usefulness, confidence before vs now). */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const r = await event.locals.services.tests.reactionForMember(event.locals.actor, event.params.training);
		const t = translator(event.locals.locale);
		// open only for members marked present (the service refuses the others); the note says how to get ticked
		const waiting = r.window.state === 'open' && !r.present;
		const window = { open: r.window.state === 'open' && !waiting, note: waiting ? t('training.my.reactionNeedsPresence') : windowText(r.window, t, event.locals.locale) };
		const saved = event.url.searchParams.get('tersimpan');
		return {
			window,
			reaction: r.reaction ? { ...r.reaction, answeredAt: formatDateTime(r.reaction.answeredAt, event.locals.locale) } : null,
			training: { ...r.training, when: formatDateTime(r.training.startsAt, event.locals.locale) },
			saved: saved === null ? null : saved === 'diganti' ? ('replaced' as const) : ('first' as const),
			editing: event.url.searchParams.has('ubah')
		};
	});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const value = (k: string) => String(form.get(k) ?? '');
		const result = await formAction(event.locals.locale, form, async () => {
			return event.locals.services.tests.react(event.locals.actor, event.params.training, {
				satisfaction: value('satisfaction'),
				usefulness: value('usefulness'),
				confidenceBefore: value('confidenceBefore'),
				confidenceNow: value('confidenceNow')
			});
		});
		if (result && 'replaced' in result) {
			const toko = event.url.searchParams.get('toko');
			// a second answer replaces the first: the page says so ("Jawaban Anda sebelumnya diganti")
			redirect(303, `${event.url.pathname}?tersimpan${result.replaced ? '=diganti' : ''}${toko ? `&toko=${encodeURIComponent(toko)}` : ''}`);
		}
		return result;
	}
};

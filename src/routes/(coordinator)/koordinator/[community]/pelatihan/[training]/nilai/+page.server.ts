import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { staffTraining } from '$lib/server/training/page-context';
import { ValidationError } from '$lib/server/errors';
import { formatDateTime } from '$lib/utils/dates';
import { gainBand } from '$lib/server/training/gain';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, training } = await staffTraining(event);
		const results = await event.locals.services.tests.results(event.locals.actor, training.id);
		return {
			saved: savedParam(event.url, ['scores'] as const),
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			training: { id: training.id, title: training.title, when: formatDateTime(training.startsAt, event.locals.locale) },
			results,
			band: gainBand(results.g),
			origin: event.url.origin
		};
	});

/**
 * `pre.<memberId>` / `post.<memberId>` fields → the scores API's shape; empty clears, anything else must be 0–100.
 * Only fields changed from the value the page showed (`was.<field>`) are saved, so a member who answers on
 * their phone while the facilitator has this page open keeps their score.
 */
function scoresFrom(form: FormData, kind: 'pre' | 'post') {
	const scores: { memberId: string; score: number | null }[] = [];
	for (const [key, value] of form) {
		if (!key.startsWith(`${kind}.`) || typeof value !== 'string') continue;
		const text = value.trim();
		const was = form.get(`was.${key}`);
		if (typeof was === 'string' && was.trim() === text) continue;
		const score = text === '' ? null : /^\d{1,3}$/.test(text) ? Number(text) : NaN;
		if (Number.isNaN(score)) throw new ValidationError('training.scoreRange', {}, [{ field: key, messageKey: 'training.scoreRange', params: {} }]);
		scores.push({ memberId: key.slice(kind.length + 1), score });
	}
	return scores;
}

export const actions: Actions = {
	simpan: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { training } = await staffTraining(event);
			const sheets = [{ kind: 'pre' as const, scores: scoresFrom(form, 'pre') }, { kind: 'post' as const, scores: scoresFrom(form, 'post') }];
			// both lists are checked before either is written: a refused post-test never leaves the pre-test half-saved
			await event.locals.services.tests.setScoreSheets(event.locals.actor, training.id, sheets);
			return { saved: 'scores' as const };
		});
		return redirectWhenSaved(event.url, result);
	}
};

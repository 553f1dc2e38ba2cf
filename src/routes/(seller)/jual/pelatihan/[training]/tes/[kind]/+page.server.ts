import { error, redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { formatDateTime } from '$lib/utils/dates';
import { translator } from '$lib/i18n';
import { windowText } from '$lib/server/training/test-window';
import type { Actions, PageServerLoad } from './$types';

const kindOf = (kind: string) => {
	if (kind !== 'pre' && kind !== 'post') error(404, 'Not found');
	return kind;
};

/** The pre- or post-test on the member's own phone: every question on one page, plain radio buttons, no JS needed. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const kind = kindOf(event.params.kind);
		const test = await event.locals.services.tests.testForMember(event.locals.actor, event.params.training, kind);
		const { window, present, ...rest } = test;
		const t = translator(event.locals.locale);
		// the post-test is for those marked present: until then the page says how to get ticked, with no form
		const waiting = kind === 'post' && window.state === 'open' && !present;
		const note = waiting ? t('training.my.postNeedsPresence') : windowText(window, t, event.locals.locale);
		return { kind, test: { ...rest, when: formatDateTime(test.training.startsAt, event.locals.locale) }, window: { open: window.state === 'open' && !waiting, note }, saved: event.url.searchParams.has('tersimpan') };
	});

export const actions: Actions = {
	default: async (event) => {
		const kind = kindOf(event.params.kind);
		const form = await event.request.formData();
		const answers: Record<string, string> = {};
		for (const [key, value] of form) if (key.startsWith('q_') && typeof value === 'string') answers[key.slice(2)] = value;
		const result = await formAction(event.locals.locale, form, () => event.locals.services.tests.submitAnswers(event.locals.actor, event.params.training, kind, answers));
		if (result && typeof result === 'object' && 'score' in result) {
			const toko = event.url.searchParams.get('toko');
			redirect(303, `${event.url.pathname}?tersimpan${toko ? `&toko=${encodeURIComponent(toko)}` : ''}`);
		}
		return result;
	}
};

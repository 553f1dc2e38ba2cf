import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { field, programPage } from '$lib/server/web/program-page';
import { METRICS } from '$lib/server/program/metrics';
import { formatDayShort } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, program } = await programPage(event);
		const indicators = await event.locals.services.indicators.list(event.locals.actor, program.id);
		return {
			saved: savedParam(event.url, ['plan', 'indicator', 'indicatorAdded', 'removed', 'entry'] as const),
			community: { slug: community.slug, name: community.name },
			program: { id: program.id, name: program.name, theme: program.theme, goals: program.goals, targetGroup: program.target_group, startsOn: program.starts_on ?? '', endsOn: program.ends_on ?? '' },
			indicators: indicators.map((i) => ({ id: i.id, label: i.label, unit: i.unit, source: i.source, metric: i.metric, baseline: i.baseline, target: i.target, value: i.value, valueOn: i.valueOn ? formatDayShort(i.valueOn, event.locals.locale) : null, standard: i.standard, entries: i.entries.map((e) => ({ id: e.id, onDate: formatDayShort(e.on_date, event.locals.locale), value: Number(e.value), note: e.note })) })),
			metrics: [...METRICS]
		};
	});

export const actions: Actions = {
	rencana: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.programs.updatePlan(locals.actor, params.id, {
				name: field(form, 'name'),
				theme: field(form, 'theme'),
				goals: field(form, 'goals'),
				targetGroup: field(form, 'targetGroup'),
				startsOn: field(form, 'startsOn'),
				endsOn: field(form, 'endsOn')
			});
			return { saved: 'plan' as const };
		});
		return redirectWhenSaved(url, result);
	},
	indikator: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.indicators.update(locals.actor, field(form, 'indicatorId'), { label: field(form, 'label'), unit: field(form, 'unit'), baseline: field(form, 'baseline'), target: field(form, 'target') });
			return { saved: 'indicator' as const };
		});
		return redirectWhenSaved(url, result);
	},
	tambahIndikator: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.indicators.add(locals.actor, params.id, { label: field(form, 'label'), unit: field(form, 'unit'), baseline: field(form, 'baseline'), target: field(form, 'target'), metric: field(form, 'metric') });
			return { saved: 'indicatorAdded' as const };
		});
		return redirectWhenSaved(url, result);
	},
	hapusIndikator: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.indicators.remove(locals.actor, field(form, 'indicatorId'));
			return { saved: 'removed' as const };
		});
		return redirectWhenSaved(url, result);
	},
	catat: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.indicators.addEntry(locals.actor, field(form, 'indicatorId'), { onDate: field(form, 'onDate'), value: field(form, 'value'), note: field(form, 'note') });
			return { saved: 'entry' as const };
		});
		return redirectWhenSaved(url, result);
	},
	hapusCatatan: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.indicators.removeEntry(locals.actor, field(form, 'entryId'));
			return { saved: 'removed' as const };
		});
		return redirectWhenSaved(url, result);
	}
};

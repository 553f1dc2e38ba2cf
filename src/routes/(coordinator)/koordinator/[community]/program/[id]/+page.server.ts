import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { field, programPage } from '$lib/server/web/program-page';
import { formatDayRange, formatDayShort } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals } = event;
		const { community, program } = await programPage(event);
		const [handover, communities] = await Promise.all([locals.services.programs.getHandover(locals.actor, program.id), locals.services.communities.listPublic(locals.actor)]);
		return {
			community: { slug: community.slug, name: community.name },
			program: { id: program.id, name: program.name, theme: program.theme, period: formatDayRange(program.starts_on, program.ends_on, locals.locale) },
			stages: program.stages.map((s) => ({ key: s.key, status: s.status, period: formatDayRange(s.starts_on, s.ends_on, locals.locale), notes: s.notes })),
			handover: handover ? { recipient: handover.recipient, followUp: handover.follow_up, on: handover.handed_over_on ? formatDayShort(handover.handed_over_on, locals.locale) : null } : null,
			copyTargets: locals.services.programs.copyTargets(locals.actor, program, communities).map((c) => ({ slug: c.slug, name: c.name, own: c.id === community.id })),
			copied: event.url.searchParams.get('disalin') === '1'
		};
	});

export const actions: Actions = {
	salin: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const target = await locals.services.communities.getBySlug(locals.actor, field(form, 'target'));
			const copy = await locals.services.programs.copyToCommunity(locals.actor, params.id, target, { name: field(form, 'name'), startsOn: field(form, 'startsOn'), endsOn: field(form, 'endsOn') });
			return { copyId: copy.id, target: target.slug };
		});
		if ('copyId' in result) redirect(303, `/koordinator/${result.target}/program/${result.copyId}?disalin=1`);
		return result;
	}
};

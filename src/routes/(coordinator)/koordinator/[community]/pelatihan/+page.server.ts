import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { staffCommunity } from '$lib/server/training/page-context';
import { NotFoundError } from '$lib/server/errors';
import { formatDateTime } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, overview } = await staffCommunity(event);
		const names = new Map(overview.programs.map((p) => [p.id, p.name]));
		return {
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			programs: overview.programs,
			trainings: overview.trainings.map((t) => ({ id: t.id, title: t.title, when: formatDateTime(t.startsAt, event.locals.locale), venue: t.venue, program: names.get(t.programId) ?? '' }))
		};
	});

export const actions: Actions = {
	buat: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { overview } = await staffCommunity(event);
			const programId = String(form.get('programId') ?? '');
			// the program must belong to the community in the URL (a platform admin may open any community)
			if (!overview.programs.some((p) => p.id === programId)) throw new NotFoundError('training.notFoundProgram');
			const training = await event.locals.services.trainings.create(event.locals.actor, programId, {
				title: String(form.get('title') ?? ''),
				startsAt: String(form.get('startsAt') ?? ''),
				venue: String(form.get('venue') ?? ''),
				speakers: String(form.get('speakers') ?? ''),
				agenda: String(form.get('agenda') ?? '')
			});
			return training.id;
		});
		if (typeof result === 'string') redirect(303, `/koordinator/${event.params.community}/pelatihan/${result}`);
		return result;
	}
};

import { fail } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import { formAction } from '$lib/server/web/forms';
import { translator } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/** How many problems the page lists (the count says how many more there are). */
const SHOWN_PROBLEMS = 200;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const community = await coordinatorCommunity(event);
		// staff only: the roster service refuses anyone else with 404
		await event.locals.services.mentoring.dueThisWeek(event.locals.actor, community);
		return { group: { slug: community.slug, name: community.name, groupName: community.group_name } };
	});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const t = translator(event.locals.locale);
		return formAction(event.locals.locale, form, async () => {
			const community = await coordinatorCommunity(event);
			const file = form.get('file');
			if (!(file instanceof File) || file.size === 0) return fail(400, { importMessage: t('members.import.noFile'), problems: [], more: 0 });
			const result = await event.locals.services.memberFiles.importFile(event.locals.actor, community, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
			if (result.ok) return { imported: result.imported };
			const problems = result.problems.slice(0, SHOWN_PROBLEMS).map((p) => ({ row: p.row, column: p.column, message: t(p.messageKey, p.params) }));
			return fail(422, { importMessage: t('members.import.nothing', { count: result.problems.length }), problems, more: result.problems.length - problems.length });
		});
	}
};

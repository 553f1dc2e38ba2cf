import { fail } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import { formAction } from '$lib/server/web/forms';
import { translator } from '$lib/i18n';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '$lib/server/members/member-file';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/** How many problems the page lists (the count says how many more there are). */
const SHOWN_PROBLEMS = 200;
/** How many names of members already on the roster the result lists. */
const SHOWN_NAMES = 30;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const community = await coordinatorCommunity(event);
		// staff only: the roster service refuses anyone else with 404
		await event.locals.services.mentoring.dueThisWeek(event.locals.actor, community);
		return { group: { slug: community.slug, name: community.name, groupName: community.group_name }, maxRows: MAX_IMPORT_ROWS.toLocaleString(event.locals.locale === 'en' ? 'en-GB' : 'id-ID') };
	});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const t = translator(event.locals.locale);
		return formAction(event.locals.locale, form, async () => {
			const community = await coordinatorCommunity(event);
			const file = form.get('file');
			if (!(file instanceof File) || file.size === 0) return fail(400, { importMessage: t('members.import.noFile'), problems: [], more: 0, ignored: null });
			const result = await event.locals.services.memberFiles.importFile(event.locals.actor, community, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
			const ignored = result.ignored.length ? t('members.import.ignored', { columns: result.ignored.map((c) => `"${c}"`).join(', '), known: IMPORT_COLUMNS.join(', ') }) : null;
			if (result.ok) {
				const names = (list: string[]) => list.slice(0, SHOWN_NAMES).join(', ') + (list.length > SHOWN_NAMES ? ` (+${list.length - SHOWN_NAMES})` : '');
				return {
					imported: t('members.import.summary', { added: result.added, updated: result.updated.length, unchanged: result.unchanged.length }),
					details: [result.updated.length ? t('members.import.updatedNames', { names: names(result.updated) }) : null, result.unchanged.length ? t('members.import.unchangedNames', { names: names(result.unchanged) }) : null].filter((x): x is string => !!x),
					ignored
				};
			}
			const problems = result.problems.slice(0, SHOWN_PROBLEMS).map((p) => ({ row: p.row, column: p.column, message: t(p.messageKey, p.params) }));
			return fail(422, { importMessage: t('members.import.nothing', { count: result.problems.length }), problems, more: result.problems.length - problems.length, ignored });
		});
	}
};

import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { field, programPage } from '$lib/server/web/program-page';
import type { AssessmentItemInput } from '$lib/validation/program';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, program } = await programPage(event);
		const lists = await event.locals.services.assessment.lists(event.locals.actor, program.id);
		const view = (items: { id: string; text: string; sector: string }[]) => items.map((i) => ({ id: i.id, text: i.text, sector: i.sector }));
		return {
			saved: savedParam(event.url, ['added', 'changed', 'removed'] as const),
			community: { slug: community.slug, name: community.name },
			program: { id: program.id, name: program.name },
			mpa: Object.entries(lists.mpa).map(([category, items]) => ({ category, items: view(items) })),
			sla: Object.entries(lists.sla).map(([category, items]) => ({ category, items: view(items) }))
		};
	});

export const actions: Actions = {
	tambah: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const input = { method: field(form, 'method'), category: field(form, 'category'), sector: field(form, 'sector'), text: field(form, 'text') } as AssessmentItemInput;
			await locals.services.assessment.add(locals.actor, params.id, input);
			return { saved: 'added' as const };
		});
		return redirectWhenSaved(url, result);
	},
	ubah: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.assessment.update(locals.actor, field(form, 'itemId'), { text: field(form, 'text'), sector: field(form, 'sector') });
			return { saved: 'changed' as const };
		});
		return redirectWhenSaved(url, result);
	},
	hapus: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.assessment.remove(locals.actor, field(form, 'itemId'));
			return { saved: 'removed' as const };
		});
		return redirectWhenSaved(url, result);
	}
};

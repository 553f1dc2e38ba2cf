import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { field } from '$lib/server/web/program-page';
import { formatDayRange } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, url, params } = event;
		if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent(url.pathname)}`);
		const community = await locals.services.communities.getBySlug(locals.actor, params.community);
		const programs = await locals.services.programs.listByCommunity(locals.actor, community);
		return {
			community: { slug: community.slug, name: community.name },
			programs: programs.map((p) => ({
				id: p.id,
				name: p.name,
				theme: p.theme,
				period: formatDayRange(p.starts_on, p.ends_on, locals.locale),
				done: p.stages.filter((s) => s.status === 'selesai').length,
				current: p.stages.find((s) => s.status === 'berjalan')?.key ?? p.stages.find((s) => s.status === 'belum')?.key ?? null
			}))
		};
	});

export const actions: Actions = {
	buat: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const community = await locals.services.communities.getBySlug(locals.actor, params.community);
			return locals.services.programs.create(locals.actor, community, { name: field(form, 'name'), theme: field(form, 'theme'), startsOn: field(form, 'startsOn'), endsOn: field(form, 'endsOn') });
		});
		if ('id' in result) redirect(303, `/koordinator/${params.community}/program/${result.id}`);
		return result;
	}
};

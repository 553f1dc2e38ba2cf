import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { translator } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** The community's programs with their stages; coordinators and facilitators of that community only (else 404). */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { services, actor, locale } = event.locals;
		const t = translator(locale);
		const community = await services.communities.getBySlug(actor, event.params.slug);
		const programs = await services.programs.listByCommunity(actor, community);
		return json({
			data: programs.map((p) => ({
				id: p.id,
				name: p.name,
				startsOn: p.starts_on,
				endsOn: p.ends_on,
				stages: p.stages.map((s) => ({ key: s.key, name: t(`program.stage.${s.key}`), status: s.status, startsOn: s.starts_on, endsOn: s.ends_on }))
			}))
		});
	});

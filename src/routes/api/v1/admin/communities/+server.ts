import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import type { RequestHandler } from './$types';

/**
 * A community for one official kelurahan/desa: `{ regionCode, name, slug }` → 201 with it. Platform admin token only
 * (anyone else: 404); unknown or non-village region → 400; slug taken → 409.
 */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { locals } = event;
		locals.services.admin.assertAdmin(locals.actor);
		const c = await locals.services.admin.createCommunity(locals.actor, await readJson(event.request));
		return json(
			{ data: { slug: c.slug, name: c.name, regionCode: c.region_code, kind: c.kind, district: c.district, regency: c.regency, province: c.province, url: `${event.url.origin}/c/${c.slug}` } },
			{ status: 201, headers: { location: `/api/v1/communities/${c.slug}/shops` } }
		);
	});

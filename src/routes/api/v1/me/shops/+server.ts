import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const shops = await event.locals.services.shops.listOwned(event.locals.actor);
		return json({ data: shops.map((s) => ({ id: s.id, slug: s.slug, name: s.name, communityId: s.community_id, onboardingStep: s.onboarding_step })) });
	});

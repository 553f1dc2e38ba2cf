import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const actor = locals.actor;
	let user: { name: string; hasShop: boolean; groupSlug: string | null } | null = null;
	if (actor.kind === 'user') {
		const led = actor.memberships.find((m) => m.role === 'coordinator' || m.role === 'facilitator');
		const groupSlug = led ? (await locals.services.communities.getById(actor, led.communityId).catch(() => null))?.slug ?? null : null;
		user = { name: actor.name, hasShop: actor.shopIds.length > 0, groupSlug };
	}
	return { locale: locals.locale, here: url.pathname + url.search, user };
};

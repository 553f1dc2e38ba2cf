import { storeAlternates } from '$lib/server/web/store-alternates';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const actor = locals.actor;
	let user: { name: string; hasShop: boolean; groupSlug: string | null; isAdmin: boolean } | null = null;
	if (actor.kind === 'user') {
		const led = actor.memberships.find((m) => m.role === 'coordinator' || m.role === 'facilitator');
		const groupSlug = led ? (await locals.services.communities.getById(actor, led.communityId).catch(() => null))?.slug ?? null : null;
		user = { name: actor.name, hasShop: actor.shopIds.length > 0, groupSlug, isAdmin: actor.isPlatformAdmin };
	}
	// `here` is the URL as visited (`/en/…` on English pages): the language switch turns it into the other language's URL.
	return { locale: locals.locale, here: url.pathname + url.search, user, alternates: storeAlternates(url) };
};

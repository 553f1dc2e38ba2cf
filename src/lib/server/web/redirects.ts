import type { Actor } from '../auth/actor';

/** Only same-site paths, so a crafted link can never send someone elsewhere after logging in. */
export function safeReturnPath(value: string | null | undefined, fallback = '/'): string {
	return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}

/** Where a person lands after logging in: their shop, else the group they coordinate, else home. */
export async function homeFor(actor: Actor, communitySlugOf: (communityId: string) => Promise<string | undefined>): Promise<string> {
	if (actor.kind !== 'user') return '/';
	if (actor.shopIds.length) return '/jual';
	const led = actor.memberships.find((m) => m.role === 'coordinator' || m.role === 'facilitator');
	if (led) {
		const slug = await communitySlugOf(led.communityId);
		if (slug) return `/koordinator/${slug}`;
	}
	return '/';
}

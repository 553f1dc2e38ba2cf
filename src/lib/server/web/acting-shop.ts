import type { Actor } from '$lib/server/auth/actor';

/**
 * The shop a seller page or action is for: `?toko=` when a coordinator or facilitator helps another shop, else the
 * seller's own (first) shop. Only which shop is asked for; whether the actor may manage it is the service's check.
 */
export function requestedShopId(url: URL, actor: Actor): string | undefined {
	return url.searchParams.get('toko') ?? (actor.kind === 'user' ? actor.shopIds[0] : undefined);
}

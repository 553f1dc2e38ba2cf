import type { Actor, UserActor } from '../auth/actor';
import { requireUser } from '../auth/guards';
import { NotFoundError } from '../errors';
import type { MessageKey } from '$lib/i18n';

/**
 * A shop's cash book is its seller's alone: only a user whose own shops include it may read or write it. Unlike the
 * order inbox (requireShopManager), a coordinator or facilitator of the community is refused too, with the same
 * "not found" as another shop's seller, so nobody learns that the book exists. Nobody logged in: 401 as everywhere.
 */
export function requireBookOwner(actor: Actor, shop: { id: string }, notFound: MessageKey = 'error.notFound.shopUnnamed'): UserActor {
	const user = requireUser(actor);
	if (!user.shopIds.includes(shop.id)) throw new NotFoundError(notFound);
	return user;
}

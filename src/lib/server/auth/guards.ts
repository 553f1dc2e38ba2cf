import type { Actor, UserActor } from './actor';
import type { Role } from '../db/schema';
import { DomainError, ForbiddenError, NotFoundError } from '../errors';

/** Writes that only the server itself or a platform admin may do (communities, seeding, the CLI). */
export function requireSystem(actor: Actor): void {
	if (actor.kind === 'system') return;
	if (actor.kind === 'user' && actor.isPlatformAdmin) return;
	throw new ForbiddenError();
}

/**
 * Platform administration (/admin, /api/v1/admin/…): the server itself or a platform admin. To anyone else — a
 * coordinator included, signed in or not — it does not exist (404), so it cannot be probed.
 */
export function requirePlatformAdmin(actor: Actor): void {
	if (actor.kind === 'system') return;
	if (actor.kind === 'user' && actor.isPlatformAdmin) return;
	throw new NotFoundError();
}

export function requireUser(actor: Actor): UserActor {
	if (actor.kind !== 'user') throw new DomainError('unauthenticated', 'auth.required', 401);
	return actor;
}

/** True for the system, a platform admin, or a member of the community in one of the roles. */
export function hasCommunityRole(actor: Actor, communityId: string, roles: Role[]): boolean {
	if (actor.kind === 'system') return true;
	if (actor.kind !== 'user') return false;
	return actor.isPlatformAdmin || actor.memberships.some((m) => m.communityId === communityId && roles.includes(m.role));
}

export function requireCommunityRole(actor: Actor, communityId: string, roles: Role[]): void {
	if (actor.kind === 'system') return;
	requireUser(actor);
	if (!hasCommunityRole(actor, communityId, roles)) throw new ForbiddenError();
}

/**
 * requireCommunityRole for a community's staff area (roster, setup links, QR cards): to a signed-in
 * non-member it does not exist (404, like every other tenant-scoped thing), so it cannot be probed.
 */
export function requireCommunityStaff(actor: Actor, communityId: string, roles: Role[] = ['coordinator', 'facilitator']): void {
	if (actor.kind === 'system') return;
	requireUser(actor);
	if (!hasCommunityRole(actor, communityId, roles)) throw new NotFoundError();
}

/**
 * May this actor change this shop? Its owner may, and so may the coordinator and facilitators of its
 * community (they sit beside sellers during training). Anyone else is told the shop does not exist,
 * so ids cannot be probed.
 */
export function requireShopManager(actor: Actor, shop: { id: string; community_id: string }): void {
	if (actor.kind === 'system') return;
	const user = requireUser(actor);
	if (user.shopIds.includes(shop.id)) return;
	if (hasCommunityRole(user, shop.community_id, ['coordinator', 'facilitator'])) return;
	throw new NotFoundError('error.notFound.shopUnnamed');
}

/** requireShopManager, but refusing with the caller's own "not found" (a product, an order) instead of the shop's. */
export function requireShopManagerOr(actor: Actor, shop: { id: string; community_id: string }, notFound: () => Error): void {
	try {
		requireShopManager(actor, shop);
	} catch {
		throw notFound();
	}
}

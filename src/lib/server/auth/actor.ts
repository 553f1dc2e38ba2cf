import type { Role } from '../db/schema';

export interface Membership {
	communityId: string;
	role: Role;
}

/** A signed-in person, with what they may act on loaded once per request. */
export interface UserActor {
	kind: 'user';
	userId: string;
	name: string;
	isPlatformAdmin: boolean;
	memberships: Membership[];
	/** Shops this person owns. */
	shopIds: string[];
}

/**
 * Who is acting. Every service method takes one first and decides for itself what that actor may do.
 * `public` is a visitor without an account; `system` is the server itself (start-up seeding, the CLI).
 */
export type Actor = { kind: 'public' } | { kind: 'system'; purpose: string } | UserActor;

export const PUBLIC_ACTOR: Actor = Object.freeze({ kind: 'public' });

export function systemActor(purpose: string): Actor {
	return { kind: 'system', purpose };
}

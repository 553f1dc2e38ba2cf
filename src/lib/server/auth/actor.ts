/**
 * Who is acting. Every service method takes one first and decides for itself what that actor may do.
 * `public` is a visitor without an account; `system` is the server itself (start-up seeding, the CLI).
 */
export type Actor = { kind: 'public' } | { kind: 'system'; purpose: string };

export const PUBLIC_ACTOR: Actor = Object.freeze({ kind: 'public' });

export function systemActor(purpose: string): Actor {
	return { kind: 'system', purpose };
}

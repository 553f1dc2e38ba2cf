import type { Actor } from './actor';
import { ForbiddenError } from '../errors';

/** Writes that only the server itself may do until accounts exist (seeding, the CLI). */
export function requireSystem(actor: Actor): void {
	if (actor.kind !== 'system') throw new ForbiddenError();
}

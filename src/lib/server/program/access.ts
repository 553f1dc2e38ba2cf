import type { Actor } from '../auth/actor';
import { hasCommunityRole, requireUser } from '../auth/guards';
import { NotFoundError } from '../errors';
import type { Program, ProgramRepository } from './program.repository';

/** Who runs a program: the community's coordinator and facilitators (and the system / a platform admin). */
export const PROGRAM_STAFF = ['coordinator', 'facilitator'] as const;

/**
 * Refuses anyone who is not staff of the community with a 404, the same answer as for an id that does not
 * exist, so a seller or another community's coordinator cannot even learn that a program is there.
 */
export function requireProgramStaff(actor: Actor, communityId: string): void {
	if (actor.kind === 'system') return;
	requireUser(actor);
	if (!hasCommunityRole(actor, communityId, [...PROGRAM_STAFF])) throw new NotFoundError('program.notFound');
}

/** The program if the actor is staff of its community; otherwise (or when there is none) a 404. */
export async function programFor(actor: Actor, programs: ProgramRepository, programId: string): Promise<Program> {
	if (actor.kind !== 'system') requireUser(actor);
	const program = typeof programId === 'string' && programId.length <= 64 ? await programs.findById(programId) : undefined;
	if (!program) throw new NotFoundError('program.notFound');
	requireProgramStaff(actor, program.community_id);
	return program;
}

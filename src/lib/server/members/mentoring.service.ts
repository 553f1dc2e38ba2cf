import type { Actor } from '../auth/actor';
import type { Community } from '../db/schema';
import { NotFoundError } from '../errors';
import { requireProgramStaff } from '../program/access';
import { parseInput } from '../validate';
import { newId } from '../../utils/ids';
import { mentoringSchema, type MentoringInput } from '../../validation/mentoring';
import type { RosterRepository } from './roster.repository';
import type { DueFollowUp, MentoringEntry, MentoringRepository } from './mentoring.repository';

const WIB_OFFSET = 7 * 3_600_000;

/** `YYYY-MM-DD` of a moment in WIB. */
export function wibDate(at: Date): string {
	return new Date(at.getTime() + WIB_OFFSET).toISOString().slice(0, 10);
}

/** The Sunday ending the WIB week (Monday–Sunday) that `at` falls in. */
export function endOfWibWeek(at: Date): string {
	const d = new Date(`${wibDate(at)}T00:00:00Z`);
	const dow = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
	return new Date(d.getTime() + (6 - dow) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The mentoring log (issue 9 item 9): visits, calls and chats with a member and the follow-up agreed.
 * Only the community's coordinator and facilitators read or write it; a seller — even the member the
 * notes are about — and other communities get 404.
 */
export class MentoringService {
	constructor(
		private readonly entries: MentoringRepository,
		private readonly roster: RosterRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	async add(actor: Actor, community: Pick<Community, 'id'>, memberId: string, input: MentoringInput): Promise<MentoringEntry> {
		requireProgramStaff(actor, community.id);
		await this.requireMember(community.id, memberId);
		const d = parseInput(mentoringSchema, input);
		return this.entries.insert({
			id: newId('mnt'),
			community_id: community.id,
			member_id: memberId,
			held_on: d.heldOn!,
			channel: d.channel,
			topic: d.topic,
			notes: d.notes,
			next_step: d.nextStep,
			follow_up_on: d.followUpOn,
			by_user_id: actor.kind === 'user' ? actor.userId : null,
			created_at: this.clock().toISOString()
		});
	}

	async listForMember(actor: Actor, community: Pick<Community, 'id'>, memberId: string): Promise<MentoringEntry[]> {
		requireProgramStaff(actor, community.id);
		await this.requireMember(community.id, memberId);
		return this.entries.listForMember(community.id, memberId);
	}

	/** "Jatuh tempo minggu ini": open follow-ups due by the end of this WIB week, overdue ones included. */
	async dueThisWeek(actor: Actor, community: Pick<Community, 'id'>): Promise<{ items: (DueFollowUp & { overdue: boolean })[]; today: string }> {
		requireProgramStaff(actor, community.id);
		const now = this.clock();
		const today = wibDate(now);
		const items = await this.entries.listDue(community.id, endOfWibWeek(now));
		return { items: items.map((i) => ({ ...i, overdue: (i.follow_up_on ?? '') < today })), today };
	}

	async markFollowUpDone(actor: Actor, community: Pick<Community, 'id'>, entryId: string): Promise<void> {
		requireProgramStaff(actor, community.id);
		const ok = typeof entryId === 'string' && entryId.length <= 64 && (await this.entries.markDone(community.id, entryId, this.clock().toISOString()));
		if (!ok) throw new NotFoundError('mentoring.notFound');
	}

	private async requireMember(communityId: string, memberId: string): Promise<void> {
		if (typeof memberId !== 'string' || memberId.length > 64 || !(await this.roster.findRosterRow(communityId, memberId))) throw new NotFoundError('members.notFound');
	}
}

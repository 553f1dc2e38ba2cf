import type { Actor } from '../auth/actor';
import { hasCommunityRole } from '../auth/guards';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import type { RateLimiter, RateRule } from '../security/rate-limit';
import { newId } from '../../utils/ids';
import { wibDay, wibMidnight } from '../../utils/dates';
import type { TrainingRepository, TrainingRow } from './training.repository';
import type { HelpRepository } from './help.repository';
import { expectedAt } from './expected';
import { presentIds } from './gain';

/** A member's training today, as their phone shows the "minta bantuan" button. */
export interface HelpToday {
	trainingId: string;
	title: string;
	/** When their flag went up (ISO), or null when none is up. */
	raisedAt: string | null;
}

const STAFF = ['coordinator', 'facilitator'] as const;
/** A raised hand is one tap; a phone tapping "minta bantuan" / "batal" on and on must not flood the facilitator. */
export const HELP_RAISE_RULE: RateRule = { name: 'help-raise', limit: 6, windowMs: 10 * 60_000 };

/**
 * "Minta bantuan" (issue 13, item 4): a member on a training's list raises a flag from their phone on the training
 * day (WIB) while attendance is open; it shows first on the facilitator's list and on the board tile. The
 * facilitator clears it ("sudah dibantu"), the member can take it back. Only that member raises or cancels their
 * own flag, only the community's staff clear one; anyone else — another community, a training they are not on — is
 * told it does not exist.
 */
export class HelpService {
	constructor(
		private readonly trainings: TrainingRepository,
		private readonly help: HelpRepository,
		private readonly limiter: RateLimiter,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** The member's training today (the earliest still open), or null: what decides whether their phone shows the button. */
	async today(actor: Actor): Promise<HelpToday | null> {
		if (actor.kind !== 'user' || actor.shopIds.length === 0) return null;
		const members = await this.trainings.membersOfShops(actor.shopIds);
		if (members.length === 0) return null;
		const from = wibMidnight(wibDay(this.clock().getTime()));
		const rows = await this.help.trainingsBetween([...new Set(members.map((m) => m.community_id))], new Date(from).toISOString(), new Date(from + 24 * 3_600_000).toISOString());
		for (const t of rows) {
			if (t.attendance_closed_at) continue;
			const member = members.find((m) => m.community_id === t.community_id);
			const row = member ? await this.trainings.byId(t.id) : undefined;
			if (!member || !row || !(await this.onList(row, member))) continue;
			const open = (await this.help.open(t.id)).find((h) => h.member_id === member.id);
			return { trainingId: t.id, title: t.title, raisedAt: open?.raised_at ?? null };
		}
		return null;
	}

	/** Raises the member's flag at this training (a second tap while it is up changes nothing). */
	async raise(actor: Actor, trainingId: string): Promise<{ raisedAt: string }> {
		const { row, member, userId } = await this.ownMember(actor, trainingId);
		const now = this.clock();
		if (wibDay(now.getTime()) !== wibDay(row.starts_at)) throw new ValidationError('help.notToday', { date: wibDay(row.starts_at) });
		if (row.attendance_closed_at) throw new DomainError('attendance_closed', 'help.closed', 409);
		await this.limiter.consume(HELP_RAISE_RULE, userId, 'help.tooMany');
		await this.help.raise({ id: newId('help'), training_id: row.id, member_id: member.id, raised_at: now.toISOString(), raised_by: userId });
		const open = (await this.help.open(row.id)).find((h) => h.member_id === member.id);
		return { raisedAt: open?.raised_at ?? now.toISOString() };
	}

	/** The member takes their flag back (nothing happens when none is up). */
	async cancel(actor: Actor, trainingId: string): Promise<void> {
		const { row, member, userId } = await this.ownMember(actor, trainingId);
		await this.help.end(row.id, member.id, 'cancelled', this.clock().toISOString(), userId);
	}

	/** The facilitator has helped: the member's flag comes down (a member of another community is "not found"). */
	async clear(actor: Actor, trainingId: string, memberId: string): Promise<void> {
		const row = await this.trainings.byId(trainingId);
		if (!row || !hasCommunityRole(actor, row.community_id, [...STAFF])) throw new NotFoundError('training.notFound');
		const known = await this.trainings.memberIdsIn(row.community_id, [memberId]);
		if (!known.has(memberId)) throw new NotFoundError('training.notFoundMember');
		await this.help.end(row.id, memberId, 'helped', this.clock().toISOString(), actor.kind === 'user' ? actor.userId : null);
	}

	/** The training and the actor's own member row on its list; anything else is "not found". */
	private async ownMember(actor: Actor, trainingId: string) {
		if (actor.kind !== 'user') throw new NotFoundError('training.notFound');
		const row = await this.trainings.byId(trainingId);
		const member = row ? await this.trainings.memberOfShops(row.community_id, actor.shopIds) : undefined;
		if (!row || !member || !(await this.onList(row, member))) throw new NotFoundError('training.notFound');
		return { row, member, userId: actor.userId };
	}

	/** On the training's list: invited (expected.ts) or marked present. */
	private async onList(row: TrainingRow, member: { id: string; created_at: string }): Promise<boolean> {
		const [named, attendance] = await Promise.all([row.invite_all === 1 ? Promise.resolve([] as string[]) : this.trainings.inviteeIds(row.id), this.trainings.attendance(row.id)]);
		return expectedAt({ startsAt: row.starts_at, inviteAll: row.invite_all === 1 }, [{ id: member.id, joinedAt: member.created_at }], new Set(named), presentIds(attendance)).has(member.id);
	}
}

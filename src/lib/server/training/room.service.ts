import type { Actor } from '../auth/actor';
import type { FunnelRepository } from '../members/funnel.repository';
import type { TrainingRepository } from './training.repository';
import type { BoardService, BoardTraining } from './board.service';
import type { RoomRepository } from './room.repository';
import { roomOrder, sinceOf, stuckAt, type RoomMember } from './room';
import type { BoardStep } from './board';

export interface Room {
	training: BoardTraining;
	members: RoomMember[];
	counts: Record<BoardStep, number>;
	/** How many are stuck (more than five minutes on one step, in the room). */
	stuck: number;
	/** The moment the list was computed (ISO), so the page can say how fresh it is. */
	at: string;
}

/**
 * The facilitator's list (issue 13, item 4): the board's members with full names, each with how long they have
 * been on their step in the room, the stuck first. Only the coordinator and facilitators of the training's
 * community may read it (BoardService.forStaff decides; anyone else is told it does not exist).
 */
export class RoomService {
	constructor(
		private readonly boards: BoardService,
		private readonly trainings: TrainingRepository,
		private readonly funnel: FunnelRepository,
		private readonly rooms: RoomRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	async forStaff(actor: Actor, trainingId: string): Promise<Room> {
		const { training, board } = await this.boards.forStaff(actor, trainingId);
		const [rows, attendance, shopTimes] = await Promise.all([this.funnel.members(training.communityId), this.trainings.attendance(training.id), this.rooms.shopStepTimes(training.communityId)]);
		const byMember = new Map(rows.map((r) => [r.member_id, r]));
		const presentAt = new Map(attendance.filter((a) => a.present === 1).map((a) => [a.member_id, a.at]));
		const now = this.clock();
		const members = board.members.map((m): RoomMember => {
			const r = byMember.get(m.memberId);
			const shop = r ? shopTimes.get(r.shop_id) : undefined;
			const since = sinceOf(m.step, m.present, {
				presentAt: presentAt.get(m.memberId) ?? null,
				accountAt: r ? (r.account_at ?? r.user_created_at) : null,
				profileAt: r?.shop_updated_at ?? null,
				photoAt: shop?.photoAt ?? null
			});
			return { memberId: m.memberId, name: r?.person_name ?? m.firstName, step: m.step, present: m.present, since, ...stuckAt(since, now), helpSince: null };
		});
		const ordered = roomOrder(members);
		return { training, members: ordered, counts: board.counts, stuck: ordered.filter((m) => m.stuck).length, at: now.toISOString() };
	}
}

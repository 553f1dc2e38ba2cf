import type { Actor } from '../auth/actor';
import type { FunnelRepository } from '../members/funnel.repository';
import type { TrainingRepository } from './training.repository';
import type { BoardService, BoardTraining } from './board.service';
import type { RoomRepository } from './room.repository';
import type { HelpRepository } from './help.repository';
import { roomOrder, sinceOf, stuckAt, type RoomMember } from './room';
import { distinctNames, endOfTrainingDay, type BoardStep } from './board';
import { dayFigures, type DayFigures, type PresentMemberFacts } from './day-results';
import { checklistShopOf } from '../shops/checklist-shop';
import { profileComplete, shopChecklist } from '../../shop-checklist';
import { NotFoundError } from '../errors';

/** A training day's results with what the "Hasil pelatihan" page prints around them. */
export interface DayResults {
	training: { id: string; communityId: string; title: string; startsAt: string; venue: string; speakers: string[]; attendanceClosedAt: string | null };
	figures: DayFigures;
}

export interface Room {
	training: BoardTraining;
	members: RoomMember[];
	counts: Record<BoardStep, number>;
	/** How many are stuck (more than five minutes on one step, in the room). */
	stuck: number;
	/** How many "minta bantuan" flags are up. */
	help: number;
	/** The moment the list was computed (ISO), so the page can say how fresh it is. */
	at: string;
}

/**
 * The facilitator's list (issue 13, item 4): the board's members with full names, each with how long they have
 * been on their step in the room: raised "minta bantuan" flags first, then the stuck. Only the coordinator and facilitators of the training's
 * community may read it (BoardService.forStaff decides; anyone else is told it does not exist).
 */
export class RoomService {
	constructor(
		private readonly boards: BoardService,
		private readonly trainings: TrainingRepository,
		private readonly funnel: FunnelRepository,
		private readonly rooms: RoomRepository,
		private readonly help: HelpRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	async forStaff(actor: Actor, trainingId: string): Promise<Room> {
		const { training, board } = await this.boards.forStaff(actor, trainingId);
		const [rows, attendance, shopTimes, help] = await Promise.all([this.funnel.members(training.communityId), this.trainings.attendance(training.id), this.rooms.shopStepTimes(training.communityId), this.help.open(training.id)]);
		const helpSince = new Map(help.map((h) => [h.member_id, h.raised_at]));
		const byMember = new Map(rows.map((r) => [r.member_id, r]));
		const presentAt = new Map(attendance.filter((a) => a.present === 1).map((a) => [a.member_id, a.at]));
		const now = this.clock();
		// full names, told apart like the board's when two are the same (shop name, else a number)
		const names = distinctNames(board.members.map((m) => { const r = byMember.get(m.memberId); return r ? { name: r.person_name, shopName: r.shop_name } : { name: m.firstName }; }), 'full');
		const members = board.members.map((m, i): RoomMember => {
			const r = byMember.get(m.memberId);
			const shop = r ? shopTimes.get(r.shop_id) : undefined;
			const since = sinceOf(m.step, m.present, {
				presentAt: presentAt.get(m.memberId) ?? null,
				accountAt: r ? (r.account_at ?? r.user_created_at) : null,
				profileAt: r?.shop_updated_at ?? null,
				photoAt: shop?.photoAt ?? null
			});
			return { memberId: m.memberId, name: names[i], step: m.step, present: m.present, since, ...stuckAt(since, now), helpSince: helpSince.get(m.memberId) ?? null, helpMinutes: stuckAt(helpSince.get(m.memberId) ?? null, now).minutes };
		});
		const ordered = roomOrder(members);
		return { training, members: ordered, counts: board.counts, stuck: ordered.filter((m) => m.stuck).length, help: ordered.filter((m) => m.helpSince !== null).length, at: now.toISOString() };
	}

	/**
	 * The day's results (issue 13, item 5) for the one-page "Hasil pelatihan" and the evaluation report: of the
	 * members present, who has an account and a shop profile, who uploaded a photo during the training day, who
	 * published a product that day after checking in and how long that took, and who was online before
	 * (day-results.ts). Staff of the community only.
	 */
	async dayResults(actor: Actor, trainingId: string): Promise<DayResults> {
		const { training, board } = await this.boards.forStaff(actor, trainingId);
		const row = await this.trainings.byId(training.id);
		if (!row) throw new NotFoundError('training.notFound');
		const dayEnd = endOfTrainingDay(row.starts_at);
		const dayStart = new Date(Date.parse(dayEnd) - 24 * 3_600_000).toISOString();
		const [rows, attendance, shopTimes, activity] = await Promise.all([
			this.funnel.members(training.communityId),
			this.trainings.attendance(training.id),
			this.rooms.shopStepTimes(training.communityId),
			this.rooms.dayActivity(training.communityId, dayStart, dayEnd)
		]);
		const byMember = new Map(rows.map((r) => [r.member_id, r]));
		const present = attendance
			.filter((a) => a.present === 1 && byMember.has(a.member_id))
			.map((a): PresentMemberFacts => {
				const r = byMember.get(a.member_id)!;
				const shop = shopTimes.get(r.shop_id);
				const day = activity.get(r.shop_id);
				return {
					checkInAt: a.at,
					account: !!r.owner_user_id && !!r.password_hash,
					profile: profileComplete(shopChecklist(checklistShopOf(r), 0)),
					photoToday: (day?.photoAts.length ?? 0) > 0,
					publishedAt: day?.publishedAts.find((at) => at >= a.at) ?? null,
					onlineBefore: !!shop?.publishedAt && shop.publishedAt < a.at
				};
			});
		return {
			training: { id: row.id, communityId: row.community_id, title: row.title, startsAt: row.starts_at, venue: row.venue, speakers: parseSpeakers(row.speakers), attendanceClosedAt: row.attendance_closed_at },
			figures: dayFigures(board.members.length, present)
		};
	}
}

function parseSpeakers(text: string): string[] {
	try {
		const v: unknown = JSON.parse(text);
		return Array.isArray(v) ? v.map(String).filter(Boolean) : [];
	} catch {
		return [];
	}
}

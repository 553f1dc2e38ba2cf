import type { Actor } from '../auth/actor';
import { hasCommunityRole } from '../auth/guards';
import { DomainError, NotFoundError } from '../errors';
import { hashToken, newToken } from '../accounts/tokens';
import { checklistShopOf } from '../shops/checklist-shop';
import { profileComplete, shopChecklist } from '../../shop-checklist';
import type { FunnelRepository } from '../members/funnel.repository';
import type { TrainingRepository, TrainingRow } from './training.repository';
import type { BoardRepository } from './board.repository';
import { boardStep, countSteps, distinctNames, endOfTrainingDay, type BoardFacts, type BoardStep } from './board';
import { expectedAt } from './expected';
import { presentIds } from './gain';

/** The board's JSON: first names and steps only — no phone number, score or full name; a shop's public name only to tell two same first names apart (distinctNames). `help`: a "minta bantuan" flag is up. */
export interface Board {
	members: { memberId: string; firstName: string; step: BoardStep; present: boolean; help: boolean }[];
	counts: Record<BoardStep, number>;
}

/** What the board page shows around the tiles (the training is named on the projector anyway). */
export interface BoardTraining {
	id: string;
	communityId: string;
	title: string;
	startsAt: string;
	venue: string;
	/** The venue QR's secret: the board shows the check-in QR to the room (never in the board's JSON). */
	checkinToken: string;
}

export interface BoardLink {
	token: string;
	trainingId: string;
	expiresAt: string;
}

const STAFF = ['coordinator', 'facilitator'] as const;
/** Longest token a link can carry (newToken makes 43 characters): anything longer is not looked up. */
const MAX_TOKEN = 64;

/**
 * The projector board of a training (issue 13). Staff of the training's community read it with their own login
 * and make board links; a board link opens the same board — and nothing else — without a login until 24.00 WIB
 * of the training day. Anyone else, and any unknown, expired or other training's link, is told it does not exist.
 */
export class BoardService {
	constructor(
		private readonly trainings: TrainingRepository,
		private readonly boards: BoardRepository,
		private readonly funnel: FunnelRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	private async staffRow(actor: Actor, trainingId: string): Promise<TrainingRow> {
		const row = await this.trainings.byId(trainingId);
		if (!row || !hasCommunityRole(actor, row.community_id, [...STAFF])) throw new NotFoundError('training.notFound');
		return row;
	}

	/** The board for the training's coordinator or facilitator. */
	async forStaff(actor: Actor, trainingId: string): Promise<{ training: BoardTraining; board: Board }> {
		const row = await this.staffRow(actor, trainingId);
		return { training: trainingOf(row), board: await this.compute(row) };
	}

	/**
	 * A new board link, valid until the end of the training day (WIB). Only its hash is stored; the token is
	 * returned once. A training whose day is over gets none (409): the link would open nothing.
	 */
	async createLink(actor: Actor, trainingId: string): Promise<BoardLink> {
		const row = await this.staffRow(actor, trainingId);
		const expiresAt = endOfTrainingDay(row.starts_at);
		const now = this.clock().toISOString();
		if (expiresAt <= now) throw new DomainError('training_day_over', 'board.dayOver', 409);
		const token = newToken();
		await this.boards.insertLink({ token_hash: hashToken(token), training_id: row.id, created_by: actor.kind === 'user' ? actor.userId : null, created_at: now, expires_at: expiresAt });
		return { token, trainingId: row.id, expiresAt };
	}

	/** The training a board link opens, if the link is for this training and has not expired; else "not found". */
	async linkTarget(trainingId: string, token: string): Promise<{ training: BoardTraining; expiresAt: string }> {
		const link = token.length > 0 && token.length <= MAX_TOKEN ? await this.boards.linkByHash(hashToken(token)) : undefined;
		if (!link || link.training_id !== trainingId || link.expires_at <= this.clock().toISOString()) throw new NotFoundError('board.notFound');
		const row = await this.trainings.byId(trainingId);
		if (!row) throw new NotFoundError('board.notFound');
		return { training: trainingOf(row), expiresAt: link.expires_at };
	}

	/** The board behind a board link (see linkTarget). */
	async forLink(trainingId: string, token: string): Promise<{ training: BoardTraining; board: Board; expiresAt: string }> {
		const target = await this.linkTarget(trainingId, token);
		const row = await this.trainings.byId(target.training.id);
		if (!row) throw new NotFoundError('board.notFound');
		return { ...target, board: await this.compute(row) };
	}

	/**
	 * For the live hub only (it checked the viewer when they connected): the board of a training, recomputed
	 * when `version` moves. Not for routes.
	 */
	async current(trainingId: string): Promise<Board | null> {
		const row = await this.trainings.byId(trainingId);
		return row ? this.compute(row) : null;
	}

	/** A cheap fingerprint of the board's inputs (see BoardRepository.version); for the live hub. */
	version(trainingId: string, communityId: string): Promise<string> {
		return this.boards.version(trainingId, communityId);
	}

	/**
	 * Who is on the board: the training's expected members (expected.ts — invited by name or as the whole
	 * community when it has no list, and on the roster at its start; plus anyone marked present, so a walk-in
	 * gets a tile), in roster order, each at their step.
	 */
	private async compute(row: TrainingRow): Promise<Board> {
		const [rows, named, attendance, products, help] = await Promise.all([
			this.funnel.members(row.community_id),
			row.invite_all === 1 ? Promise.resolve([] as string[]) : this.trainings.inviteeIds(row.id),
			this.trainings.attendance(row.id),
			this.boards.productFacts(row.community_id),
			this.boards.helpRaised(row.id)
		]);
		const present = presentIds(attendance);
		const session = { startsAt: row.starts_at, inviteAll: row.invite_all === 1 };
		const expected = expectedAt(session, rows.map((r) => ({ id: r.member_id, joinedAt: r.member_created_at })), new Set(named), present);
		const listed = rows.filter((r) => expected.has(r.member_id));
		const names = distinctNames(listed.map((r) => ({ name: r.person_name, shopName: r.shop_name })));
		const facts: BoardFacts[] = listed.map((r) => {
			const shop = products.get(r.shop_id);
			return {
				present: present.has(r.member_id),
				account: !!r.owner_user_id && !!r.password_hash,
				profile: profileComplete(shopChecklist(checklistShopOf(r), 0)),
				photo: shop?.photo ?? false,
				published: shop?.published ?? false
			};
		});
		const members = listed.map((r, i) => ({ memberId: r.member_id, firstName: names[i], step: boardStep(facts[i]), present: facts[i].present, help: help.has(r.member_id) }));
		return { members, counts: countSteps(facts) };
	}
}

function trainingOf(row: TrainingRow): BoardTraining {
	return { id: row.id, communityId: row.community_id, title: row.title, startsAt: row.starts_at, venue: row.venue, checkinToken: row.checkin_token };
}

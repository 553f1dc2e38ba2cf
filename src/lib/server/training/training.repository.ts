import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { AttendanceEventTable, TestKind, TrainingTable } from '../db/schema-training';

export type TrainingRow = Selectable<TrainingTable>;

/** One attendance tick as stored (the table has no generated columns, so the row is also what is inserted). */
export type NewAttendanceEvent = Selectable<AttendanceEventTable>;

/** A member as the training pages list them (not a table row: joined with the shop, camelCase). */
export interface RosterMember {
	id: string;
	name: string;
	shopName: string;
	shopId: string;
	rw: string | null;
	/** `member.created_at`: when they were put on the roster (see expected.ts). */
	joinedAt: string;
}

/** Kysely I/O for trainings and attendance; decides nothing about who may do what. */
export class TrainingRepository {
	constructor(private readonly db: Kysely<DB>) {}

	program(programId: string) {
		return this.db.selectFrom('program').selectAll().where('id', '=', programId).executeTakeFirst();
	}

	programsOfCommunity(communityId: string) {
		return this.db.selectFrom('program').select(['id', 'name', 'community_id', 'goals', 'theme', 'target_group', 'starts_on', 'ends_on', 'report_signer_name']).where('community_id', '=', communityId).orderBy('created_at', 'desc').execute();
	}

	async insert(row: TrainingRow): Promise<void> {
		await this.db.insertInto('training').values(row).execute();
	}

	async update(id: string, values: Partial<TrainingRow>): Promise<void> {
		await this.db.updateTable('training').set(values).where('id', '=', id).execute();
	}

	byId(id: string) {
		return this.db.selectFrom('training').selectAll().where('id', '=', id).executeTakeFirst();
	}

	byCheckinToken(token: string) {
		return this.db.selectFrom('training').selectAll().where('checkin_token', '=', token).executeTakeFirst();
	}

	/** Chronological; two sessions starting at the same minute in id order, so the report's session numbers never swap. */
	listByProgram(programId: string) {
		return this.db.selectFrom('training').selectAll().where('program_id', '=', programId).orderBy('starts_at').orderBy('id').execute();
	}

	/** Newest first: exactly the reverse of `listByProgram`'s order (the report numbers sessions in that order). */
	listByCommunity(communityId: string) {
		return this.db.selectFrom('training').selectAll().where('community_id', '=', communityId).orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();
	}

	/** Every member of the community, by name, with their shop. */
	async members(communityId: string): Promise<RosterMember[]> {
		const rows = await this.db
			.selectFrom('member as m')
			.innerJoin('shop as s', 's.id', 'm.shop_id')
			.select(['m.id', 'm.person_name', 'm.rw', 'm.created_at', 's.name as shop_name', 's.id as shop_id'])
			.where('m.community_id', '=', communityId)
			.orderBy('m.person_name')
			.orderBy('m.id')
			.execute();
		return rows.map((r) => ({ id: r.id, name: r.person_name, shopName: r.shop_name, shopId: r.shop_id, rw: r.rw, joinedAt: r.created_at }));
	}

	/** Which of these ids are members of the community (to refuse foreign ids before anything is written). */
	async memberIdsIn(communityId: string, ids: string[]): Promise<Set<string>> {
		if (ids.length === 0) return new Set();
		const found = new Set<string>();
		for (let i = 0; i < ids.length; i += 500) {
			const rows = await this.db.selectFrom('member').select('id').where('community_id', '=', communityId).where('id', 'in', ids.slice(i, i + 500)).execute();
			for (const r of rows) found.add(r.id);
		}
		return found;
	}

	memberOfShops(communityId: string, shopIds: string[]) {
		if (shopIds.length === 0) return Promise.resolve(undefined);
		return this.db.selectFrom('member').select(['id', 'person_name', 'created_at']).where('community_id', '=', communityId).where('shop_id', 'in', shopIds).orderBy('id').executeTakeFirst();
	}

	/** Member rows of these shops in any community (a seller's own trainings). */
	membersOfShops(shopIds: string[]) {
		if (shopIds.length === 0) return Promise.resolve([]);
		return this.db.selectFrom('member').select(['id', 'community_id', 'person_name', 'created_at']).where('shop_id', 'in', shopIds).execute();
	}

	async inviteeIds(trainingId: string): Promise<string[]> {
		const rows = await this.db.selectFrom('training_invitee').select('member_id').where('training_id', '=', trainingId).execute();
		return rows.map((r) => r.member_id);
	}

	async setInvitees(trainingId: string, inviteAll: boolean, memberIds: string[]): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			await trx.updateTable('training').set({ invite_all: inviteAll ? 1 : 0 }).where('id', '=', trainingId).execute();
			await trx.deleteFrom('training_invitee').where('training_id', '=', trainingId).execute();
			if (!inviteAll && memberIds.length) await trx.insertInto('training_invitee').values(memberIds.map((m) => ({ training_id: trainingId, member_id: m }))).execute();
		});
	}

	/**
	 * Stores events once each (by training and event id) and moves each member's state to the event with the
	 * latest `at` (ties: the larger id), in one transaction. Events are inserted in id order and states
	 * written in member order, so concurrent batches on PostgreSQL always take locks in the same order and
	 * cannot deadlock.
	 */
	async applyEvents(events: NewAttendanceEvent[]): Promise<{ applied: string[]; duplicates: string[] }> {
		const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		return this.db.transaction().execute(async (trx) => {
			const applied: string[] = [];
			const duplicates: string[] = [];
			const winners = new Map<string, NewAttendanceEvent>();
			for (const e of sorted) {
				const inserted = await trx
					.insertInto('attendance_event')
					.values(e)
					.onConflict((oc) => oc.columns(['training_id', 'id']).doNothing())
					.returning('id')
					.executeTakeFirst();
				if (!inserted) {
					duplicates.push(e.id);
					continue;
				}
				applied.push(e.id);
				const key = `${e.training_id}\u0000${e.member_id}`;
				const best = winners.get(key);
				if (!best || later(e, best)) winners.set(key, e);
			}
			const states = [...winners.values()].sort((a, b) => (a.member_id < b.member_id ? -1 : a.member_id > b.member_id ? 1 : 0));
			for (const e of states) {
				await trx
					.insertInto('attendance')
					.values({ training_id: e.training_id, member_id: e.member_id, present: e.present, at: e.at, event_id: e.id })
					.onConflict((oc) =>
						oc
							.columns(['training_id', 'member_id'])
							.doUpdateSet((eb) => ({ present: eb.ref('excluded.present'), at: eb.ref('excluded.at'), event_id: eb.ref('excluded.event_id') }))
							.where((eb) =>
								eb.or([eb('attendance.at', '<', eb.ref('excluded.at')), eb.and([eb('attendance.at', '=', eb.ref('excluded.at')), eb('attendance.event_id', '<', eb.ref('excluded.event_id'))])])
							)
					)
					.execute();
			}
			return { applied, duplicates };
		});
	}

	attendance(trainingId: string) {
		return this.db.selectFrom('attendance').select(['member_id', 'present', 'at']).where('training_id', '=', trainingId).execute();
	}

	/** Attendance states of these trainings (who is marked present where), for the program's figures. */
	attendanceOfTrainings(trainingIds: string[]) {
		if (trainingIds.length === 0) return Promise.resolve([]);
		return this.db.selectFrom('attendance').select(['training_id', 'member_id', 'present']).where('training_id', 'in', trainingIds).execute();
	}

	/** The members named on these trainings' invitation lists (only read when a training does not invite everyone). */
	inviteesOfTrainings(trainingIds: string[]) {
		if (trainingIds.length === 0) return Promise.resolve([]);
		return this.db.selectFrom('training_invitee').select(['training_id', 'member_id']).where('training_id', 'in', trainingIds).execute();
	}

	async countMembers(communityId: string): Promise<number> {
		const r = await this.db.selectFrom('member').select((eb) => eb.fn.countAll().as('n')).where('community_id', '=', communityId).executeTakeFirst();
		return Number(r?.n ?? 0);
	}

	/** When members sent their answers from the phone: pre-tests, and post-tests with reactions (typed scores excluded). */
	async answerTimes(trainingId: string): Promise<{ pre: string[]; after: string[] }> {
		const [tests, reactions] = await Promise.all([
			this.db.selectFrom('test_result').select(['kind', 'updated_at']).where('training_id', '=', trainingId).where('source', '=', 'answers').execute(),
			this.db.selectFrom('training_reaction').select('created_at').where('training_id', '=', trainingId).execute()
		]);
		return { pre: tests.filter((r) => r.kind === 'pre').map((r) => r.updated_at), after: [...tests.filter((r) => r.kind === 'post').map((r) => r.updated_at), ...reactions.map((r) => r.created_at)] };
	}

	results(trainingIds: string[]) {
		if (trainingIds.length === 0) return Promise.resolve([]);
		return this.db.selectFrom('test_result').select(['training_id', 'member_id', 'kind', 'score', 'source']).where('training_id', 'in', trainingIds).execute();
	}

	async setScores(trainingId: string, kind: TestKind, scores: { memberId: string; score: number | null }[], now: string): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			for (const s of scores) {
				const score = s.score;
				if (score === null) {
					await trx.deleteFrom('test_result').where('training_id', '=', trainingId).where('member_id', '=', s.memberId).where('kind', '=', kind).execute();
					await trx.deleteFrom('test_answer').where('training_id', '=', trainingId).where('member_id', '=', s.memberId).where('kind', '=', kind).execute();
					continue;
				}
				await trx
					.insertInto('test_result')
					.values({ training_id: trainingId, member_id: s.memberId, kind, score, source: 'manual', updated_at: now })
					.onConflict((oc) => oc.columns(['training_id', 'member_id', 'kind']).doUpdateSet({ score, source: 'manual', updated_at: now }))
					.execute();
			}
		});
	}
}

function later(a: NewAttendanceEvent, b: NewAttendanceEvent): boolean {
	return a.at > b.at || (a.at === b.at && a.id > b.id);
}

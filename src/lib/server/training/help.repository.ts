import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface OpenHelp {
	member_id: string;
	raised_at: string;
}

/** Kysely I/O for "minta bantuan" flags; decides nothing about who may raise or clear them. */
export class HelpRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/** The open flags of a training (at most one per member). */
	open(trainingId: string): Promise<OpenHelp[]> {
		return this.db.selectFrom('training_help').select(['member_id', 'raised_at']).where('training_id', '=', trainingId).where('ended_at', 'is', null).orderBy('raised_at').execute();
	}

	/**
	 * Raises a flag unless one is already open (the partial unique index keeps it to one even when two taps race):
	 * true when this call raised it.
	 */
	async raise(row: { id: string; training_id: string; member_id: string; raised_at: string; raised_by: string | null }): Promise<boolean> {
		const inserted = await this.db
			.insertInto('training_help')
			.values({ ...row, ended_at: null, ended_by: null, outcome: null })
			.onConflict((oc) => oc.columns(['training_id', 'member_id']).where('ended_at', 'is', null).doNothing())
			.returning('id')
			.executeTakeFirst();
		return !!inserted;
	}

	/** Closes the member's open flag as helped or cancelled: true when there was one. */
	async end(trainingId: string, memberId: string, outcome: 'helped' | 'cancelled', at: string, by: string | null): Promise<boolean> {
		const r = await this.db
			.updateTable('training_help')
			.set({ ended_at: at, ended_by: by, outcome })
			.where('training_id', '=', trainingId)
			.where('member_id', '=', memberId)
			.where('ended_at', 'is', null)
			.executeTakeFirst();
		return Number(r.numUpdatedRows) > 0;
	}

	/** Trainings of these communities that start in [from, to) (ISO), earliest first: "a training of theirs today". */
	trainingsBetween(communityIds: string[], from: string, to: string) {
		if (communityIds.length === 0) return Promise.resolve([]);
		return this.db
			.selectFrom('training')
			.select(['id', 'community_id', 'title', 'starts_at', 'attendance_closed_at'])
			.where('community_id', 'in', communityIds)
			.where('starts_at', '>=', from)
			.where('starts_at', '<', to)
			.orderBy('starts_at')
			.orderBy('id')
			.execute();
	}
}

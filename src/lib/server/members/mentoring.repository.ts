import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { MentoringEntryTable } from '../db/schema-members';

export type MentoringEntry = Selectable<MentoringEntryTable>;
export type NewMentoringEntry = Insertable<MentoringEntryTable>;

export interface DueFollowUp extends MentoringEntry {
	person_name: string;
	shop_name: string;
}

export class MentoringRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async insert(values: NewMentoringEntry): Promise<MentoringEntry> {
		return this.db.insertInto('mentoring_entry').values(values).returningAll().executeTakeFirstOrThrow();
	}

	listForMember(communityId: string, memberId: string): Promise<MentoringEntry[]> {
		return this.db
			.selectFrom('mentoring_entry')
			.selectAll()
			.where('community_id', '=', communityId)
			.where('member_id', '=', memberId)
			.orderBy('held_on', 'desc')
			.orderBy('created_at', 'desc')
			.execute();
	}

	/** Open follow-ups due on or before `until` (so overdue ones stay on the list until done). */
	listDue(communityId: string, until: string): Promise<DueFollowUp[]> {
		return this.db
			.selectFrom('mentoring_entry as e')
			.innerJoin('member as m', 'm.id', 'e.member_id')
			.innerJoin('shop as s', 's.id', 'm.shop_id')
			.selectAll('e')
			.select(['m.person_name', 's.name as shop_name'])
			.where('e.community_id', '=', communityId)
			.where('e.follow_up_on', 'is not', null)
			.where('e.follow_up_on', '<=', until)
			.where('e.follow_up_done_at', 'is', null)
			.orderBy('e.follow_up_on')
			.orderBy('m.person_name')
			.execute();
	}

	async markDone(communityId: string, id: string, at: string): Promise<boolean> {
		const r = await this.db.updateTable('mentoring_entry').set({ follow_up_done_at: at }).where('id', '=', id).where('community_id', '=', communityId).executeTakeFirst();
		return Number(r.numUpdatedRows) > 0;
	}
}

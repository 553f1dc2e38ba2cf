import type { ColumnType } from 'kysely';

/**
 * Tables the members' area adds (migration 0008-member-profile): the mentoring log. The roster itself is
 * `member` in schema-program.ts (shared base table).
 */
export interface MembersTables {
	mentoring_entry: MentoringEntryTable;
	training_plan: TrainingPlanTable;
}

export type MentoringChannel = 'kunjungan' | 'telepon' | 'chat';

export interface MentoringEntryTable {
	/** `mnt_…` */
	id: string;
	community_id: string;
	member_id: string;
	/** `YYYY-MM-DD` (WIB) the visit, call or chat took place. */
	held_on: string;
	channel: MentoringChannel;
	topic: string;
	notes: ColumnType<string, string | undefined, string>;
	next_step: ColumnType<string, string | undefined, string>;
	/** `YYYY-MM-DD` (WIB) by which the facilitator follows up; null when nothing was agreed. */
	follow_up_on: ColumnType<string | null, string | null | undefined, string | null>;
	/** Set when the follow-up is done, so it leaves the "due this week" list. */
	follow_up_done_at: ColumnType<string | null, string | null | undefined, string | null>;
	by_user_id: string | null;
	created_at: string;
}

/**
 * A training of a program copied as a template, not scheduled yet (migration 0022-training-plan): what the
 * source training said — title, venue, speakers, agenda, letter text — never its date, invitees or results.
 */
export interface TrainingPlanTable {
	/** `tpl_…` */
	id: string;
	program_id: string;
	community_id: string;
	position: number;
	title: string;
	venue: ColumnType<string, string | undefined, string>;
	/** JSON `string[]`. */
	speakers: ColumnType<string, string | undefined, string>;
	/** JSON `string[]`. */
	agenda: ColumnType<string, string | undefined, string>;
	/** JSON `LetterDetails` without the letter's number (a new letter gets its own). */
	letter: ColumnType<string, string | undefined, string>;
	created_at: string;
}

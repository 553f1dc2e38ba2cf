import type { ColumnType } from 'kysely';

/**
 * Tables of trainings (issue 9, items 5–7): the sessions of a program, who was invited and who came
 * (as idempotent events from the facilitator's phone plus the state they decide), the question bank,
 * pre/post test results and answers, and the reaction check after the last session.
 */
export interface TrainingTables {
	training: TrainingTable;
	training_invitee: TrainingInviteeTable;
	attendance_event: AttendanceEventTable;
	attendance: AttendanceTable;
	test_question: TestQuestionTable;
	test_result: TestResultTable;
	test_answer: TestAnswerTable;
	training_reaction: TrainingReactionTable;
	training_board_link: TrainingBoardLinkTable;
	training_help: TrainingHelpTable;
	training_checkin_claim: TrainingCheckinClaimTable;
	member_checkin_card: MemberCheckinCardTable;
}

export interface TrainingTable {
	/** `trn_…` */
	id: string;
	program_id: string;
	community_id: string;
	title: string;
	/** ISO-8601 UTC; shown in WIB. */
	starts_at: string;
	venue: string;
	/** JSON `string[]`. */
	speakers: ColumnType<string, string | undefined, string>;
	/** JSON `string[]`. */
	agenda: ColumnType<string, string | undefined, string>;
	/** 1 = every member of the community is invited (the default); 0 = only the rows in training_invitee. */
	invite_all: ColumnType<number, number | undefined, number>;
	/** JSON `LetterDetails` for the invitation letter (number, subject, addressee, signer, tembusan). */
	letter: ColumnType<string, string | undefined, string>;
	/** Random secret in the venue's self check-in QR code. */
	checkin_token: string;
	/** When the coordinator closed attendance (ISO); null while check-ins are open. No ticks after it. */
	attendance_closed_at: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: string;
	updated_at: string;
}

export interface TrainingInviteeTable {
	training_id: string;
	member_id: string;
}

export type AttendanceSource = 'tap' | 'form' | 'api' | 'self';

/** One tick as it arrived; the id is made on the phone, so a replay is recognised and applied once. */
export interface AttendanceEventTable {
	training_id: string;
	id: string;
	member_id: string;
	present: number;
	/** When the tick was made (the phone's clock), ISO-8601 UTC; the latest decides. */
	at: string;
	source: AttendanceSource;
	actor_user_id: string | null;
	received_at: string;
}

/** The state the events decide: per member, the event with the latest `at` (ties: the larger event id). */
export interface AttendanceTable {
	training_id: string;
	member_id: string;
	present: number;
	at: string;
	event_id: string;
}

export type QuestionTopic = 'daftar' | 'foto' | 'deskripsi' | 'harga' | 'whatsapp' | 'qris' | 'penipuan';

export interface TestQuestionTable {
	/** `tq_…` */
	id: string;
	community_id: string;
	topic: QuestionTopic;
	text: string;
	/** JSON `string[]` (2–5 choices). */
	choices: string;
	correct_index: number;
	position: number;
	active: ColumnType<number, number | undefined, number>;
	created_at: string;
}

export type TestKind = 'pre' | 'post';

export interface TestResultTable {
	training_id: string;
	member_id: string;
	kind: TestKind;
	/** 0–100 */
	score: number;
	/** 'answers' when the member answered on their phone, 'manual' when the facilitator typed the score. */
	source: 'answers' | 'manual';
	updated_at: string;
}

export interface TestAnswerTable {
	training_id: string;
	member_id: string;
	kind: TestKind;
	question_id: string;
	choice: number;
	correct: number;
}

export interface TrainingReactionTable {
	training_id: string;
	member_id: string;
	/** 1–5 each. */
	satisfaction: number;
	usefulness: number;
	confidence_before: number;
	confidence_now: number;
	created_at: string;
}

/** A no-login link to a training's board (0029): only the token's SHA-256 is kept; it opens nothing after `expires_at`. */
export interface TrainingBoardLinkTable {
	token_hash: string;
	training_id: string;
	created_by: string | null;
	created_at: string;
	/** ISO-8601 UTC: 24.00 WIB of the training's day. */
	expires_at: string;
}

/** A "minta bantuan" flag (issue 13): open while `ended_at` is null (one open flag per member and training). */
export interface TrainingHelpTable {
	/** `help_…` */
	id: string;
	training_id: string;
	member_id: string;
	raised_at: string;
	/** The member's user id. */
	raised_by: string | null;
	ended_at: string | null;
	ended_by: string | null;
	/** `helped` (the facilitator cleared it) or `cancelled` (the member took it back); null while open. */
	outcome: 'helped' | 'cancelled' | null;
}

export type CheckinClaimStatus = 'pending' | 'confirmed' | 'rejected' | 'cancelled' | 'expired';

/** A phone's "this is me" at the venue QR, waiting for a facilitator's tap (migration 0035). */
export interface TrainingCheckinClaimTable {
	/** `chk_…` */
	id: string;
	training_id: string;
	member_id: string;
	/** SHA-256 of the random token in the phone's HttpOnly cookie. */
	claim_hash: string;
	/** Three digits shown on the phone and beside the name on the facilitator's list, to match the two. */
	code: string;
	via: 'name' | 'phone';
	status: CheckinClaimStatus;
	created_at: string;
	/** A pending claim lapses then (ISO-8601 UTC). */
	expires_at: string;
	decided_at: string | null;
	decided_by: string | null;
	/** When the confirmed phone was given its one setup link. */
	handed_over_at: string | null;
}

/** A member's personal check-in QR card (migration 0035). */
export interface MemberCheckinCardTable {
	token_hash: string;
	member_id: string;
	community_id: string;
	created_by: string | null;
	created_at: string;
	expires_at: string;
	revoked_at: string | null;
	/** When a first-password setup link was handed out through this card (once). */
	password_link_at: string | null;
}

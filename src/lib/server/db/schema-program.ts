import type { ColumnType } from 'kysely';

/**
 * Tables of the program workspace (issue 9). `member` is the roster: one row per shop of the community,
 * login or not; trainings, attendance, scores, mentoring and the funnel all refer to `member.id`.
 * Add further program tables here (assessment, indicators, mentoring, …).
 */
export interface ProgramTables {
	member: MemberTable;
	program: ProgramTable;
	program_stage: ProgramStageTable;
}

export type MarketingChannel = 'offline' | 'whatsapp' | 'social_media' | 'marketplace';

export interface MemberTable {
	/** `mbr_…` */
	id: string;
	community_id: string;
	/** The member's shop; every shop of a community has exactly one member row. */
	shop_id: string;
	person_name: string;
	/** E.164 digits without plus; null when unknown. */
	whatsapp: ColumnType<string | null, string | null | undefined, string | null>;
	rw: ColumnType<string | null, string | null | undefined, string | null>;
	nib: ColumnType<string | null, string | null | undefined, string | null>;
	pirt: ColumnType<string | null, string | null | undefined, string | null>;
	halal: ColumnType<string | null, string | null | undefined, string | null>;
	/** Declared business capital (modal usaha, excluding land and buildings), integer rupiah. */
	capital: ColumnType<number | null, number | null | undefined, number | null>;
	/** Declared annual sales (omzet per tahun), integer rupiah. */
	annual_sales: ColumnType<number | null, number | null | undefined, number | null>;
	channel_before: ColumnType<MarketingChannel | null, MarketingChannel | null | undefined, MarketingChannel | null>;
	created_at: string;
	updated_at: string;
}

export type StageKey = 'persiapan_sosial' | 'dialog' | 'asesmen' | 'rencana' | 'intervensi' | 'evaluasi' | 'terminasi';
export type StageStatus = 'belum' | 'berjalan' | 'selesai';

export interface ProgramTable {
	/** `prg_…` */
	id: string;
	community_id: string;
	name: string;
	theme: ColumnType<string, string | undefined, string>;
	goals: ColumnType<string, string | undefined, string>;
	target_group: ColumnType<string, string | undefined, string>;
	/** `YYYY-MM-DD` in WIB. */
	starts_on: ColumnType<string | null, string | null | undefined, string | null>;
	ends_on: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: string;
	updated_at: string;
}

export interface ProgramStageTable {
	/** `stg_…` */
	id: string;
	program_id: string;
	key: StageKey;
	position: number;
	status: ColumnType<StageStatus, StageStatus | undefined, StageStatus>;
	starts_on: ColumnType<string | null, string | null | undefined, string | null>;
	ends_on: ColumnType<string | null, string | null | undefined, string | null>;
	notes: ColumnType<string, string | undefined, string>;
	updated_at: string;
}

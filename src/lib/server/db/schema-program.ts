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
	program_assessment_item: ProgramAssessmentItemTable;
	program_indicator: ProgramIndicatorTable;
	program_indicator_entry: ProgramIndicatorEntryTable;
	program_evidence: ProgramEvidenceTable;
	program_handover: ProgramHandoverTable;
}

export type AssessmentMethod = 'mpa' | 'sla';
/** MPA (Methodology for Participatory Assessments) lists and the five SLA livelihood capitals. */
export type MpaCategory = 'problem' | 'need' | 'potential' | 'resource';
export type SlaCapital = 'human' | 'social' | 'natural' | 'physical' | 'financial';
export type AssessmentCategory = MpaCategory | SlaCapital;

export interface ProgramAssessmentItemTable {
	/** `asi_…` */
	id: string;
	program_id: string;
	method: AssessmentMethod;
	category: AssessmentCategory;
	/** MPA sector ("Ekonomi", "Sosial", …); empty for SLA items. */
	sector: ColumnType<string, string | undefined, string>;
	text: string;
	position: number;
	created_at: string;
}

export type IndicatorSource = 'auto' | 'manual';

export interface ProgramIndicatorTable {
	/** `ind_…` */
	id: string;
	program_id: string;
	/** Stable per program: the metric's own key for the standard ones (`orders_30d`), a slug otherwise. */
	key: string;
	label: string;
	unit: ColumnType<string, string | undefined, string>;
	source: IndicatorSource;
	/** For `auto`: which E-Crav figure is computed (see program/metrics.ts); null for `manual`. */
	metric: ColumnType<string | null, string | null | undefined, string | null>;
	baseline: ColumnType<number | null, number | null | undefined, number | null>;
	target: ColumnType<number | null, number | null | undefined, number | null>;
	position: number;
	created_at: string;
	updated_at: string;
}

export interface ProgramIndicatorEntryTable {
	/** `ine_…` */
	id: string;
	indicator_id: string;
	/** `YYYY-MM-DD` (WIB) the value was measured. */
	on_date: string;
	value: number;
	note: ColumnType<string, string | undefined, string>;
	created_at: string;
}

export interface ProgramEvidenceTable {
	/** `evd_…` */
	id: string;
	program_id: string;
	stage_key: StageKey;
	kind: 'photo' | 'document';
	title: string;
	/** Storage key of the file (a large WebP for photos, the PDF itself for documents). */
	file_key: string;
	thumb_key: ColumnType<string | null, string | null | undefined, string | null>;
	bytes: number;
	created_by: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: string;
}

/** Terminasi: to whom the program was handed over and what follow-up was agreed. One per program. */
export interface ProgramHandoverTable {
	program_id: string;
	recipient: string;
	follow_up: ColumnType<string, string | undefined, string>;
	handed_over_on: ColumnType<string | null, string | null | undefined, string | null>;
	updated_at: string;
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
	/** The name the group's coordinator signs the evaluation report with; null until typed (a dotted line then). */
	report_signer_name: ColumnType<string | null, string | null | undefined, string | null>;
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

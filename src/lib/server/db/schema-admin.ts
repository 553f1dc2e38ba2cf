/**
 * Platform administration (issue 12): official regions and the audit log. Each part of the issue adds its tables here.
 */
export interface AdminTables {
	region: RegionTable;
	audit_log: AuditLogTable;
	community_order_figures: CommunityOrderFiguresTable;
	order_figure_delta: OrderFigureDeltaTable;
}

/**
 * All-time order figures of a community for the admin's comparison (migration 0037): orders placed and not cancelled,
 * completed orders' totals. Current once the pending `order_figure_delta` rows are folded in (AdminRepository).
 */
export interface CommunityOrderFiguresTable {
	community_id: string;
	placed: number;
	turnover: number;
}

/** What one order's insert, status/total change or delete added (or, negative, took away); written by triggers only. */
export interface OrderFigureDeltaTable {
	community_id: string;
	placed: number;
	turnover: number;
}

export type AuditRole = 'admin' | 'coordinator' | 'facilitator' | 'system';

/**
 * One staff change (migration 0034-admin-audit), written by the services through AuditLog: who (account and name as
 * it was), in which role, in which community (null for platform-wide), what (`community.create`, `shop.suspend`,
 * `roster.add`…), on what, when, and the values before and after as JSON — never a token, link or password.
 */
export interface AuditLogTable {
	/** `aud_…` */
	id: string;
	at: string;
	/** null for the system (the CLI, seeding). */
	actor_user_id: string | null;
	actor_name: string;
	actor_role: AuditRole;
	community_id: string | null;
	action: string;
	target_type: string;
	target_id: string;
	target_label: string;
	before: string | null;
	after: string | null;
}

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

/**
 * One official region (migration 0032-regions), Kemendagri code as in `idn-area-data`: `32` province,
 * `32.08` regency/city, `32.08.18` district, `32.08.18.1002` kelurahan (4th part starts with 1) or desa (2).
 */
export interface RegionTable {
	code: string;
	/** The code one level up; null for a province. */
	parent_code: string | null;
	name: string;
	level: RegionLevel;
}

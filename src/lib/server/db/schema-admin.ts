/**
 * Platform administration (issue 12): official regions. Each part of the issue adds its tables here.
 */
export interface AdminTables {
	region: RegionTable;
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

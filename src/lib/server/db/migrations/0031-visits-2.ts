import type { Kysely, Migration } from 'kysely';
import { addIndicatorRows } from './indicator-rows';

/**
 * The program's "more visitors to the stores" indicator (issue 10 item 6, the field report's second success
 * indicator): visitors_30d, the community's daily visitors summed over the last 30 days of the program period, from
 * visit_daily. New programs get every built-in indicator when created; the programs that exist get this row here.
 */
const ADDED = { key: 'visitors_30d', label: 'Pengunjung toko 30 hari terakhir masa program', unit: 'pengunjung' };

export function visits2Migration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await addIndicatorRows(db, [ADDED]);
		}
	};
}

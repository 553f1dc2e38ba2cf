import type { Kysely, Migration } from 'kysely';
import { addIndicatorRows } from './indicator-rows';

/**
 * The program's two cash-book indicators (issue 11): income_monthly and profit_monthly, from the monthly totals of the
 * shops that agreed to share them. New programs get every built-in indicator when created; the programs that exist get
 * these two rows here (after their other indicators), so the dashboard and the API answer both keys everywhere.
 */
const ADDED = [
	{ key: 'income_monthly', label: 'Pemasukan sebulan toko yang berbagi buku kas', unit: 'rupiah' },
	{ key: 'profit_monthly', label: 'Untung sebulan toko yang berbagi buku kas', unit: 'rupiah' }
];

export function cashbook3Migration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await addIndicatorRows(db, ADDED);
		}
	};
}

import type { Kysely, Migration } from 'kysely';
import { addIndicatorRows } from './indicator-rows';

/**
 * The program's "marketed on Shopee" indicator (issue 10 item 1, the field report's first success indicator):
 * shops_on_shopee, counted from the Shopee bulk-upload files recorded in shopee_export. New programs get every
 * built-in indicator when created; the programs that exist get this row here (after their other indicators).
 */
const ADDED = { key: 'shops_on_shopee', label: 'Toko yang produknya masuk Shopee (file Upload Massal dari E-Crav)', unit: 'toko' };

export function shopeeExport2Migration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await addIndicatorRows(db, [ADDED]);
		}
	};
}

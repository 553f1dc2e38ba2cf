import type { Kysely, Migration } from 'kysely';
import { newId } from '../../../utils/ids';

/**
 * The program's "marketed on Shopee" indicator (issue 10 item 1, the field report's first success indicator):
 * shops_on_shopee, counted from the Shopee bulk-upload files recorded in shopee_export. New programs get every
 * built-in indicator when created; the programs that exist get this row here (after their other indicators).
 */
const ADDED = { key: 'shops_on_shopee', label: 'Toko yang produknya masuk Shopee (file Upload Massal dari E-Crav)', unit: 'toko' };

interface IndicatorRow {
	id: string;
	program_id: string;
	key: string;
	label: string;
	unit: string;
	source: string;
	metric: string | null;
	position: number;
	created_at: string;
	updated_at: string;
}

export function shopeeExport2Migration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			const k = db as Kysely<{ program: { id: string }; program_indicator: IndicatorRow }>;
			const now = new Date().toISOString();
			const programs = await k.selectFrom('program').select('id').execute();
			for (const { id } of programs) {
				const existing = await k.selectFrom('program_indicator').select(['key', 'position']).where('program_id', '=', id).execute();
				if (existing.some((e) => e.key === ADDED.key)) continue;
				const position = Math.max(0, ...existing.map((e) => Number(e.position))) + 1;
				await k
					.insertInto('program_indicator')
					.values({ id: newId('ind'), program_id: id, key: ADDED.key, label: ADDED.label, unit: ADDED.unit, source: 'auto', metric: ADDED.key, position, created_at: now, updated_at: now })
					.execute();
			}
		}
	};
}

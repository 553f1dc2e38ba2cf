import type { Kysely, Migration } from 'kysely';
import { newId } from '../../../utils/ids';

/**
 * The program's two cash-book indicators (issue 11): income_monthly and profit_monthly, from the monthly totals of the
 * shops that agreed to share them. New programs get every built-in indicator when created; the programs that exist get
 * these two rows here (after their other indicators), so the dashboard and the API answer both keys everywhere.
 */
const ADDED = [
	{ key: 'income_monthly', label: 'Pemasukan sebulan toko yang berbagi buku kas', unit: 'rupiah' },
	{ key: 'profit_monthly', label: 'Untung sebulan toko yang berbagi buku kas', unit: 'rupiah' }
];

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

export function cashbook3Migration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			const k = db as Kysely<{ program: { id: string }; program_indicator: IndicatorRow }>;
			const now = new Date().toISOString();
			const programs = await k.selectFrom('program').select('id').execute();
			for (const { id } of programs) {
				const existing = await k.selectFrom('program_indicator').select(['key', 'position']).where('program_id', '=', id).execute();
				let position = Math.max(0, ...existing.map((e) => Number(e.position)));
				for (const a of ADDED) {
					if (existing.some((e) => e.key === a.key)) continue;
					position += 1;
					await k
						.insertInto('program_indicator')
						.values({ id: newId('ind'), program_id: id, key: a.key, label: a.label, unit: a.unit, source: 'auto', metric: a.key, position, created_at: now, updated_at: now })
						.execute();
				}
			}
		}
	};
}

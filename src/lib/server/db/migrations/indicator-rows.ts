import type { Kysely } from 'kysely';
import { newId } from '../../../utils/ids';

/** A built-in automatic indicator a migration gives the programs that already exist. */
export interface AddedIndicator {
	key: string;
	label: string;
	unit: string;
}

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

/**
 * Gives every existing program the automatic indicators it lacks (`metric` = `key`), after its other indicators and in
 * the order given; a program that has one already keeps its row. New programs get every built-in indicator when
 * created, so these migrations only catch up the programs made before (0020-cashbook-3, 0023-shopee-export-2,
 * 0031-visits-2).
 */
export async function addIndicatorRows(db: Kysely<unknown>, added: readonly AddedIndicator[]): Promise<void> {
	const k = db as Kysely<{ program: { id: string }; program_indicator: IndicatorRow }>;
	const now = new Date().toISOString();
	const programs = await k.selectFrom('program').select('id').execute();
	for (const { id } of programs) {
		const existing = await k.selectFrom('program_indicator').select(['key', 'position']).where('program_id', '=', id).execute();
		let position = Math.max(0, ...existing.map((e) => Number(e.position)));
		for (const a of added) {
			if (existing.some((e) => e.key === a.key)) continue;
			position += 1;
			await k
				.insertInto('program_indicator')
				.values({ id: newId('ind'), program_id: id, key: a.key, label: a.label, unit: a.unit, source: 'auto', metric: a.key, position, created_at: now, updated_at: now })
				.execute();
		}
	}
}

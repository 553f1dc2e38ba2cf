import type { Kysely, Migration } from 'kysely';

/**
 * The report's numbers (issue 9, stop 9): three built-in indicators changed what they measure — "shops ready" is
 * the adoption funnel's "profil toko lengkap", and orders / turnover are measured within the program's period,
 * turnover from completed orders only. A program's indicator rows carry their label (editable), so rows still
 * holding the old default get the new one; a label someone wrote themselves is left alone.
 */
const RELABEL: [key: string, before: string, after: string][] = [
	['shops_ready', 'Toko siap berjualan (langkah awal selesai)', 'Toko siap berjualan (profil toko lengkap)'],
	['orders_30d', 'Pesanan 30 hari terakhir (tidak dibatalkan)', 'Pesanan masuk 30 hari terakhir masa program (tidak dibatalkan)'],
	['turnover_30d', 'Omzet 30 hari terakhir', 'Omzet 30 hari terakhir masa program (pesanan selesai)']
];

export function program2Migration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			const k = db as Kysely<{ program_indicator: { key: string; metric: string | null; label: string } }>;
			for (const [key, before, after] of RELABEL) await k.updateTable('program_indicator').set({ label: after }).where('key', '=', key).where('metric', '=', key).where('label', '=', before).execute();
		}
	};
}

import type { EvaluationReportData } from '../training/report.service';

export interface AdoptionRow {
	label: string;
	/** null: not measured. */
	value: number | null;
}

/**
 * The adoption table of the evaluation report (PDF and XLSX alike), straight from the funnel service's
 * "reached" counts — the same numbers the adoption page (/adopsi) shows.
 */
export function adoptionRows(d: Pick<EvaluationReportData, 'adoption'>): AdoptionRow[] {
	const r = d.adoption.reached;
	return [
		{ label: 'Anggota terdaftar', value: d.adoption.members },
		{ label: 'Sudah membuat akun (kata sandi)', value: r.account ?? 0 },
		{ label: 'Profil toko lengkap', value: r.profile ?? 0 },
		{ label: 'Toko dengan produk tayang', value: r.first_product ?? 0 },
		{ label: 'Toko dengan produk bernilai ≥ 80', value: r.good_listing ?? 0 },
		{ label: 'Toko yang dikunjungi pembeli', value: r.first_visitor ?? 0 },
		{ label: 'Toko yang sudah mendapat pesanan', value: r.first_order ?? 0 },
		{ label: 'Toko dengan pesanan selesai', value: r.first_completed ?? 0 },
		{ label: 'Toko rutin dapat pesanan (3 dari 4 minggu)', value: r.regular ?? 0 }
	];
}

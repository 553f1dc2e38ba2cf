import ExcelJS from 'exceljs';
import type { EvaluationReportData } from '../training/report.service';
import { formatTime, wibDay } from '../../utils/dates';
import { adoptionRows } from './adoption-rows';
import { orderPeriodSentences, orderRows } from './report-period';
import { sessionNo } from './evaluation-report';
import type { ReactionItem } from '../training/reaction-summary';

/** The reaction check's questions as the member read them (the third asked twice: before the training and now). */
const REACTION_QUESTIONS: Record<ReactionItem, string> = {
	satisfaction: 'Kepuasan terhadap pelatihan',
	usefulness: 'Kebermanfaatan untuk usaha',
	confidenceBefore: 'Keyakinan berjualan lewat internet, sebelum pelatihan',
	confidenceNow: 'Keyakinan berjualan lewat internet, sekarang'
};

/** The data behind the evaluation report, one sheet per table, for the Dinas to compare programs. */
export async function evaluationReportXlsx(d: EvaluationReportData): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'E-Crav';
	wb.created = new Date(d.generatedAt);
	const sheet = (name: string, columns: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]) => {
		const ws = wb.addWorksheet(name);
		ws.columns = columns;
		ws.getRow(1).font = { bold: true };
		ws.views = [{ state: 'frozen', ySplit: 1 }];
		for (const r of rows) ws.addRow(r);
		return ws;
	};
	const sessions = sheet(
		'Sesi',
		[
			{ header: 'No', key: 'no', width: 5 },
			{ header: 'Kegiatan', key: 'title', width: 40 },
			{ header: 'Tanggal', key: 'date', width: 28 },
			{ header: 'Waktu', key: 'time', width: 12 },
			{ header: 'Tempat', key: 'venue', width: 34 },
			{ header: 'Hadir', key: 'present', width: 8 },
			{ header: 'Diharapkan', key: 'expected', width: 11 },
			{ header: 'Kehadiran (%)', key: 'rate', width: 13 },
			{ header: 'n pre & post', key: 'n', width: 11 },
			{ header: 'Rata-rata pre', key: 'pre', width: 12 },
			{ header: 'Rata-rata post', key: 'post', width: 13 },
			{ header: 'Gain (g)', key: 'g', width: 10 }
		],
		d.trainings.map((t, i) => ({
			no: sessionNo(i),
			title: t.title,
			// a real date cell (sortable), shown the Indonesian way by its number format below
			date: new Date(`${wibDay(t.startsAt)}T00:00:00Z`),
			time: formatTime(t.startsAt),
			venue: t.venue,
			present: t.present,
			expected: t.expected,
			rate: t.rate === null ? null : Math.round(t.rate * 1000) / 10,
			n: t.results.n,
			pre: t.results.meanPre,
			post: t.results.meanPost,
			g: t.results.g === null ? null : Math.round(t.results.g * 100) / 100
		}))
	);
	sessions.getColumn('date').numFmt = '[$-421]dddd, d mmmm yyyy';
	sheet(
		'Daftar hadir',
		[
			{ header: 'Sesi', key: 'no', width: 5 },
			{ header: 'Kegiatan', key: 'title', width: 40 },
			{ header: 'Nama', key: 'name', width: 28 },
			{ header: 'Toko', key: 'shop', width: 28 },
			{ header: 'Hadir', key: 'present', width: 8 }
		],
		d.trainings.flatMap((t, i) => t.roster.map((r) => ({ no: sessionNo(i), title: t.title, name: r.name, shop: r.shopName, present: r.present ? 'ya' : 'tidak' })))
	);
	sheet(
		'Nilai',
		[
			{ header: 'Sesi', key: 'no', width: 5 },
			{ header: 'Kegiatan', key: 'title', width: 40 },
			{ header: 'Nama', key: 'name', width: 28 },
			// two members can share a name ("Ibu E" twice in Cigadung): the shop tells them apart, as in the daftar hadir
			{ header: 'Toko', key: 'shop', width: 28 },
			{ header: 'Pre-test', key: 'pre', width: 10 },
			{ header: 'Post-test', key: 'post', width: 10 },
			{ header: 'Gain', key: 'gain', width: 10 }
		],
		d.trainings.flatMap((t, i) => t.results.members.filter((m) => m.pre !== null || m.post !== null).map((m) => ({ no: sessionNo(i), title: t.title, name: m.name, shop: m.shopName, pre: m.pre, post: m.post, gain: m.gain === null ? null : Math.round(m.gain * 100) / 100 })))
	);
	// the reaction check (umpan balik), as the PDF summarises it: per session and question, the mean over the
	// members marked present and how many chose each of 1–5; then those members' own answers
	sheet(
		'Umpan balik',
		[
			{ header: 'Sesi', key: 'no', width: 5 },
			{ header: 'Kegiatan', key: 'title', width: 40 },
			{ header: 'Pertanyaan', key: 'question', width: 44 },
			{ header: 'n', key: 'n', width: 6 },
			{ header: 'Rata-rata (1–5)', key: 'mean', width: 15 },
			...[1, 2, 3, 4, 5].map((v) => ({ header: `Jawaban ${v}`, key: `c${v}`, width: 11 }))
		],
		d.trainings.flatMap((t, i) =>
			t.results.reaction.items.map((item) => ({
				no: sessionNo(i),
				title: t.title,
				question: REACTION_QUESTIONS[item.key],
				n: item.counts.reduce((a, b) => a + b, 0),
				mean: item.mean === null ? null : Math.round(item.mean * 100) / 100,
				...Object.fromEntries(item.counts.map((c, k) => [`c${k + 1}`, c]))
			}))
		)
	);
	sheet(
		'Umpan balik anggota',
		[
			{ header: 'Sesi', key: 'no', width: 5 },
			{ header: 'Kegiatan', key: 'title', width: 40 },
			{ header: 'Nama', key: 'name', width: 28 },
			{ header: 'Toko', key: 'shop', width: 28 },
			{ header: 'Kepuasan', key: 'satisfaction', width: 10 },
			{ header: 'Kebermanfaatan', key: 'usefulness', width: 15 },
			{ header: 'Yakin sebelum', key: 'confidenceBefore', width: 14 },
			{ header: 'Yakin sekarang', key: 'confidenceNow', width: 15 }
		],
		d.trainings.flatMap((t, i) => t.results.reactions.map((r) => ({ no: sessionNo(i), title: t.title, name: r.name, shop: r.shopName, satisfaction: r.satisfaction, usefulness: r.usefulness, confidenceBefore: r.confidenceBefore, confidenceNow: r.confidenceNow })))
	);
	sheet(
		'Indikator',
		[
			{ header: 'Indikator', key: 'label', width: 46 },
			{ header: 'Satuan', key: 'unit', width: 14 },
			{ header: 'Sumber', key: 'source', width: 10 },
			{ header: 'Baseline', key: 'baseline', width: 10 },
			{ header: 'Target', key: 'target', width: 10 },
			{ header: 'Capaian', key: 'value', width: 12 }
		],
		d.indicators.map((i) => ({ ...i }))
	);
	sheet(
		'Adopsi',
		[
			{ header: 'Tahap', key: 'stage', width: 44 },
			{ header: 'Jumlah', key: 'n', width: 12 }
		],
		[
			...adoptionRows(d).map((r) => ({ stage: r.label, n: r.value })),
			{ stage: 'Produk tayang di katalog', n: d.productsPublished },
			...orderRows(d.orders).map((r) => ({ stage: r.rupiah ? `${r.label}, rupiah` : r.label, n: r.value })),
			{},
			...orderPeriodSentences(d.orders).map((stage) => ({ stage }))
		]
	);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

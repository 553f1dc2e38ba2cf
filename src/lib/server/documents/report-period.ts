import type { ProgramOrderFigures } from '../program/order-figures';
import { formatDate, formatDay } from '../../utils/dates';
import { formatRupiah } from '../../utils/money';

const num = (x: number) => x.toLocaleString('id-ID');

/**
 * What the evaluation report (PDF and XLSX) says about the stretch its order figures cover: the program's
 * period up to today at the latest, that turnover counts completed orders only, what "30 hari terakhir" is, and
 * — for a finished program — the orders that came after it, which are told but not counted.
 */
export function orderPeriodSentences(o: ProgramOrderFigures): string[] {
	const p = o.period;
	if (p.empty) return [`Masa program belum dimulai (mulai ${formatDay(p.firstDay!)}), jadi belum ada pesanan yang dihitung.`];
	const span = p.firstDay ? `${formatDay(p.firstDay)} s.d. ${formatDay(p.lastDay)}` : `sampai ${formatDay(p.lastDay)} (program tanpa tanggal mulai)`;
	const out = [
		`Pesanan dan omzet dihitung dari pesanan yang dibuat dalam masa program: ${span}${p.ongoing ? ', hari laporan ini dibuat, karena program masih berjalan' : ''}. Omzet hanya menjumlahkan pesanan yang sudah selesai; pesanan yang dibatalkan tidak dihitung.`,
		`"30 hari terakhir" pada tabel indikator berarti ${o.last30.from ? formatDate(o.last30.from) : '…'} s.d. ${formatDay(p.lastDay)}.`
	];
	if (o.after && o.after.placed > 0)
		out.push(`Sesudah masa program ada ${num(o.after.placed)} pesanan lagi (${num(o.after.completed)} selesai, omzet ${formatRupiah(o.after.turnover)}); pesanan itu tidak dihitung dalam laporan ini.`);
	return out;
}

/** The report's order rows (label, value), the same in the PDF and the XLSX. */
export function orderRows(o: ProgramOrderFigures): { label: string; value: number; rupiah: boolean }[] {
	return [
		{ label: 'Pesanan masuk dalam masa program (tidak dibatalkan)', value: o.total.placed, rupiah: false },
		{ label: 'Pesanan selesai dalam masa program', value: o.total.completed, rupiah: false },
		{ label: 'Omzet dalam masa program (pesanan selesai)', value: o.total.turnover, rupiah: true }
	];
}

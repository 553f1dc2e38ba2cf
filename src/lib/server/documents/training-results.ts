import { formatDate, formatTime } from '../../utils/dates';
import { TIME_BUCKETS, type DayFigures } from '../training/day-results';
import { communityLetterhead, contentWidth, letterhead, newDocument, table } from './pdf-kit';
import { printable } from './print-helpers';

export interface TrainingResultsData {
	community: { name: string; kind: string; district: string; regency: string };
	training: { title: string; startsAt: string; venue: string; speakers: string[]; attendanceClosedAt: string | null };
	figures: DayFigures;
	generatedAt: string;
}

const pct = (n: number, of: number) => (of > 0 ? ` (${Math.round((n / of) * 100)}%)` : '');
const minutes = (m: number) => `${String(m).replace('.', ',')} menit`;

/** The figure lines of a training day, as both the one-page PDF and the evaluation report print them. */
export function dayFigureRows(f: DayFigures): string[][] {
	return [
		['Hadir', `${f.present} dari ${f.listed} yang diundang${pct(f.present, f.listed)}`],
		['Akun sudah dibuat (kata sandi diatur)', `${f.accounts} dari ${f.present} yang hadir${pct(f.accounts, f.present)}`],
		['Profil toko lengkap', `${f.profiles} dari ${f.present}${pct(f.profiles, f.present)}`],
		['Mengunggah foto produk hari itu', `${f.photosToday} dari ${f.present}${pct(f.photosToday, f.present)}`],
		['Menayangkan produk hari itu setelah absen', `${f.publishedToday} dari ${f.present}${pct(f.publishedToday, f.present)}`],
		['Sudah jualan online sebelum absen', `${f.firstProduct.before} dari ${f.present}${pct(f.firstProduct.before, f.present)}`]
	];
}

/** "Median 14 menit … (9 peserta)" and the bucket lines of the time from check-in to the day's first publication. */
export function firstProductRows(f: DayFigures): { summary: string; rows: string[][] } {
	const t = f.firstProduct;
	const summary =
		t.measured === 0
			? `Belum ada peserta yang menayangkan produk pada hari itu setelah absen.`
			: `Median ${minutes(t.medianMinutes ?? 0)} dari absen sampai produk pertama yang ditayangkan hari itu (${t.measured} peserta).`;
	const most = Math.max(1, ...t.buckets);
	// a bar per bucket, the longest 30 blocks wide: the shape of the afternoon at a glance
	const rows = TIME_BUCKETS.map((b, i) => [`${b} menit`, String(t.buckets[i]), '█'.repeat(Math.round((t.buckets[i] / most) * 30))]);
	rows.push(['Tidak menayangkan produk hari itu', String(t.notYet), '']);
	return { summary, rows };
}

/**
 * "Hasil pelatihan": one A4 page that says what the training day achieved — who came, accounts set up, photos
 * uploaded and products published that day after check-in, who was online before, and how long it took from
 * check-in to the day's first publication (buckets and median) —
 * with the date, venue and speakers. Every figure comes from `figures` (the same computation as the evaluation
 * report's process section); names the font cannot draw are printed without those characters.
 */
export async function trainingResultsPdf(d: TrainingResultsData): Promise<Buffer> {
	const { doc, done } = newDocument({ title: `Hasil pelatihan ${d.training.title}` });
	letterhead(doc, communityLetterhead(d.community), '');
	const x = doc.page.margins.left;
	const w = contentWidth(doc);
	doc.font('serif-bold').fontSize(16).text('HASIL PELATIHAN', x, undefined, { width: w, align: 'center' });
	doc.font('serif-bold').fontSize(12).text(printable(doc, d.training.title), { width: w, align: 'center' }).moveDown(0.8);
	doc.font('serif').fontSize(11);
	const info: string[][] = [
		['Hari, tanggal', formatDate(d.training.startsAt)],
		['Waktu mulai', formatTime(d.training.startsAt)],
		['Tempat', printable(doc, d.training.venue)],
		['Narasumber / pendamping', d.training.speakers.length ? printable(doc, d.training.speakers.join(', ')) : '-'],
		['Absensi', d.training.attendanceClosedAt ? `ditutup ${formatDate(d.training.attendanceClosedAt)} pukul ${formatTime(d.training.attendanceClosedAt)}` : 'belum ditutup (angka bisa masih berubah)']
	];
	table(doc, [{ header: 'Kegiatan', width: 170 }, { header: '', width: w - 170 }], info, { fontSize: 10 });
	doc.moveDown(0.8).font('serif-bold').fontSize(12).text('Capaian peserta', x, undefined, { width: w });
	doc.moveDown(0.3);
	table(doc, [{ header: 'Ukuran', width: 230 }, { header: 'Jumlah', width: w - 230 }], dayFigureRows(d.figures), { fontSize: 10 });
	const fp = firstProductRows(d.figures);
	doc.moveDown(0.8).font('serif-bold').fontSize(12).text('Lama waktu dari absen sampai produk pertama tayang hari itu', x, undefined, { width: w });
	doc.font('serif').fontSize(10).text(fp.summary, x, undefined, { width: w }).moveDown(0.3);
	table(doc, [{ header: 'Lama', width: 170 }, { header: 'Peserta', width: 60, align: 'right' }, { header: 'Sebaran', width: w - 230 }], fp.rows, { fontSize: 10 });
	doc.moveDown(0.8).font('serif').fontSize(8.5).fillColor('#444444');
	doc.text(
		`Dihitung dari data E-Crav pada ${formatDate(d.generatedAt)} pukul ${formatTime(d.generatedAt)}: hadir = dicentang hadir pada pelatihan ini; akun = sudah mengatur kata sandi; profil toko lengkap = daftar periksa toko terpenuhi; foto hari itu = foto produk yang diunggah pada hari pelatihan; menayangkan hari itu = produk berfoto yang mulai tampil untuk pembeli pada hari pelatihan setelah centang hadir (produk baru mana pun, bukan hanya produk pertama); sebelum absen = sudah ada produk berfoto yang tampil sebelum centang hadir (misalnya diisi koordinator sebelumnya). Lama waktu diukur dari centang hadir sampai produk pertama yang ditayangkan hari itu.`,
		x,
		undefined,
		{ width: w }
	);
	doc.fillColor('#000000');
	doc.end();
	return done;
}

import type { DayFigures } from '../training/day-results';
import type { EvaluationReportData } from '../training/report.service';
import { gainBand } from '../training/gain';
import { formatDate, formatTime } from '../../utils/dates';
import { formatRupiah } from '../../utils/money';
import { formatFigure } from '../../utils/figures';
import { communityLetterhead, contentWidth, letterhead, newDocument, numberPages, signatureBlock, table, tableStartHeight, type Column, type Doc } from './pdf-kit';
import { adoptionRows } from './adoption-rows';
import { orderPeriodSentences, orderRows } from './report-period';

const pct = (x: number | null) => (x === null ? '–' : `${(Math.round(x * 1000) / 10).toLocaleString('id-ID')}%`);
const dec = (x: number | null, d = 2) => (x === null ? '–' : x.toLocaleString('id-ID', { minimumFractionDigits: d, maximumFractionDigits: d }));
const num = (x: number | null) => (x === null ? '–' : x.toLocaleString('id-ID'));
/** An indicator's number in the report's table, as the dashboard writes it (`Rp 15.000`, `74,9`, `0,45`). */
export const indicatorFigure = (x: number | null, unit: string) => (x === null ? '–' : formatFigure(x, unit === 'rupiah' || unit === 'g' ? unit : ''));
const STAGE_NAMES: Record<string, string> = { persiapan_sosial: 'Persiapan sosial', dialog: 'Dialog / membangun relasi', asesmen: 'Asesmen', rencana: 'Rencana intervensi', intervensi: 'Intervensi', evaluasi: 'Evaluasi', terminasi: 'Terminasi dan rujukan' };
const BAND: Record<string, string> = { rendah: 'rendah', sedang: 'sedang', tinggi: 'tinggi' };

/** Lines of body text a heading keeps with it on its page (a heading never stands alone at a page's foot). */
const KEEP_LINES = 3;
/** The height of `n` lines of body text (11 pt, line gap 2). */
const bodyLines = (doc: Doc, n: number) => n * (doc.font('serif').fontSize(11).currentLineHeight(true) + 2);
/** Starts a new page unless `height` more points fit above the bottom margin here. */
function keepTogether(doc: Doc, height: number) {
	if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}
/** A numbered section heading, kept on one page with `follow` points of what comes under it (three lines of text by default; a table's header and first rows). */
function heading(doc: Doc, text: string, follow = bodyLines(doc, KEEP_LINES)) {
	const own = doc.font('serif-bold').fontSize(12).heightOfString(text, { width: contentWidth(doc) }) + 0.9 * doc.currentLineHeight(true);
	keepTogether(doc, own + follow);
	doc.moveDown(0.6).font('serif-bold').fontSize(12).text(text, doc.page.margins.left, undefined, { width: contentWidth(doc) }).moveDown(0.3).font('serif').fontSize(11);
}
/** A bold line under a heading ("a. Evaluasi proses", a session's title), kept with the first lines under it. */
function subheading(doc: Doc, text: string, follow = bodyLines(doc, KEEP_LINES)) {
	const own = doc.font('serif-bold').fontSize(11).heightOfString(text, { width: contentWidth(doc) });
	keepTogether(doc, own + follow);
	doc.font('serif-bold').fontSize(11).text(text, doc.page.margins.left, undefined, { width: contentWidth(doc) }).font('serif');
}
function chapter(doc: Doc, bab: string, title: string) {
	doc.addPage();
	doc.font('serif-bold').fontSize(13).text(bab, { align: 'center' }).text(title.toUpperCase(), { align: 'center' }).moveDown(1).font('serif').fontSize(11);
}
function para(doc: Doc, text: string) {
	doc.font('serif').fontSize(11).text(text, doc.page.margins.left, undefined, { width: contentWidth(doc), align: 'justify', indent: 28, lineGap: 2 }).moveDown(0.4);
}
function list(doc: Doc, items: string[]) {
	items.forEach((item, i) => doc.font('serif').fontSize(11).text(`${i + 1}. ${item}`, doc.page.margins.left + 14, undefined, { width: contentWidth(doc) - 14, lineGap: 2 }));
	doc.x = doc.page.margins.left;
	doc.moveDown(0.4);
}
/** A typed text closed with exactly one full stop (a follow-up that already ends in one would print "lokal.."). */
const sentence = (text: string) => `${text.trim().replace(/[.\s]+$/, '') || '–'}.`;
/**
 * A session's one number in every section of the report and in its XLSX: its place among the held sessions
 * (`EvaluationReportData.trainings`, chronological by start — the order of the program's training list).
 */
export const sessionNo = (index: number) => index + 1;
const lines = (text: string) => text.split(/\r?\n/).map((s) => s.replace(/^[-•\d.)\s]+/, '').trim()).filter(Boolean);

/**
 * The evaluation report as Indonesian activity reports are laid out: halaman pengesahan; I Pendahuluan;
 * II Pelaksanaan (waktu dan tempat, kegiatan, hasil — process and outcome evaluation —, kendala dan solusi);
 * III Penutup (simpulan, rekomendasi, serah terima); lampiran: daftar hadir with a signature column.
 * Every value comes from the data; what is missing is said to be missing.
 */
export async function evaluationReportPdf(d: EvaluationReportData): Promise<Buffer> {
	const { doc, done } = newDocument({ title: `Laporan Evaluasi ${d.program.name}` });
	const place = communityLetterhead(d.community)[2];
	const group = d.community.groupName ?? place;
	const first = d.trainings[0];
	const last = d.trainings[d.trainings.length - 1];
	const signer = d.letter.signer;
	const period = d.program.startsOn || d.program.endsOn ? `${d.program.startsOn ? formatDate(`${d.program.startsOn}T05:00:00Z`) : '…'} s.d. ${d.program.endsOn ? formatDate(`${d.program.endsOn}T05:00:00Z`) : '…'}` : first ? `${formatDate(first.startsAt)}${last !== first ? ` s.d. ${formatDate(last.startsAt)}` : ''}` : '–';

	// ——— halaman pengesahan, under the kop of the invitation letters (the community's own office when none is typed) ———
	letterhead(doc, d.letter.kop.length ? d.letter.kop : communityLetterhead(d.community), d.letter.address);
	doc.font('serif-bold').fontSize(14).text('LAPORAN EVALUASI KEGIATAN', { align: 'center' }).moveDown(0.4);
	doc.fontSize(13).text(d.program.name.toUpperCase(), { align: 'center' });
	doc.font('serif').fontSize(12).text(`${place}, Kecamatan ${d.community.district}, ${d.community.regency}`, { align: 'center' }).moveDown(2);
	doc.font('serif-bold').fontSize(13).text('HALAMAN PENGESAHAN', { align: 'center' }).moveDown(1).font('serif').fontSize(11);
	table(
		doc,
		[
			{ header: 'Uraian', width: 150 },
			{ header: 'Keterangan', width: contentWidth(doc) - 150 }
		],
		[
			['Nama kegiatan', d.program.name],
			['Tema', d.program.theme || '–'],
			['Pelaksana', group],
			['Lokasi', `${place}, Kecamatan ${d.community.district}, ${d.community.regency}, ${d.community.province}`],
			['Waktu pelaksanaan', period],
			['Jumlah sesi pelatihan', String(d.trainings.length)],
			['Jumlah anggota', num(d.adoption.members)]
		]
	);
	doc.moveDown(1).text(`Laporan ini disusun dari data E-Crav pada ${formatDate(d.generatedAt)} pukul ${formatTime(d.generatedAt)}.`, { align: 'center' }).moveDown(2);
	// place and date above the signatures, as on the letters: the letters' place, the handover day (else the program's end, else today)
	// ("Mengetahui," then over the Lurah's block at the left, the place and date over the coordinator's at the right)
	if (d.letter.place) {
		const day = d.handover?.handedOverOn ?? d.program.endsOn;
		const when = formatDate(day ? `${day}T05:00:00Z` : d.generatedAt).replace(/^[^,]+, /, '');
		const top = doc.y;
		doc.text('Mengetahui,', doc.page.margins.left, top, { width: 220, align: 'center' });
		doc.text(`${d.letter.place}, ${when}`, doc.page.width - doc.page.margins.right - 220, top, { width: 220, align: 'center' });
	} else doc.text('Mengetahui,', doc.page.margins.left, undefined, { width: contentWidth(doc), align: 'center' });
	const y0 = doc.y + 6;
	doc.y = y0;
	// the Lurah signs as on the invitation letters; with no signer typed yet, dotted name and NIP lines to fill in by hand
	signatureBlock(doc, { office: signer.title || `Kepala ${place}`, name: signer.name, rank: signer.rank, nip: signer.nip }, doc.page.margins.left);
	doc.y = y0;
	// the ketua kelompok signs with the name typed for this program, or by hand on a dotted line
	signatureBlock(doc, { office: `Koordinator ${group}`, name: d.coordinatorName });

	// ——— BAB I ———
	chapter(doc, 'BAB I', 'Pendahuluan');
	heading(doc, '1.1 Latar Belakang');
	para(doc, d.program.theme ? `${d.program.name} dilaksanakan di ${place} dengan tema "${d.program.theme}".` : `${d.program.name} dilaksanakan di ${place}.`);
	const asesmen = d.stages.find((s) => s.key === 'asesmen')?.notes;
	if (asesmen) para(doc, asesmen);
	heading(doc, '1.2 Tujuan');
	const goals = lines(d.program.goals);
	if (goals.length) list(doc, goals);
	else para(doc, 'Tujuan program belum diisi pada rencana program.');
	heading(doc, '1.3 Sasaran');
	para(doc, `${d.program.targetGroup || 'Pelaku UMKM anggota kelompok'}. Jumlah anggota terdaftar di E-Crav: ${num(d.adoption.members)} orang.`);

	// ——— BAB II ———
	chapter(doc, 'BAB II', 'Pelaksanaan');
	const whenWhere: [Column[], string[][]] = [
		[
			{ header: 'No', width: 28, align: 'center' },
			{ header: 'Kegiatan', width: 150 },
			{ header: 'Hari, tanggal', width: 120 },
			{ header: 'Waktu', width: 60 },
			{ header: 'Tempat', width: contentWidth(doc) - 358 }
		],
		d.trainings.map((t, i) => [String(sessionNo(i)), t.title, formatDate(t.startsAt), `${formatTime(t.startsAt)} s.d. selesai`, t.venue])
	];
	heading(doc, '2.1 Waktu dan Tempat', d.trainings.length ? tableStartHeight(doc, ...whenWhere) : undefined);
	if (d.trainings.length) table(doc, ...whenWhere);
	else para(doc, 'Belum ada sesi pelatihan yang sudah berlangsung dalam masa program.');
	if (d.notCounted.length)
		para(
			doc,
			`Tidak dihitung dalam laporan ini: ${d.notCounted.map((s) => `${s.title} (${formatDate(s.startsAt)}, ${s.state === 'upcoming' ? 'belum berlangsung' : 'di luar masa program'})`).join('; ')}.`
		);
	heading(doc, '2.2 Kegiatan');
	for (const [i, t] of d.trainings.entries()) {
		subheading(doc, `Sesi ${sessionNo(i)}: ${t.title}`);
		if (t.speakers.length) doc.text(`Narasumber: ${t.speakers.join('; ')}`);
		if (t.agenda.length) list(doc, t.agenda);
		else doc.moveDown(0.4);
	}
	const stageRows = d.stages.filter((s) => s.notes || s.status !== 'belum');
	if (stageRows.length)
		table(
			doc,
			[
				{ header: 'Tahap', width: 140 },
				{ header: 'Status', width: 70 },
				{ header: 'Catatan', width: contentWidth(doc) - 210 }
			],
			stageRows.map((s) => [STAGE_NAMES[s.key] ?? s.key, s.status, s.notes || '–'])
		);
	const perSession: [Column[], string[][]] = [
		[
			{ header: 'No', width: 28, align: 'center' },
			{ header: 'Sesi', width: 116 },
			{ header: 'Hadir', width: 56, align: 'center' },
			{ header: 'Undangan', width: 70, align: 'center' },
			{ header: 'Kehadiran', width: 70, align: 'center' },
			{ header: 'Pre / post (rata-rata)', width: contentWidth(doc) - 340, align: 'center' }
		],
		d.trainings.map((t, i) => [String(sessionNo(i)), t.title, num(t.present), num(t.expected), pct(t.rate), t.results.n ? `${dec(t.results.meanPre, 1)} / ${dec(t.results.meanPost, 1)} (n = ${t.results.n})` : '–'])
	];
	// the heading, "a. Evaluasi proses", its sentence and the table's first rows stay together
	const processStart = bodyLines(doc, 2) + (d.trainings.length ? tableStartHeight(doc, ...perSession) : 0);
	heading(doc, '2.3 Hasil', bodyLines(doc, 1) + processStart);
	subheading(doc, 'a. Evaluasi proses', processStart);
	doc.moveDown(0.2);
	para(doc, `Kehadiran seluruh sesi: ${num(d.attendance.present)} dari ${num(d.attendance.expected)} peserta yang diharapkan hadir (${pct(d.attendance.rate)}).`);
	if (d.trainings.length) table(doc, ...perSession);
	const band = gainBand(d.gain.g);
	para(
		doc,
		d.gain.g === null
			? 'Peningkatan pengetahuan belum dapat dihitung karena belum ada peserta yang mengikuti pre-test dan post-test.'
			: `Pemahaman materi diukur dengan pre-test dan post-test (skala 0–100) pada ${d.gain.n} peserta yang mengikuti keduanya: rata-rata pre-test ${dec(d.gain.meanPre, 1)}, rata-rata post-test ${dec(d.gain.meanPost, 1)}. Gain ternormalisasi (Hake) g = ${dec(d.gain.g)}, kategori ${BAND[band ?? 'rendah']}.`
	);
	// each session's feedback under that session's own number (not its place among the sessions that have feedback)
	for (const [i, { results: { reaction: r } }] of d.trainings.entries())
		if (r.n > 0) para(doc, `Umpan balik peserta${d.trainings.length > 1 ? ` sesi ${sessionNo(i)}` : ''}, skala 1–5, n = ${r.n}: kepuasan ${dec(r.satisfaction, 1)}, kebermanfaatan ${dec(r.usefulness, 1)}, kepercayaan diri sebelum ${dec(r.confidenceBefore, 1)} dan sesudah ${dec(r.confidenceNow, 1)}.`);
	// each session's "Hasil pelatihan" (the one-page PDF's figures): what the day produced, not only who came
	for (const [i, t] of d.trainings.entries()) if (t.day && t.day.present > 0) para(doc, dayResultSentence(t.day, d.trainings.length > 1 ? sessionNo(i) : null));
	subheading(doc, 'b. Evaluasi hasil');
	doc.moveDown(0.2);
	for (const sentence of orderPeriodSentences(d.orders)) para(doc, sentence);
	if (d.indicators.length)
		table(
			doc,
			[
				{ header: 'Indikator', width: 190 },
				{ header: 'Baseline', width: 65, align: 'right' },
				{ header: 'Target', width: 65, align: 'right' },
				{ header: 'Capaian', width: 75, align: 'right' },
				{ header: 'Satuan', width: contentWidth(doc) - 395 }
			],
			d.indicators.map((i) => [i.label, indicatorFigure(i.baseline, i.unit), indicatorFigure(i.target, i.unit), indicatorFigure(i.value, i.unit), `${i.unit} (${i.source})`])
		);
	table(
		doc,
		[
			{ header: 'Tahap adopsi anggota', width: contentWidth(doc) - 110 },
			{ header: 'Jumlah', width: 110, align: 'right' }
		],
		[
			...adoptionRows(d).map((r) => [r.label, r.value === null ? '–' : num(r.value)]),
			['Produk tayang di katalog', num(d.productsPublished)],
			...orderRows(d.orders).map((r) => [r.label, r.rupiah ? formatRupiah(r.value) : num(r.value)])
		]
	);
	heading(doc, '2.4 Kendala dan Solusi');
	const evaluasi = d.stages.find((s) => s.key === 'evaluasi')?.notes;
	const notYet = d.adoption.members - (d.adoption.reached.account ?? 0);
	const selling = d.adoption.reached.first_product ?? 0;
	if (evaluasi) para(doc, evaluasi);
	para(doc, notYet > 0 ? `${num(notYet)} anggota belum membuat akun; solusinya pendampingan lanjutan satu per satu dengan kartu QR tautan atur sandi.` : 'Semua anggota sudah membuat akun.');

	// ——— BAB III ———
	chapter(doc, 'BAB III', 'Penutup');
	heading(doc, '3.1 Simpulan');
	para(
		doc,
		`${d.program.name} telah melaksanakan ${d.trainings.length} sesi pelatihan dengan tingkat kehadiran ${pct(d.attendance.rate)}. ` +
			(d.gain.g === null ? 'Peningkatan pengetahuan belum terukur. ' : `Pengetahuan peserta meningkat dengan gain ternormalisasi g = ${dec(d.gain.g)} (${BAND[band ?? 'rendah']}). `) +
			`${d.orders.period.ongoing ? 'Saat ini' : `Pada akhir program (${formatDate(`${d.orders.period.lastDay}T05:00:00Z`)})`} ${num(selling)} toko menayangkan ${num(d.productsPublished)} produk. Dalam masa program ada ${num(d.orders.total.completed)} pesanan selesai dengan omzet ${formatRupiah(d.orders.total.turnover)}.`
	);
	heading(doc, '3.2 Rekomendasi');
	const recs = [
		...(d.handover?.followUp ? lines(d.handover.followUp) : []),
		...(notYet > 0 ? [`Pendampingan bagi ${num(notYet)} anggota yang belum membuat akun.`] : []),
		...(d.adoption.members - selling > 0 ? [`Bantu ${num(d.adoption.members - selling)} toko yang belum menayangkan produk: foto dan deskripsi produk.`] : [])
	];
	if (recs.length) list(doc, recs);
	heading(doc, '3.3 Serah Terima (Terminasi)');
	para(doc, d.handover ? `Program diserahkan kepada ${d.handover.recipient}${d.handover.handedOverOn ? ` pada ${formatDate(`${d.handover.handedOverOn}T05:00:00Z`)}` : ''}. Tindak lanjut yang disepakati: ${sentence(d.handover.followUp)}` : 'Serah terima program belum dicatat.');

	// ——— Lampiran: daftar hadir ———
	for (const [i, t] of d.trainings.entries()) {
		doc.addPage();
		doc.font('serif-bold').fontSize(12).text(`LAMPIRAN ${sessionNo(i)} — DAFTAR HADIR SESI ${sessionNo(i)}`, { align: 'center' }).moveDown(0.3);
		doc.font('serif').fontSize(11).text(`Kegiatan: ${t.title}`).text(`Hari, tanggal: ${formatDate(t.startsAt)}, pukul ${formatTime(t.startsAt)}`).text(`Tempat: ${t.venue}`).moveDown(0.5);
		const w = contentWidth(doc);
		table(
			doc,
			[
				{ header: 'No', width: 28, align: 'center' },
				{ header: 'Nama', width: 150 },
				{ header: 'Usaha / toko', width: w - 28 - 150 - 50 - 120 },
				{ header: 'Hadir', width: 50, align: 'center' },
				{ header: 'Tanda tangan', width: 120 }
			],
			t.roster.map((r, i) => [String(i + 1), r.name, r.shopName, r.present ? 'Hadir' : '–', i % 2 === 0 ? `${i + 1}.` : `          ${i + 1}.`]),
			{ minRowHeight: 26 }
		);
		doc.text(`Jumlah hadir: ${num(t.present)} dari ${num(t.expected)} (${pct(t.rate)})`);
	}
	numberPages(doc, 1);
	doc.end();
	return done;
}

/** One training day's results in a sentence (the figures of its "Hasil pelatihan" page). */
export function dayResultSentence(f: DayFigures, session: number | null): string {
	const t = f.firstProduct;
	const times =
		t.measured === 0
			? 'belum ada yang menayangkan produk pada hari itu setelah absen'
			: `waktu dari absen sampai produk pertama yang ditayangkan hari itu: median ${String(t.medianMinutes ?? 0).replace('.', ',')} menit (${t.measured} peserta; ≤ 10 menit ${t.buckets[0]}, 10–20 menit ${t.buckets[1]}, 20–30 menit ${t.buckets[2]}, > 30 menit ${t.buckets[3]})`;
	return `Hasil hari pelatihan${session !== null ? ` sesi ${session}` : ''}: dari ${f.present} peserta yang hadir, ${f.accounts} sudah membuat akun, ${f.profiles} melengkapi profil toko, ${f.photosToday} mengunggah foto produk hari itu, dan ${f.publishedToday} menayangkan produk hari itu setelah absen (${t.before} sudah jualan online sebelum absen); ${times}.`;
}

import type { LetterDetails } from '../../validation/training';
import { formatDate, formatTime } from '../../utils/dates';
import { kopLines } from '../training/letter-settings';
import { communityLetterhead, contentWidth, letterhead, newDocument, signatureBlock } from './pdf-kit';

export interface InvitationData {
	community: { name: string; kind: string; district: string; regency: string };
	training: { title: string; startsAt: string; venue: string; speakers: string[]; agenda: string[]; letter: LetterDetails };
	/** When the letter is printed (its date unless the letter says otherwise). */
	today: string;
}

/**
 * The invitation letter in the kelurahan layout: kop, place and date, Nomor/Lampiran/Hal, Yth., body with
 * the day, time, venue and agenda, signature block and tembusan. Everything printed comes from the data;
 * a field left empty prints a dotted line to fill in by hand, never an invented value.
 */
export async function invitationLetterPdf(d: InvitationData): Promise<Buffer> {
	const l = d.training.letter;
	const { doc, done } = newDocument({ title: `Undangan ${d.training.title}` });
	const office = communityLetterhead(d.community);
	const kop = kopLines(l.issuer);
	letterhead(doc, kop.length ? kop : office, l.issuerAddress);
	const x = doc.page.margins.left;
	const w = contentWidth(doc);
	const dots = '....................';
	const placeDate = `${l.place || d.community.district}, ${formatDate(d.today).replace(/^[^,]+, /, '')}`;
	doc.text(placeDate, x, undefined, { width: w, align: 'right' }).moveDown(0.6);
	const top = doc.y;
	// label, colon and value in three columns: a long Nomor or Hal wraps under its own first word, not under the colon
	const label = (k: string, v: string, y?: number) => {
		const top = y ?? doc.y;
		doc.text(k, x, top, { width: 60 });
		doc.text(':', x + 60, top, { width: 8 });
		doc.text(v, x + 68, top, { width: w / 2 - 68 });
	};
	label('Nomor', l.number || dots, top);
	label('Lampiran', l.attachment || '-');
	label('Hal', l.subject || `Undangan ${d.training.title}`);
	const leftEnd = doc.y;
	doc.text('Kepada Yth.', x + w / 2 + 10, top, { width: w / 2 - 10 });
	// "di Tempat" is printed once, after the addressees, even when it was typed as one of them
	const to = l.addressees.filter((a) => !/^di\s*tempat\.?$/i.test(a.trim()));
	const names = to.length ? to : ['Para Pelaku UMKM'];
	for (const [i, a] of names.entries()) {
		if (names.length === 1) {
			doc.text(a, x + w / 2 + 10, undefined, { width: w / 2 - 10 });
			continue;
		}
		// a numbered addressee that wraps continues under its own text, not under the number
		const y = doc.y;
		doc.text(`${i + 1}.`, x + w / 2 + 10, y, { width: 16 });
		doc.text(a, x + w / 2 + 26, y, { width: w / 2 - 26 });
	}
	doc.text('di Tempat', x + w / 2 + 10, undefined, { width: w / 2 - 10 });
	doc.y = Math.max(doc.y, leftEnd) + 14;
	doc.x = x;
	doc.text('Dengan hormat,', x).moveDown(0.5);
	// "Dengan hormat," is printed above; a body that starts with it does not print it twice
	const rest = l.body.replace(/^dengan\s+hormat\s*[,.]?\s*/i, '');
	const body = rest.charAt(0).toUpperCase() + rest.slice(1) || `Dengan ini kami mengundang Bapak/Ibu untuk menghadiri kegiatan "${d.training.title}" yang akan dilaksanakan pada:`;
	doc.text(body, x, undefined, { width: w, align: 'justify', lineGap: 2 }).moveDown(0.5);
	const rows: [string, string][] = [
		['Hari, tanggal', formatDate(d.training.startsAt)],
		['Waktu', `${formatTime(d.training.startsAt)} s.d. selesai`],
		['Tempat', d.training.venue],
		...(d.training.speakers.length ? [['Narasumber', d.training.speakers.join('; ')] as [string, string]] : []),
		...(d.training.agenda.length ? [['Acara', d.training.agenda.map((a, i) => `${i + 1}. ${a}`).join('\n')] as [string, string]] : [])
	];
	for (const [k, v] of rows) {
		const y = doc.y;
		doc.text(k, x + 28, y, { width: 100 });
		doc.text(':', x + 128, y, { width: 8 });
		doc.text(v, x + 136, y, { width: w - 136 });
		doc.moveDown(0.15);
	}
	doc.moveDown(0.5).text('Mengingat pentingnya acara tersebut, kami mohon kehadiran Bapak/Ibu tepat pada waktunya. Atas perhatian dan kehadirannya kami ucapkan terima kasih.', x, undefined, { width: w, align: 'justify', lineGap: 2 }).moveDown(1.2);
	signatureBlock(doc, { office: l.signerTitle || `Kepala ${office[2]}`, name: l.signerName, rank: l.signerRank, nip: l.signerNip });
	if (l.copies.length) {
		doc.moveDown(1).font('serif').fontSize(10).text('Tembusan:', x, undefined, { underline: true });
		l.copies.forEach((c, i) => doc.text(`${i + 1}. ${c}`, x, undefined, { width: w }));
	}
	doc.end();
	return done;
}

export interface CertificateData {
	community: { name: string; kind: string; district: string; regency: string };
	training: { title: string; startsAt: string; venue: string; speakers: string[]; letter: LetterDetails };
	participants: { name: string; shopName: string }[];
	number: (i: number) => string;
}

/** One landscape certificate per participant present, signed like the invitation letter. */
export async function certificatesPdf(d: CertificateData): Promise<Buffer> {
	const { doc, done } = newDocument({ title: `Sertifikat ${d.training.title}`, layout: 'landscape', margins: { top: 48, bottom: 40, left: 60, right: 60 } });
	const office = communityLetterhead(d.community);
	const l = d.training.letter;
	d.participants.forEach((p, i) => {
		if (i > 0) doc.addPage();
		const w = contentWidth(doc);
		const x = doc.page.margins.left;
		doc.rect(24, 24, doc.page.width - 48, doc.page.height - 48).lineWidth(3).strokeColor('#7c2d12').stroke();
		doc.rect(32, 32, doc.page.width - 64, doc.page.height - 64).lineWidth(0.8).stroke();
		doc.fillColor('#000000').font('serif-bold').fontSize(12).text(office.join(' · ').toUpperCase(), x, 52, { width: w, align: 'center' });
		doc.moveDown(1.2).fontSize(34).fillColor('#7c2d12').text('SERTIFIKAT', { width: w, align: 'center' });
		doc.font('serif').fontSize(11).fillColor('#000000').text(`Nomor: ${d.number(i)}`, { width: w, align: 'center' }).moveDown(1.2);
		doc.fontSize(13).text('diberikan kepada', { width: w, align: 'center' }).moveDown(0.5);
		doc.font('serif-bold').fontSize(26).text(p.name, { width: w, align: 'center' });
		if (p.shopName) doc.font('serif').fontSize(12).text(p.shopName, { width: w, align: 'center' });
		doc.moveDown(0.8).font('serif').fontSize(13).text('sebagai', { width: w, align: 'center' });
		doc.font('serif-bold').fontSize(16).text('PESERTA', { width: w, align: 'center' }).moveDown(0.5);
		doc.font('serif').fontSize(13).text(`pada kegiatan "${d.training.title}" yang diselenggarakan pada ${formatDate(d.training.startsAt)} di ${d.training.venue}${d.training.speakers.length ? `, bersama ${d.training.speakers.join(', ')}` : ''}.`, x + 60, undefined, { width: w - 120, align: 'center' });
		doc.y = doc.page.height - 200;
		signatureBlock(doc, { placeDate: `${l.place || d.community.district}, ${formatDate(d.training.startsAt).replace(/^[^,]+, /, '')}`, office: l.signerTitle || `Kepala ${office[2]}`, name: l.signerName, rank: l.signerRank, nip: l.signerNip }, doc.page.width - 60 - 260);
	});
	if (d.participants.length === 0) doc.font('serif').fontSize(14).text('Belum ada peserta yang tercatat hadir.', { align: 'center' });
	doc.end();
	return done;
}

import type { Translate } from '../../i18n';
import { newDocument } from './pdf-kit';
import { drawQr, fitFontSize, printable } from './print-helpers';

/**
 * The venue's check-in poster (issue 13 item 2): one A4 page with the training's check-in QR code (13 cm, readable
 * by a phone camera from two metres), the training's title, time and place, and the three steps. The QR opens the
 * public check-in page; nothing on the poster names a member.
 */
export async function checkinPosterPdf(data: { title: string; when: string; venue: string; url: string }, t: Translate): Promise<Buffer> {
	const { doc, done } = newDocument({ title: t('checkin.posterHeading'), size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
	const W = doc.page.width;
	const M = 48;
	const inner = W - 2 * M;
	doc.font('sans-bold').fontSize(48).fillColor('#7c2d12').text(t('checkin.posterHeading'), M, 48, { width: inner, align: 'center' });
	const title = printable(doc, data.title) || '…';
	doc.font('sans-bold');
	const size = fitFontSize(doc, title, inner, 60, [24, 20, 18, 16, 14]);
	doc.fontSize(size).fillColor('#1f1a17').text(title, M, 118, { width: inner, height: 60, align: 'center', ellipsis: true });
	doc.font('sans').fontSize(15).fillColor('#5b524c').text(printable(doc, `${data.when} · ${data.venue}`), M, 184, { width: inner, height: 40, align: 'center', ellipsis: true });
	const qr = 370;
	drawQr(doc, data.url, (W - qr) / 2, 232, qr);
	let y = 232 + qr + 20;
	doc.font('sans').fontSize(17).fillColor('#1f1a17');
	for (const [i, key] of (['checkin.posterStep1', 'checkin.posterStep2', 'checkin.posterStep3'] as const).entries()) {
		doc.font('sans-bold').text(`${i + 1}.`, M + 20, y, { width: 30, continued: false });
		doc.font('sans').text(t(key), M + 50, y, { width: inner - 70 });
		y = doc.y + 10;
	}
	doc.fontSize(9).fillColor('#5b524c').text(data.url, M, 800, { width: inner, align: 'center' });
	doc.end();
	return done;
}
